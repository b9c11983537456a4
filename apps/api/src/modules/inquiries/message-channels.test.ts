import { DISCLOSURE_CHANNEL, PROPOSAL_CHANNEL } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { call, setupDesk, signIn, T0 } from '../../test/setup.ts'

const WHERE = {
  proposals: { kind: 'proposal', page: '/proposals/new', route: 'POST /api/proposals' },
  ogi_request: {
    kind: 'disclosure',
    page: '/disclosure/new',
    route: 'POST /api/disclosure/requests',
  },
} as const

const message = {
  externalId: 'S-1',
  subject: '路灯坏了',
  body: '东风路路灯不亮',
  receivedAt: '2024-09-26T10:00:00+08:00',
}

const call_ = {
  channel: 'proposals',
  kind: 'phone',
  callerName: '刘先生',
  callerPhone: '13700001111',
  subject: '咨询',
  summary: '来电询问',
  outcome: 'follow_up',
}

async function inquiryCount(desk: Awaited<ReturnType<typeof setupDesk>>) {
  const { inquiries } = tables(desk.db)
  return (await desk.db.select({ id: inquiries.id }).from(inquiries)).length
}

describe('messages into the proposals and disclosure channels', () => {
  it('are refused by the channel API and manual entry with 422 naming the channel and where such items are entered', async () => {
    const desk = await setupDesk()
    await ensureChannels(desk.db, [PROPOSAL_CHANNEL, DISCLOSURE_CHANNEL], T0)
    const s = await signIn(desk, 'manager')
    for (const [code, where] of Object.entries(WHERE)) {
      const viaApi = await call(desk, s, 'POST', `/channels/${code}/inquiries`, message)
      const viaEntry = await call(desk, s, 'POST', '/manual-entries', { ...call_, channel: code })
      for (const res of [viaApi, viaEntry]) {
        expect(res.status).toBe(422)
        const { error } = (await res.json()) as {
          error: { message: string; details: Record<string, unknown>[] }
        }
        expect(error.message).toBe(
          `Channel ${code} holds ${where.kind} items, not messages: enter them on ${where.page} or by ${where.route}, which keeps their register`,
        )
        expect(error.details).toEqual([
          expect.objectContaining({
            path: ['channel'],
            refusal: 'message_channel',
            channel: code,
            ...where,
          }),
        ])
      }
    }
    expect(await inquiryCount(desk)).toBe(0)
    // a message channel still takes both
    expect((await call(desk, s, 'POST', '/channels/minxin/inquiries', message)).status).toBe(201)
    const entry = await call(desk, s, 'POST', '/manual-entries', { ...call_, channel: 'minxin' })
    expect(entry.status).toBe(201)
    expect(await inquiryCount(desk)).toBe(2)
  })
})
