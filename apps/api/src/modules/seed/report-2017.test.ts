import { describe, expect, it } from 'vitest'
import { call, SEED_YEAR_TIMEOUT_MS, setupDesk, signIn } from '../../test/setup.ts'
import { REPORT_2017_COUNTS } from './channel-mix.ts'
import { REPORT_2017_BOUNDS, seedReport2017 } from './report-2017.service.ts'

type Counts = { total: number; byChannel: Record<string, number> }

describe('seedReport2017', () => {
  it(
    'gives the 2017 report figures exactly, counted by Beijing receipt date, first and last hour included',
    async () => {
      const desk = await setupDesk()
      const s = await signIn(desk, 'manager')
      expect(await seedReport2017(desk.db, Date.parse('2025-01-02T10:00:00+08:00'))).toEqual({
        created: 8141,
        duplicates: 0,
      })
      const counts = async (qs: string) =>
        (await (await call(desk, s, 'GET', `/inquiries/counts?status=all&${qs}`)).json()) as Counts

      const year = await counts('from=2017-01-01&to=2017-12-31')
      expect(year.byChannel).toEqual({
        ...REPORT_2017_COUNTS,
        proposals: 84,
        consultation_phone: 1936,
        ogi_request: 760,
      })
      expect(year.total).toBe(8141)
      expect((await counts('')).total).toBe(8141) // nothing outside the year

      // the first receipt is 2016 in UTC but 2017-01-01 in Beijing; the last one 2017-12-31 either way
      const [first, last] = REPORT_2017_BOUNDS
      expect(new Date(first).toISOString()).toBe('2016-12-31T16:05:00.000Z')
      expect(new Date(last).toISOString()).toBe('2017-12-31T15:55:00.000Z')
      expect((await counts('from=2016-12-31&to=2016-12-31')).total).toBe(0)
      expect((await counts('from=2017-01-01&to=2017-01-01')).total).toBeGreaterThanOrEqual(1)
      const firstDay = (await (
        await call(
          desk,
          s,
          'GET',
          '/inquiries?status=all&from=2017-01-01&to=2017-01-01&sort=received_asc&limit=1',
        )
      ).json()) as {
        items: { receivedAt: string }[]
      }
      expect(Date.parse(firstDay.items[0]!.receivedAt)).toBe(first)
      const lastDay = (await (
        await call(
          desk,
          s,
          'GET',
          '/inquiries?status=all&from=2017-12-31&to=2017-12-31&sort=received_desc&limit=1',
        )
      ).json()) as {
        items: { receivedAt: string }[]
      }
      expect(Date.parse(lastDay.items[0]!.receivedAt)).toBe(last)

      // most were answered; seeding again changes nothing
      const replied = (await (
        await call(desk, s, 'GET', '/inquiries/counts?status=replied&from=2017-01-01&to=2017-12-31')
      ).json()) as Counts
      expect(replied.total).toBeGreaterThan(5200 + 84 + 1936 + 760)
      expect(replied.total).toBeLessThan(8141)
      // answered on the call: no consultation was ever pending or overdue
      const pending = (await (
        await call(desk, s, 'GET', '/inquiries/counts?status=pending&channel=consultation_phone')
      ).json()) as Counts
      expect(pending.byChannel.consultation_phone).toBe(0)
      expect((await counts('replied=late')).byChannel.consultation_phone).toBe(0)
      expect((await counts('replied=on_time')).byChannel.consultation_phone).toBe(1936)
      expect(await seedReport2017(desk.db, Date.now(), 5)).toEqual({ created: 0, duplicates: 8141 })
    },
    SEED_YEAR_TIMEOUT_MS,
  )
})
