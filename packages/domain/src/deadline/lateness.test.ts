import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../calendar/calendar.ts'
import { weekdayCalendar } from '../working-days.ts'
import { dueStatus } from './compute.ts'
import { replyLateness } from './lateness.ts'

const at = (iso: string) => Date.parse(iso)

describe('replyLateness', () => {
  const due = at('2024-09-27T17:30:00+08:00') // a Friday

  it('is 0 for a reply by the due instant, to the millisecond', () => {
    expect(replyLateness(weekdayCalendar, due, due)).toBe(0)
    expect(replyLateness(weekdayCalendar, due, at('2024-09-20T09:00:00+08:00'))).toBe(0)
  })

  it('counts working days after the due date, a late reply on the due day or the weekend after it as 1', () => {
    expect(replyLateness(weekdayCalendar, due, at('2024-09-27T18:00:00+08:00'))).toBe(1)
    expect(replyLateness(weekdayCalendar, due, at('2024-09-29T10:00:00+08:00'))).toBe(1)
    expect(replyLateness(weekdayCalendar, due, at('2024-09-30T10:00:00+08:00'))).toBe(1)
    expect(replyLateness(weekdayCalendar, due, at('2024-10-02T10:00:00+08:00'))).toBe(3)
  })

  it('skips the National Day holiday and counts its make-up workday', () => {
    const cal = buildCalendar(
      [
        ...['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'].map((date) => ({
          date,
          isOffDay: true,
          name: '国庆节',
        })),
        { date: '2024-10-12', isOffDay: false, name: '国庆节' },
      ],
      [2024],
    )
    // due Fri 27 Sep; Mon 30 Sep, Tue 8 Oct, Wed 9 Oct are the working days up to the reply
    expect(replyLateness(cal, due, at('2024-10-09T11:00:00+08:00'))).toBe(3)
    expect(replyLateness(cal, due, at('2024-10-12T11:00:00+08:00'))).toBe(6)
  })

  it('marks an answer as late by what the open item showed as overdue that day', () => {
    const replied = at('2024-10-03T15:00:00+08:00')
    expect(dueStatus(buildCalendar([], [2024]), replied, due)).toEqual({
      state: 'overdue',
      workingDays: 4,
    })
    expect(replyLateness(weekdayCalendar, due, replied)).toBe(4)
  })
})
