/**
 * One definition of a channel's row (domain channelRowFilter): on generated data with every kind
 * on the citizen channels, merged duplicates and replies either side of the year's end, the
 * dashboard's per-channel 收件数 for a year equals the tally's and the annual sentence's, each
 * tally row adds up (received = replied + pending + merged), and both equal a recount.
 */
import { startOfZonedDay } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { addInquiries, call, setupDesk, signIn } from '../../test/setup.ts'
import { createRandom } from '../seed/random.ts'

type Row = { code: string; received: number; replied: number; pending: number; merged: number }
type Tally = { sentence: string; channels: (Row & { nameZh: string })[]; totals: Omit<Row, 'code'> }
type Dashboard = { channels: { code: string; received: { n: number } }[] }

const CITIZEN = [
  'hotline_12345',
  'mayor_mailbox',
  'minxin',
  'network_responder',
  'director_mailbox',
]
const YEAR_START = startOfZonedDay('2017-01-01')
const YEAR_END = startOfZonedDay('2018-01-01')
const DAY = 86_400_000

describe('the dashboard and the yearly tally on generated data', () => {
  it('give each channel the same 收件数, every kind counted, and each tally row adds up', async () => {
    const desk = await setupDesk(() => Date.parse('2018-03-01T10:00:00+08:00'))
    const manager = await signIn(desk, 'manager')
    const r = createRandom(20_171_231)
    const items = Array.from({ length: 160 }, () => {
      // a few days either side of the year, so its boundaries are crossed
      const receivedAt = YEAR_START + r.int(-5, 369) * DAY + r.int(0, DAY - 1)
      // a fifth are disclosure requests registered on the channel they came by
      const isDisclosure = r.int(0, 9) < 2
      const replied = r.int(0, 2) === 0
      return {
        channelCode: r.pick(CITIZEN),
        receivedAt,
        ...(isDisclosure ? { kind: 'disclosure' as const } : {}),
        ...(replied
          ? { reply: { body: '已答复', repliedAt: receivedAt + r.int(1, 40) * DAY } }
          : {}),
      }
    })
    const made = await addInquiries(desk.db, items)
    // merge some unanswered messages into another open one (the queue's 合并 action)
    const { inquiries } = tables(desk.db)
    const open = (await desk.db.select().from(inquiries)).filter(
      (i) => i.kind === 'message' && i.status === 'new',
    )
    for (let k = 0; k + 1 < open.length && k < 24; k += 3) {
      const res = await call(desk, manager, 'POST', `/inquiries/${open[k]!.id}/merge`, {
        version: open[k]!.version,
        mainId: open[k + 1]!.id,
      })
      expect(res.status).toBe(200)
    }
    expect(made.length).toBe(160)

    const tally = (await (
      await call(desk, manager, 'GET', '/reports/tally?year=2017')
    ).json()) as Tally
    const dash = (await (
      await call(desk, manager, 'GET', '/reports/dashboard?from=2017-01-01&to=2017-12-31')
    ).json()) as Dashboard

    // a recount of the stored rows, as the columns define them
    const rows = (await desk.db.select().from(inquiries)).filter(
      (i) => i.receivedAt >= YEAR_START && i.receivedAt < YEAR_END,
    )
    const recount = new Map<string, Omit<Row, 'code'>>()
    for (const i of rows) {
      const c = recount.get(i.channelCode) ?? { received: 0, replied: 0, pending: 0, merged: 0 }
      c.received += 1
      if (i.repliedAt !== null && i.repliedAt < YEAR_END) c.replied += 1
      else if (i.status === 'merged') c.merged += 1
      else c.pending += 1
      recount.set(i.channelCode, c)
    }
    // the data has what the test is about: disclosure requests on citizen channels, merges
    expect(rows.some((i) => i.kind === 'disclosure' && CITIZEN.includes(i.channelCode))).toBe(true)
    expect([...recount.values()].reduce((s, c) => s + c.merged, 0)).toBeGreaterThan(0)

    const withItems = tally.channels.filter((c) => c.received > 0)
    expect(withItems.map((c) => c.code).sort()).toEqual([...recount.keys()].sort())
    for (const c of tally.channels) {
      const { code, received, replied, pending, merged } = c
      expect({ received, replied, pending, merged }, code).toEqual(
        recount.get(code) ?? { received: 0, replied: 0, pending: 0, merged: 0 },
      )
      expect(replied + pending + merged, code).toBe(received)
      expect(dash.channels.find((d) => d.code === code)?.received.n, code).toBe(received)
    }
    for (const d of dash.channels)
      expect(tally.channels.find((c) => c.code === d.code)?.received ?? 0, d.code).toBe(
        d.received.n,
      )
    const t = tally.totals
    expect(t.replied + t.pending + t.merged).toBe(t.received)
    expect(t.received).toBe(rows.length)
    const mayor = tally.channels.find((c) => c.code === 'mayor_mailbox')!
    expect(tally.sentence).toContain(`“市长信箱”${mayor.received}件`)
  })
})
