import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../calendar/calendar.ts'
import { DEFAULT_DEADLINE_POLICIES } from '../deadline/default-policies.ts'
import { disclosureClock, disclosureDeadline, type DisclosureClockEvent } from './clock.ts'

// National Day 2024 as the State Council notice lists it: 10-01…10-07 off, 09-29 and 10-12 worked
const cal = buildCalendar(
  [
    { date: '2024-09-29', isOffDay: false, name: '国庆节' },
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
      date: `2024-10-0${d}`,
      isOffDay: true,
      name: '国庆节',
    })),
    { date: '2024-10-12', isOffDay: false, name: '国庆节' },
  ],
  [2024],
)
const deadline = (events: DisclosureClockEvent[]) =>
  disclosureDeadline(DEFAULT_DEADLINE_POLICIES, cal, '2024-09-27', events)

describe('the due date of a disclosure request, with its explanation', () => {
  it('counts 20 working days from the receipt, with the holidays on the way', () => {
    const d = deadline([])
    expect(d?.explanation.due.date).toBe('2024-10-30')
    expect(d?.explanation.received.date).toBe('2024-09-27')
    expect(d?.explanation.correction).toBeUndefined()
    expect(d?.explanation.holidays.map((h) => [h.from, h.to])).toEqual([
      ['2024-10-01', '2024-10-07'],
    ])
  })

  it('after a 补正 counts afresh from the day it arrived, adds the 延期 and leaves out the consultation', () => {
    const d = deadline([
      { type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-25' },
      { type: 'correction_received', on: '2024-10-12' },
      { type: 'consultation_started', on: '2024-10-14', party: 'third_party' },
      { type: 'consultation_ended', on: '2024-10-16' },
      { type: 'extended', on: '2024-10-21', workingDays: 20 },
    ])
    // from Sat 10-12 (a make-up workday): 20 working days to 11-08, 2 of consultation (10-15,
    // 10-16) to 11-12, 20 of 延期 to 12-10
    expect(d?.explanation.received.date).toBe('2024-10-12')
    expect(d?.explanation.correction).toEqual({ requestReceivedOn: '2024-09-27' })
    expect([d?.explanation.pausedUnits, d?.explanation.extensionUnits]).toEqual([2, 20])
    expect(d?.explanation.due.date).toBe('2024-12-10')
    expect(d?.dueAt).toBe(Date.parse('2024-12-10T17:00:00+08:00'))
    // the clock's due date is this one
    const clock = disclosureClock(DEFAULT_DEADLINE_POLICIES, cal, '2024-09-27', [], '2024-10-09')
    expect(clock.due?.at).toBe(deadline([])?.dueAt)
    expect(clock.deadline?.due.date).toBe('2024-10-30')
  })

  it('has none while the 补正 is awaited', () => {
    expect(
      deadline([{ type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-25' }]),
    ).toBeNull()
  })
})
