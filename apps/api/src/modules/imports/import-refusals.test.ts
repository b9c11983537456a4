/**
 * What the message import refuses as a whole or by row, on both engines (projects api and
 * api-pg): a channel that holds another kind of inquiry, and a reply time before the receipt.
 */
import { DISCLOSURE_CHANNEL, PROPOSAL_CHANNEL } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { setupDesk, T0 } from '../../test/setup.ts'
import { ensureChannels, getMessageChannel } from '../channels/channels.service.ts'
import { importFile } from './imports.service.ts'

const NOW = Date.parse('2026-12-06T09:00:00+08:00')
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const HEADER = '编号,标题,内容,来件时间,答复内容,答复时间'
const MAP = [
  '编号=externalId',
  '标题=subject',
  '内容=body',
  '来件时间=receivedAt',
  '答复内容=reply',
  '答复时间=repliedAt',
]

describe('message import refusals', () => {
  it('refuses the proposals and disclosure channels, naming channel, and writes nothing', async () => {
    const desk = await setupDesk()
    await ensureChannels(desk.db, [PROPOSAL_CHANNEL, DISCLOSURE_CHANNEL], T0)
    const bytes = csv(HEADER, 'S-1,路灯坏了,东风路路灯不亮,2026-11-03 10:00,,')
    for (const [code, kind] of [
      ['proposals', 'proposal'],
      ['ogi_request', 'disclosure'],
    ] as const) {
      const s = await importFile(desk.db, {
        channelCode: code,
        file: { name: 'tiny.csv', bytes },
        map: MAP,
        now: NOW,
      })
      expect([s.status, s.created, s.errors.map((e) => e.reason)]).toEqual([
        'rejected',
        0,
        [
          expect.stringMatching(
            `^Channel ${code} holds ${kind} items, not messages: enter them on /`,
          ),
        ],
      ])
      await expect(getMessageChannel(desk.db, code)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [expect.objectContaining({ path: ['channel'], refusal: 'message_channel', kind })],
      })
    }
    const ok = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'tiny.csv', bytes },
      map: MAP,
      now: NOW,
    })
    expect([ok.status, ok.created]).toEqual(['written', 1])
  })

  it('names the row and column of a reply time before the receipt and writes nothing', async () => {
    const desk = await setupDesk()
    const bytes = csv(
      HEADER,
      'T-3,按时答复,x,2026-09-10 10:00,已答复,2026-09-11 10:00',
      'T-4,答复早于来件,x,2026-09-10 10:00,已答复,2026-09-01 10:00',
    )
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'ok.csv', bytes },
      map: MAP,
      now: NOW,
    })
    expect([s.status, s.created]).toEqual(['rejected', 0])
    expect(s.errors).toEqual([
      { row: 3, column: '答复时间', code: 'before_receipt', reason: 'before the receipt date' },
    ])
  })
})
