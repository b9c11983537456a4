import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'

type Counts = { total: number; byChannel: Record<string, number> }
type Page = { items: { id: number; satisfaction: string | null }[] }

describe('queue filter satisfaction (回访)', () => {
  it('rated = any satisfaction, positive = 满意 or 基本满意; the list returns exactly the counts', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    const reply = { body: '已处理', repliedAt: T0 + 1000 }
    const rows = await addInquiries(desk.db, [
      { channelCode: 'minxin', reply },
      { channelCode: 'minxin', reply },
      { channelCode: 'hotline_12345', reply },
      { channelCode: 'hotline_12345', reply },
      { channelCode: 'hotline_12345' },
    ])
    const outcomes = ['satisfied', 'unsatisfied', 'basically_satisfied', 'unreachable']
    for (const [i, outcome] of outcomes.entries()) {
      const res = await call(desk, s, 'POST', `/inquiries/${rows[i]?.id ?? 0}/follow-ups`, {
        version: 1,
        outcome,
      })
      expect(res.status).toBe(201)
    }
    const expected = {
      rated: { minxin: 2, hotline_12345: 1 },
      positive: { minxin: 1, hotline_12345: 1 },
    }
    for (const [value, byChannel] of Object.entries(expected)) {
      const counts = (await (
        await call(desk, s, 'GET', `/inquiries/counts?status=all&satisfaction=${value}`)
      ).json()) as Counts
      expect(counts.byChannel).toMatchObject({ ...byChannel, mayor_mailbox: 0 })
      for (const [code, n] of Object.entries(counts.byChannel)) {
        const page = (await (
          await call(
            desk,
            s,
            'GET',
            `/inquiries?status=all&satisfaction=${value}&channel=${code}&limit=200`,
          )
        ).json()) as Page
        expect(page.items.length, `${value} ${code}`).toBe(n)
      }
    }
    const positive = (await (
      await call(desk, s, 'GET', '/inquiries?status=all&satisfaction=positive&limit=200')
    ).json()) as Page
    expect(positive.items.map((i) => i.satisfaction).sort()).toEqual([
      'basically_satisfied',
      'satisfied',
    ])
    expect((await call(desk, s, 'GET', '/inquiries?satisfaction=happy')).status).toBe(422)
  })
})
