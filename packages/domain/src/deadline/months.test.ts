import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../calendar/calendar.ts'
import { formatInstant } from '../time.ts'
import { addCalendarMonths } from '../time.ts'
import { computeDeadline, computeDueAt } from './compute.ts'
import { DEFAULT_DEADLINE_POLICIES } from './default-policies.ts'
import { deadlinePolicySchema, selectPolicy, type DeadlineRule } from './policy.ts'

// 2018's Spring Festival (02-15…02-21, 02-11 and 02-24 make-up workdays), as the State Council announced it
const cal = buildCalendar(
  [
    ...['2018-02-15', '2018-02-16', '2018-02-19', '2018-02-20', '2018-02-21'].map((date) => ({
      date,
      isOffDay: true,
      name: '春节',
    })),
    ...['2018-02-11', '2018-02-24'].map((date) => ({ date, isOffDay: false, name: '春节' })),
  ],
  [2017, 2018],
)
const months = (amount: number, extra: Partial<DeadlineRule> = {}): DeadlineRule => ({
  rule: 'calendar_months',
  amount,
  start: 'receipt',
  endOfDay: '17:00',
  extensionAmount: null,
  source: 'test',
  ...extra,
})
const at = (iso: string) => Date.parse(iso)
const due = (rule: DeadlineRule, received: string, options = {}) =>
  formatInstant(computeDeadline(rule, at(received), cal, options).dueAt).slice(0, 16)

describe('addCalendarMonths', () => {
  it.each([
    ['2017-03-15', 3, '2017-06-15'],
    ['2017-11-30', 3, '2018-02-28'],
    ['2019-11-30', 3, '2020-02-29'],
    ['2017-01-31', 1, '2017-02-28'],
    ['2017-08-31', 1, '2017-09-30'],
    ['2017-10-31', 2, '2017-12-31'],
    ['2017-12-15', 1, '2018-01-15'],
    ['2017-05-31', 12, '2018-05-31'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addCalendarMonths(date, n)).toBe(expected)
  })
})

describe('calendar_months deadlines', () => {
  it("falls on the same day of the target month, at the rule's end of day", () => {
    expect(due(months(3), '2017-03-15T10:00:00+08:00')).toBe('2017-06-15T17:00')
  })

  it('falls on the last day of a shorter month, moved to the next working day when that is off', () => {
    // 2017-11-30 + 3 months = 2018-02-28, a Wednesday and a working day
    expect(due(months(3), '2017-11-30T09:00:00+08:00')).toBe('2018-02-28T17:00')
    // 2017-10-31 + 4 months = 2018-02-28 too; 2017-11-17 + 3 months = 2018-02-17 is in the Spring Festival: next working day 02-22
    const d = computeDeadline(months(3), at('2017-11-17T09:00:00+08:00'), cal)
    expect(d.explanation.due.date).toBe('2018-02-22')
    expect(d.explanation.isRolledOver).toBe(true)
    expect(d.explanation.holidays.map((h) => [h.from, h.to])).toEqual([
      ['2018-02-15', '2018-02-16'],
      ['2018-02-19', '2018-02-21'],
    ])
  })

  it('adds a pause in calendar days and an extension in months', () => {
    const pause = { from: at('2017-04-01T10:00:00+08:00'), to: at('2017-04-11T10:00:00+08:00') }
    expect(due(months(3), '2017-03-15T10:00:00+08:00', { pauses: [pause] })).toBe(
      '2017-06-26T17:00',
    )
    expect(
      due(months(3, { extensionAmount: 1 }), '2017-03-15T10:00:00+08:00', { isExtended: true }),
    ).toBe('2017-07-17T17:00')
    expect(computeDueAt(months(3), at('2017-03-15T10:00:00+08:00'), cal, { pauses: [pause] })).toBe(
      at('2017-06-26T17:00:00+08:00'),
    )
  })

  it('counts from the first working day after receipt when the rule says so', () => {
    // received Friday 2017-03-17: the period starts Monday 03-20
    expect(due(months(1, { start: 'next_working_day' }), '2017-03-17T10:00:00+08:00')).toBe(
      '2017-04-20T17:00',
    )
  })
})

describe('the default proposal policies', () => {
  const scope = (category: string | null) => ({
    kind: 'proposal' as const,
    channelCode: 'proposals',
    category,
    receivedDate: '2017-03-15',
  })

  it('answer in 3 months of assignment; a co-unit opinion in 1 month; both valid policies', () => {
    const lead = selectPolicy(DEFAULT_DEADLINE_POLICIES, scope('主办'))
    const co = selectPolicy(DEFAULT_DEADLINE_POLICIES, scope('协办'))
    expect([lead?.rule, lead?.amount, co?.rule, co?.amount]).toEqual([
      'calendar_months',
      3,
      'calendar_months',
      1,
    ])
    expect(lead?.source).toContain('三个月')
    expect(co?.source).toContain('一个月')
    for (const p of [lead, co]) expect(deadlinePolicySchema.safeParse(p).success).toBe(true)
    expect(due(co!, '2017-03-15T09:00:00+08:00')).toBe('2017-04-17T17:00')
  })
})
