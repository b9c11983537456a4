import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

const entry = (extra: Record<string, unknown> = {}) => ({
  channel: 'hotline_12345',
  kind: 'phone',
  callerName: '刘先生',
  callerPhone: '13700001111',
  subject: '咨询不动产登记所需材料',
  summary: '来电询问二手房过户需要准备哪些材料。',
  category: '国土资源',
  outcome: 'answered',
  answer: '已告知需携带身份证、不动产权证书及完税证明。',
  ...extra,
})

type Counts = { total: number; byChannel: Record<string, number> }

describe('POST /manual-entries', () => {
  it('records an answered call as replied at once, with the reply and author, outside the pending counts', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const res = await call(desk, s, 'POST', '/manual-entries', entry())
    expect(res.status).toBe(201)
    const { id, externalId } = (await res.json()) as { id: number; externalId: string }
    expect(externalId).toMatch(/^PHONE-20240927-[0-9A-Z]{8}$/)
    const view = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: {
        status: string
        replies: { body: string; author: string; origin: string }[]
        events: { type: string }[]
      }
    }
    expect(view.inquiry.status).toBe('replied')
    expect(view.inquiry.replies).toEqual([
      expect.objectContaining({ author: 'responder1 name', origin: 'desk' }),
    ])
    expect(view.inquiry.events.map((e) => e.type)).toEqual(['received', 'replied'])
    const pending = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    const replied = (await (
      await call(desk, s, 'GET', '/inquiries/counts?status=replied')
    ).json()) as Counts
    expect([pending.byChannel.hotline_12345, replied.byChannel.hotline_12345]).toEqual([0, 1])
  })

  it('puts a follow-up call into the reply queue', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ outcome: 'follow_up', answer: undefined, kind: 'letter' }),
    )
    const pending = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    expect(pending.byChannel.hotline_12345).toBe(1)
  })

  it('answers 422 when an answered call has no answer, or the time is in the future', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const noAnswer = await call(desk, s, 'POST', '/manual-entries', entry({ answer: '' }))
    expect(noAnswer.status).toBe(422)
    const body = (await noAnswer.json()) as { error: { details: { path: string[] }[] } }
    expect(body.error.details[0]?.path).toEqual(['answer'])
    const future = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ receivedAt: '2030-01-01T09:00:00+08:00' }),
    )
    expect(future.status).toBe(422)
  })

  it('answers 404 for an unknown channel and 401 without a session', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    expect(
      (await call(desk, s, 'POST', '/manual-entries', entry({ channel: 'nowhere' }))).status,
    ).toBe(404)
    expect((await call(desk, undefined, 'POST', '/manual-entries', entry())).status).toBe(401)
  })
})
