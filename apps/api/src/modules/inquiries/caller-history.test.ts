import { formatInstant } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'

type Page = { items: { externalId: string; contact?: unknown }[] }
type History = {
  total: number
  items: { id: number; channel: string; subject: string; kind: string; receivedAt: string }[]
}
const minute = 60_000

describe('phone search and caller history', () => {
  it('finds a caller by any spelling of the number, across channels, and lists only earlier inquiries', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    const ids = (
      await addInquiries(desk.db, [
        { externalId: 'A', citizenPhone: '138 1234 5678', receivedAt: T0, subject: '路灯不亮' },
        {
          externalId: 'B',
          channelCode: 'minxin',
          citizenPhone: '+86-13812345678',
          receivedAt: T0 + minute,
          subject: '噪音扰民',
        },
        { externalId: 'C', citizenPhone: '13912345678', receivedAt: T0 + 2 * minute },
        {
          externalId: 'D',
          channelCode: 'mayor_mailbox',
          citizenPhone: '１３８１２３４５６７８',
          receivedAt: T0 + 3 * minute,
        },
        { externalId: 'E', citizenPhone: '不详', receivedAt: T0 + 4 * minute },
      ])
    ).map((r) => r.id)

    const search = async (q: string) => {
      const res = await call(desk, s, 'GET', `/inquiries?status=all&q=${encodeURIComponent(q)}`)
      const page = (await res.json()) as Page
      return page.items.map((i) => i.externalId).sort()
    }
    expect(await search('13812345678')).toEqual(['A', 'B', 'D'])
    expect(await search('+86 138-1234-5678')).toEqual(['A', 'B', 'D'])
    const counts = (await (
      await call(desk, s, 'GET', `/inquiries/counts?status=all&q=13812345678`)
    ).json()) as { total: number }
    expect(counts.total).toBe(3)

    const history = async (id: number) =>
      (await (await call(desk, s, 'GET', `/inquiries/${id}/caller-history`)).json()) as History
    const ofD = await history(ids[3]!)
    expect(ofD.total).toBe(2)
    // the kind tells the page how to show the receipt (a message: with its time)
    expect(ofD.items.map((i) => [i.subject, i.channel, i.kind])).toEqual([
      ['噪音扰民', 'minxin', 'message'],
      ['路灯不亮', 'hotline_12345', 'message'],
    ])
    expect(JSON.stringify(ofD)).not.toContain('5678')
    // instants as the inquiry page has them: Beijing time with its offset, not UTC's Z
    const detailOfB = (await (await call(desk, s, 'GET', `/inquiries/${ids[1]}`)).json()) as {
      inquiry: { receivedAt: string }
    }
    expect(ofD.items[0]?.receivedAt).toBe(formatInstant(T0 + minute))
    expect(ofD.items[0]?.receivedAt).toMatch(/\+08:00$/)
    expect(ofD.items[0]?.receivedAt).toBe(detailOfB.inquiry.receivedAt)
    expect((await history(ids[0]!)).total).toBe(0)
    expect((await history(ids[4]!)).total).toBe(0)
    expect((await call(desk, s, 'GET', '/inquiries/99999/caller-history')).status).toBe(404)
  })
})
