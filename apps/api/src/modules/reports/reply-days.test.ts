import {
  addCalendarDays,
  weekdayCalendar,
  workingDaysToReply,
  type WorkingDayCalendar,
} from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { workedDays } from './reply-days.ts'

// 2024's National Day week off (1–7 Oct) with its make-up workdays (Sun 29 Sep, Sat 12 Oct)
const holidays = new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'])
const makeUp = new Set(['2024-09-29', '2024-10-12'])
const cal: WorkingDayCalendar = {
  isWorkingDay: (d) => makeUp.has(d) || (!holidays.has(d) && weekdayCalendar.isWorkingDay(d)),
}

describe('workedDays', () => {
  it('gives workingDaysToReply as a difference for every ordered pair of days in the span', () => {
    const from = '2024-09-20'
    const worked = workedDays(cal, from, 46)
    for (let r = 0; r < 46; r++) {
      for (let p = r; p < 46; p++) {
        const want = workingDaysToReply(cal, addCalendarDays(from, r), addCalendarDays(from, p))
        expect((worked[p] ?? NaN) - (worked[r] ?? NaN), `${r} ${p}`).toBe(want)
      }
    }
    // Fri 27 Sep -> Tue 8 Oct: Sun 29, Mon 30 Sep and Tue 8 Oct are working days
    expect((worked[18] ?? 0) - (worked[7] ?? 0)).toBe(3)
  })

  it('refuses an empty or fractional span', () => {
    expect(() => workedDays(cal, '2024-09-20', 0)).toThrow(RangeError)
    expect(() => workedDays(cal, '2024-09-20', 1.5)).toThrow(RangeError)
  })
})
