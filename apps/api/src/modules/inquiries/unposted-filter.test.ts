import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { inquiries } from '../../db/schema.ts'
import {
  addInquiries,
  call,
  setupDesk,
  signIn,
  T0,
  type Session,
  type Desk,
} from '../../test/setup.ts'
import { deliverDue } from './deliveries.service.ts'
import { filterWithoutChannel } from '../../db/inquiry-filter.ts'

type Counts = { total: number; byChannel: Record<string, number> }
type Item = { id: number; channel: string; hasUnpostedReply: boolean }
type Page = { items: Item[] }

const get = async <T>(desk: Desk, s: Session, path: string) =>
  (await (await call(desk, s, 'GET', path)).json()) as T
const ids = (page: Page) => page.items.map((i) => i.id).sort((a, b) => a - b)

/** Replies in the desk to a new inquiry; returns the reply's id and the inquiry's version after it. */
async function reply(desk: Desk, s: Session, id: number) {
  const res = await call(desk, s, 'POST', `/inquiries/${id}/replies`, {
    version: 1,
    body: '您好，已转相关部门处理。',
  })
  expect(res.status).toBe(201)
  const { inquiry } = (await res.json()) as {
    inquiry: { version: number; replies: { id: number }[] }
  }
  return { replyId: inquiry.replies.at(-1)!.id, version: inquiry.version }
}

describe('queue filter unposted (待回填平台)', () => {
  it('lists desk replies not yet on the platform: not posted by hand, not delivered by webhook; never source replies', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const s = await signIn(desk, 'manager')
    const hook = {
      webhookUrl: 'http://127.0.0.1:9/replies',
      webhookSecret: 'test-secret-0123456789abcdef',
    }
    expect(
      (await call(desk, admin, 'PATCH', '/channel-settings/network_responder', hook)).status,
    ).toBe(200)
    const source = { body: '已处理', repliedAt: T0 + 1000 }
    const [open, posted, imported, minxin, delivered, failing, closed, untouched] = (
      await addInquiries(desk.db, [
        { channelCode: 'hotline_12345' },
        { channelCode: 'hotline_12345' },
        { channelCode: 'minxin', reply: source },
        { channelCode: 'minxin' },
        { channelCode: 'network_responder' },
        { channelCode: 'network_responder' },
        { channelCode: 'minxin' },
        { channelCode: 'mayor_mailbox' },
      ])
    ).map((r) => r.id)

    await reply(desk, s, open!)
    const { replyId: postedReply } = await reply(desk, s, posted!)
    expect(
      (
        await call(desk, s, 'POST', `/inquiries/${posted}/replies/${postedReply}/posted`, {
          postedOn: '2024-09-27',
        })
      ).status,
    ).toBe(200)
    await reply(desk, s, minxin!)
    await reply(desk, s, delivered!)
    await reply(desk, s, failing!)
    const { version } = await reply(desk, s, closed!)
    expect((await call(desk, s, 'POST', `/inquiries/${closed}/close`, { version })).status).toBe(
      200,
    )

    // the channel answers 2xx for one reply and 500 for the other (which stays pending, retrying)
    const report = await deliverDue(desk.db, T0, (_url, init) => {
      const { inquiryId } = JSON.parse(String(init.body)) as { inquiryId: number }
      return Promise.resolve(new Response(null, { status: inquiryId === delivered ? 204 : 500 }))
    })
    expect(report).toEqual({ delivered: 1, retrying: 1, failed: 0 })

    const listed = await get<Page>(desk, s, '/inquiries?status=all&unposted=1&limit=200')
    expect(ids(listed)).toEqual([open, minxin, failing, closed])
    expect(listed.items.every((i) => i.hasUnpostedReply)).toBe(true)

    // the row tag reads the same rule in every view
    const all = await get<Page>(desk, s, '/inquiries?status=all&limit=200')
    expect(
      all.items
        .filter((i) => i.hasUnpostedReply)
        .map((i) => i.id)
        .sort((a, b) => a - b),
    ).toEqual(ids(listed))
    expect(all.items.find((i) => i.id === imported)?.hasUnpostedReply).toBe(false)
    expect(all.items.find((i) => i.id === untouched)?.hasUnpostedReply).toBe(false)

    const counts = await get<Counts>(desk, s, '/inquiries/counts?status=all&unposted=1')
    expect(counts).toEqual({
      total: 4,
      byChannel: {
        hotline_12345: 1,
        minxin: 2,
        network_responder: 1,
        mayor_mailbox: 0,
        director_mailbox: 0,
      },
      // a filter without a search word is always counted exactly
      capped: false,
    })
    // replied inquiries are not pending: the default status narrows them out
    expect((await get<Counts>(desk, s, '/inquiries/counts?unposted=1')).total).toBe(0)

    // marking it posted takes it off the list at once
    const openReply = await get<{ inquiry: { replies: { id: number }[] } }>(
      desk,
      s,
      `/inquiries/${open}`,
    )
    const mark = await call(
      desk,
      s,
      'POST',
      `/inquiries/${open}/replies/${openReply.inquiry.replies[0]!.id}/posted`,
      {
        postedOn: '2024-09-27',
      },
    )
    expect(mark.status).toBe(200)
    expect(ids(await get<Page>(desk, s, '/inquiries?status=all&unposted=1&limit=200'))).toEqual([
      minxin,
      failing,
      closed,
    ])

    expect((await call(desk, s, 'GET', '/inquiries?unposted=yes')).status).toBe(422)
  })

  it('counts per channel exactly the rows the list returns with that channel, combined with other filters', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const rows = (
      await addInquiries(desk.db, [
        { channelCode: 'minxin', subject: '路灯不亮' },
        { channelCode: 'minxin' },
        { channelCode: 'hotline_12345', subject: '路灯问题' },
        { channelCode: 'hotline_12345', reply: { body: '已处理', repliedAt: T0 + 1000 } },
        { channelCode: 'mayor_mailbox' },
      ])
    ).map((r) => r.id)
    const versions: number[] = []
    for (const id of rows.slice(0, 3)) versions.push((await reply(desk, s, id!)).version)
    // reopened after a desk reply: pending again, the first reply still unposted
    expect(
      (await call(desk, s, 'POST', `/inquiries/${rows[1]}/reopen`, { version: versions[1] }))
        .status,
    ).toBe(200)
    const filters = [
      'status=all&unposted=1',
      'unposted=1',
      'status=replied&unposted=1',
      `status=all&unposted=1&q=${encodeURIComponent('路灯')}`,
    ]
    const totals: number[] = []
    for (const filter of filters) {
      const counts = await get<Counts>(desk, s, `/inquiries/counts?${filter}`)
      let total = 0
      for (const [code, n] of Object.entries(counts.byChannel)) {
        const page = await get<Page>(desk, s, `/inquiries?${filter}&channel=${code}&limit=200`)
        expect(page.items.length, `${filter} ${code}`).toBe(n)
        total += n
      }
      expect(counts.total).toBe(total)
      totals.push(total)
    }
    expect(totals).toEqual([3, 1, 2, 2])
  })

  it('probes replies and outbox messages through their indexes, never a scan of either', async () => {
    const desk = await setupDesk()
    const query = desk.db
      .select({ channelCode: inquiries.channelCode, n: count() })
      .from(inquiries)
      .where(
        filterWithoutChannel(
          desk.db,
          { status: 'all', unposted: '1' },
          { id: 1, role: 'manager', departmentId: null },
        ),
      )
      .groupBy(inquiries.channelCode)
      .toSQL()
    const plan = desk.db.$client
      .prepare(`explain query plan ${query.sql}`)
      .all(...query.params) as { detail: string }[]
    const details = plan.map((p) => p.detail)
    expect(details).toContain('CORRELATED SCALAR SUBQUERY 1')
    expect(
      details.some((d) =>
        /SEARCH replies EXISTS USING INDEX replies_(unposted|inquiry)_idx \(inquiry_id=\?\)/.test(
          d,
        ),
      ),
    ).toBe(true)
    expect(
      details.some((d) =>
        /SEARCH outbox_messages USING INDEX outbox_inquiry_idx \(inquiry_id=\?\)/.test(d),
      ),
    ).toBe(true)
    expect(details.filter((d) => /SCAN (replies|outbox_messages)/.test(d))).toEqual([])
  })
})
