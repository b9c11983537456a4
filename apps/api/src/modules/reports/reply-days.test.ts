import { addCalendarDays, weekdayCalendar, workingDaysToReply, type WorkingDayCalendar } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { replyDaysByIndex } from './reply-days.ts'

// 2024's National Day week off (1–7 Oct) with its make-up workdays (Sun 29 Sep, Sat 12 Oct)
const holidays = new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'])
const makeUp = new Set(['2024-09-29', '2024-10-12'])
const cal: WorkingDayCalendar = {
  isWorkingDay: (d) => makeUp.has(d) || (!holidays.has(d) && weekdayCalendar.isWorkingDay(d)),
}

describe('replyDaysByIndex', () => {
  it('equals workingDaysToReply for every pair of days in the span, before and after the range start', () => {
    const from = '2024-09-20'
    const days = replyDaysByIndex(cal, from, -5, 40)
    for (let r = -5; r <= 40; r++) {
      for (let p = -5; p <= 40; p++) {
        const want = workingDaysToReply(cal, addCalendarDays(from, r), addCalendarDays(from, p))
        expect(days(r, p), `${r} ${p}`).toBe(want)
      }
    }
    // Fri 27 Sep -> Tue 8 Oct: Sun 29, Mon 30 Sep and Tue 8 Oct are working days
    expect(days(7, 18)).toBe(3)
  })

  it('refuses indexes outside the span and empty spans', () => {
    expect(() => replyDaysByIndex(cal, '2024-09-20', 0, 3)(0, 4)).toThrow(RangeError)
    expect(() => replyDaysByIndex(cal, '2024-09-20', 3, 2)).toThrow(RangeError)
  })
})
