import { describe, expect, it } from 'vitest'
import { computeDueAt } from '../deadline/compute.ts'
import { formatInstant } from '../time.ts'
import { addWorkingDays } from '../working-days.ts'
import { buildCalendar } from './calendar.ts'
import { parseHolidayCnYear } from './holiday-cn.ts'
import { fixedDateHoliday } from './statutory-holidays.ts'

// a desk with 2026's notice loaded (two of its listed days) and nothing for 2024 or 2027
const cal = buildCalendar(
  [
    { date: '2026-10-01', isOffDay: true, name: '国庆节、中秋节' },
    { date: '2026-10-10', isOffDay: false, name: '国庆节、中秋节' },
  ],
  [2026],
)

describe('the statutory fixed-date holidays of a year whose notice is not loaded', () => {
  it.each([
    ['2027-01-01', false, '元旦'], // a Friday
    ['2027-05-03', true, null], // a Monday: 劳动节 is 1–2 May since 2025
    ['2027-10-01', false, '国庆节'], // Friday
    ['2024-05-01', false, '劳动节'], // Wednesday
    ['2024-05-02', true, null], // Thursday: 1 May only before 2025
    ['2024-10-03', false, '国庆节'], // Thursday
    ['2007-05-02', false, '劳动节'], // Wednesday: 1–3 May under the 1999 revision
    ['2007-05-04', true, null], // Friday
    ['1999-05-04', true, null], // Tuesday, before the 1999 revision: 1 May only
    ['1998-10-03', false, null], // a Saturday, and no holiday: 1–2 October under the 1949 办法
  ])('%s is a working day: %s (%s)', (date, isWorkingDay, name) => {
    expect(cal.describeDay(date)).toMatchObject({ isWorkingDay, name, isCovered: false })
  })

  it('leaves a loaded year to its notice, even on a fixed date it does not list', () => {
    expect(cal.describeDay('2026-10-02')).toMatchObject({
      isWorkingDay: true, // the two-entry notice above does not list it: the notice decides
      kind: 'workday',
      isCovered: true,
    })
    expect(cal.describeDay('2026-10-10')).toMatchObject({ kind: 'makeup_workday' })
  })

  it('names the revision of the 办法 in force on the day', () => {
    expect(fixedDateHoliday('2025-05-02')?.source).toContain('国务院令第795号')
    expect(fixedDateHoliday('2024-12-31')).toBeNull()
    expect(fixedDateHoliday('2024-01-01')?.source).toContain('国务院令第513号')
    expect(fixedDateHoliday('1949-10-01')).toBeNull()
  })

  it('keeps a due date off 1 January 2027: 2026-12-04 plus 20 working days', () => {
    // Friday 2026-12-04 + 20 working days: 2026-12-07 … 2027-01-01 would be the 20th with
    // Monday–Friday alone; 元旦 is skipped, so Monday 2027-01-04
    expect(addWorkingDays(cal, '2026-12-04', 20)).toBe('2027-01-04')
    const due = computeDueAt(
      {
        rule: 'working_days',
        amount: 20,
        start: 'next_working_day',
        endOfDay: '17:00',
        extensionAmount: null,
        source: 'test',
      },
      Date.parse('2026-12-04T10:00:00+08:00'),
      cal,
    )
    expect(formatInstant(due)).toBe('2027-01-04T17:00:00.000+08:00')
  })
})

describe('a holiday-cn file must be a whole year before it counts as loaded', () => {
  const file = (days: { date: string; isOffDay: boolean }[]) =>
    parseHolidayCnYear({ year: 2027, days: days.map((d) => ({ name: '假', ...d })) })

  it('names the fixed-date holidays it leaves as workdays and the lone days that change nothing', () => {
    // 元旦, a Wednesday "make-up workday" and a Saturday "day off": the tester's partial 2027
    const r = file([
      { date: '2027-01-01', isOffDay: true },
      { date: '2027-01-06', isOffDay: false },
      { date: '2027-01-09', isOffDay: true },
    ])
    expect(r.ok).toBe(false)
    if (r.ok) return
    // 2027-05-01/02 and 10-02/03 are weekends, off anyway; Friday 10-01 is not listed
    expect(r.problems).toEqual([
      { path: 'days', message: expect.stringMatching(/^2027-10-01 \(国庆节\).*国务院令第795号/) },
      {
        path: 'days.1',
        message: expect.stringContaining('2027-01-06 is listed as a make-up workday'),
      },
      { path: 'days.2', message: expect.stringContaining('2027-01-09 is listed as a day off') },
    ])
  })

  it('accepts weekends and a weekday workday inside a holiday run, not one a day apart', () => {
    const whole = [
      { date: '2027-01-01', isOffDay: true },
      { date: '2027-01-02', isOffDay: true }, // Saturday after 元旦
      { date: '2027-10-01', isOffDay: true },
      { date: '2027-10-02', isOffDay: true },
      { date: '2027-10-04', isOffDay: true }, // Monday; Sunday 10-03 is off unlisted
      { date: '2027-10-05', isOffDay: false }, // a Tuesday workday ending the run
    ]
    expect(file(whole).ok).toBe(true)
    // Thursday 10-07 after an unlisted Wednesday belongs to no holiday
    expect(file([...whole, { date: '2027-10-07', isOffDay: false }])).toMatchObject({
      ok: false,
      problems: [{ path: 'days.6' }],
    })
  })
})
