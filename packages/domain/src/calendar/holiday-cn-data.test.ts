/// <reference types="node" />
// Real-data tests: the State Council arrangements 2017–2026 in /work/shared/data/holiday-cn (read
// through DESK_SHARED_DATA or <repo>/../shared/data; skipped with a notice when absent, failing
// under CI=true). Table-driven deadlines over real years and fast-check properties.
import fc from 'fast-check'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  computeDeadline,
  computeDueAt,
  dependsOnReceiptDateOnly,
  dueStatus,
} from '../deadline/compute.ts'
import { DEFAULT_DEADLINE_POLICIES, FALLBACK_POLICY } from '../deadline/default-policies.ts'
import { selectPolicy, type DeadlineRule } from '../deadline/policy.ts'
import { addCalendarDays, formatInstant } from '../time.ts'
import { addWorkingDays, countWorkingDays } from '../working-days.ts'
import { buildCalendar, type CalendarEntry } from './calendar.ts'
import { parseHolidayCnYear, type HolidayCnYear } from './holiday-cn.ts'
import { fixedDateHoliday } from './statutory-holidays.ts'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const dataDir = resolve(
  process.env.DESK_SHARED_DATA ?? resolve(repoRoot, '../shared/data'),
  'holiday-cn',
)
const hasData = existsSync(resolve(dataDir, '2024.json'))
if (!hasData) {
  if (process.env.CI === 'true') throw new Error(`shared data missing at ${dataDir} (CI=true)`)
  console.warn(`[skip] holiday-cn data not found at ${dataDir}: real-data calendar tests skipped`)
}

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i)
const readYear = (y: number): unknown =>
  JSON.parse(readFileSync(resolve(dataDir, `${y}.json`), 'utf8'))
const files: HolidayCnYear[] = hasData
  ? YEARS.map((y) => {
      const r = parseHolidayCnYear(readYear(y))
      if (!r.ok) throw new Error(`${y}.json: ${JSON.stringify(r.problems)}`)
      return r.value
    })
  : []
const entries: CalendarEntry[] = files.flatMap((f) => f.days)
const cal = buildCalendar(entries, YEARS)

const at = (iso: string) => Date.parse(iso)
const wd = (amount: number, extra: Partial<DeadlineRule> = {}): DeadlineRule => ({
  rule: 'working_days',
  amount,
  start: 'next_working_day',
  endOfDay: '17:00',
  extensionAmount: null,
  source: 'test',
  ...extra,
})

describe.runIf(hasData)('the holiday-cn calendar 2017–2026', () => {
  it('parses every file and refuses the empty 2027 notice', () => {
    expect(files.map((f) => f.days.length)).toEqual([29, 29, 31, 37, 38, 38, 34, 36, 33, 39])
    const r = parseHolidayCnYear(readYear(2027))
    expect(r.ok).toBe(false)
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['days'])
  })

  it('classifies every date of 2017–2026 as the files say, Monday–Friday elsewhere', () => {
    const listed = new Map(entries.map((e) => [e.date, e]))
    let workdays = 0
    for (let d = '2017-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const e = listed.get(d)
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay()
      const expected = e ? !e.isOffDay : dow !== 0 && dow !== 6
      const info = cal.describeDay(d)
      expect(info.isWorkingDay, d).toBe(expected)
      expect(info.isCovered).toBe(true)
      if (expected) workdays += 1
    }
    // 2609 weekdays in 2017–2026; the notices take 180 of them off and add 64 weekend days
    expect(workdays).toBe(2493)
  })

  it('names the days of the 2020 Spring Festival extension and the 2018-12-29 make-up Saturday', () => {
    expect(cal.describeDay('2020-01-31')).toMatchObject({
      kind: 'holiday',
      name: '春节',
      isWorkingDay: false,
    })
    expect(cal.describeDay('2020-02-01')).toMatchObject({ kind: 'holiday', isWorkingDay: false })
    expect(cal.describeDay('2018-12-29')).toMatchObject({
      kind: 'makeup_workday',
      name: '元旦',
      isWorkingDay: true,
    })
    expect(cal.describeDay('2027-01-04')).toMatchObject({ kind: 'workday', isCovered: false })
  })

  it('agrees with the statutory fixed-date holidays assumed for a year not loaded: each is off in every notice', () => {
    const fixed: string[] = []
    for (let d = '2017-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1))
      if (fixedDateHoliday(d)) fixed.push(d)
    // 5 days a year, 6 from 2025 (劳动节 1–2 May)
    expect(fixed).toHaveLength(52)
    expect(fixed.filter((d) => cal.describeDay(d).isWorkingDay)).toEqual([])
    const unloaded = buildCalendar([], [])
    expect(fixed.filter((d) => unloaded.describeDay(d).isWorkingDay)).toEqual([])
  })
})

type Row = {
  name: string
  rule: DeadlineRule
  received: string
  due: string
  makeups?: string[]
  holidays?: string[]
}
const rows: Row[] = [
  {
    name: 'Saturday receipt counts from Monday',
    rule: wd(3),
    received: '2024-09-21T11:00:00+08:00',
    due: '2024-09-25T17:00:00.000+08:00',
  },
  {
    name: 'Sunday receipt on a make-up workday',
    rule: wd(1),
    received: '2024-09-29T09:00:00+08:00',
    due: '2024-09-30T17:00:00.000+08:00',
  },
  {
    name: 'eve of National Day 2024, 5 working days',
    rule: wd(5),
    received: '2024-09-27T09:30:00+08:00',
    due: '2024-10-10T17:00:00.000+08:00',
    makeups: ['2024-09-29'],
    holidays: ['国庆节 2024-10-01…2024-10-07 (7)'],
  },
  {
    name: 'eve of National Day 2024, 13 working days (09-29 and 10-12 worked)',
    rule: wd(13),
    received: '2024-09-27T09:30:00+08:00',
    due: '2024-10-21T17:00:00.000+08:00',
    makeups: ['2024-09-29', '2024-10-12'],
    holidays: ['国庆节 2024-10-01…2024-10-07 (7)'],
  },
  {
    name: 'Spring Festival 2025 (01-26 and 02-08 worked)',
    rule: wd(13),
    received: '2025-01-24T16:00:00+08:00',
    due: '2025-02-18T17:00:00.000+08:00',
    makeups: ['2025-01-26', '2025-02-08'],
    holidays: ['春节 2025-01-28…2025-02-04 (8)'],
  },
  {
    name: 'the 2020 Spring Festival extension (01-31 to 02-02 off)',
    rule: wd(3),
    received: '2020-01-23T10:00:00+08:00',
    due: '2020-02-05T17:00:00.000+08:00',
    holidays: ['春节 2020-01-24…2020-02-02 (10)'],
  },
  {
    name: 'across the year boundary with the 2018-12-29 make-up Saturday',
    rule: wd(3),
    received: '2018-12-28T10:00:00+08:00',
    due: '2019-01-03T17:00:00.000+08:00',
    makeups: ['2018-12-29'],
    holidays: ['元旦 2018-12-30…2019-01-01 (3)'],
  },
  {
    name: 'across 2024/2025',
    rule: wd(3),
    received: '2024-12-30T23:30:00+08:00',
    due: '2025-01-03T17:00:00.000+08:00',
  },
  {
    name: 'calendar days ending in a holiday roll to the next working day (民法典 203)',
    rule: wd(7, { rule: 'calendar_days', start: 'receipt' }),
    received: '2024-09-27T09:30:00+08:00',
    due: '2024-10-08T17:00:00.000+08:00',
  },
  {
    name: 'same day, end of the day',
    rule: wd(0, { rule: 'same_day', start: 'receipt', endOfDay: null }),
    received: '2024-10-03T08:00:00+08:00',
    due: '2024-10-03T23:59:59.999+08:00',
  },
  {
    name: 'same day after 17:00 rolls to the next working day (a make-up Sunday)',
    rule: wd(0, { rule: 'same_day', start: 'receipt' }),
    received: '2024-09-27T18:00:00+08:00',
    due: '2024-09-29T17:00:00.000+08:00',
  },
  {
    name: '24 hours from the receipt instant, straight through a holiday',
    rule: wd(24, { rule: 'hours', start: 'receipt', endOfDay: null }),
    received: '2024-10-01T10:15:00+08:00',
    due: '2024-10-02T10:15:00.000+08:00',
  },
  {
    name: '2 hours from the next working day',
    rule: wd(2, { rule: 'hours', endOfDay: null }),
    received: '2024-10-01T10:15:00+08:00',
    due: '2024-10-08T02:00:00.000+08:00',
  },
]

describe.runIf(hasData)('computeDeadline over real years', () => {
  it.each(rows)('$name', (row) => {
    const { dueAt, explanation } = computeDeadline(row.rule, at(row.received), cal)
    expect(formatInstant(dueAt)).toBe(row.due)
    expect(explanation.due.at).toBe(dueAt)
    if (row.makeups) expect(explanation.makeupWorkdays.map((m) => m.date)).toEqual(row.makeups)
    if (row.holidays)
      expect(explanation.holidays.map((h) => `${h.name} ${h.from}…${h.to} (${h.days})`)).toEqual(
        row.holidays,
      )
  })

  it('explains the eve of National Day as the inquiry page shows it', () => {
    const { explanation: e } = computeDeadline(wd(5), at('2024-09-27T09:30:00+08:00'), cal)
    expect(e.received).toMatchObject({ date: '2024-09-27', weekday: 5, kind: 'workday' })
    expect(e.countFrom).toBe('2024-09-29')
    expect(e.due).toMatchObject({ date: '2024-10-10', weekday: 4 })
    expect(e.uncoveredYears).toEqual([])
  })

  it('gives disclosure requests 15 working days before 2019-05-15 and 20 from that day, doubled on extension', () => {
    const pick = (date: string) =>
      selectPolicy(DEFAULT_DEADLINE_POLICIES, {
        kind: 'disclosure',
        channelCode: 'mayor_mailbox',
        category: null,
        receivedDate: date,
      })!
    const before = pick('2019-05-14')
    const after = pick('2019-05-15')
    expect([before.amount, before.extensionAmount, after.amount, after.extensionAmount]).toEqual([
      15, 15, 20, 20,
    ])
    expect(after.source).toContain('第三十三条')
    const received = at('2019-05-15T10:00:00+08:00')
    expect(formatInstant(computeDeadline(after, received, cal).dueAt)).toBe(
      '2019-06-13T17:00:00.000+08:00',
    )
    const extended = computeDeadline(after, received, cal, { isExtended: true })
    expect(extended.explanation.extensionUnits).toBe(20)
    expect(formatInstant(extended.dueAt)).toBe('2019-07-11T17:00:00.000+08:00')
  })

  it('does not count the working days the clock was paused (补正)', () => {
    const rule = wd(20)
    const received = at('2024-09-02T10:00:00+08:00')
    const plain = computeDeadline(rule, received, cal)
    const pause = { from: at('2024-09-10T15:00:00+08:00'), to: at('2024-09-12T09:00:00+08:00') }
    const paused = computeDeadline(rule, received, cal, { pauses: [pause] })
    expect(paused.explanation.pausedUnits).toBe(2)
    expect(countWorkingDays(cal, plain.explanation.due.date, paused.explanation.due.date)).toBe(2)
  })

  it('reports a missing year so the UI can warn', () => {
    const { explanation } = computeDeadline(wd(20), at('2026-12-20T10:00:00+08:00'), cal)
    expect(explanation.due.date.startsWith('2027-')).toBe(true)
    expect(explanation.uncoveredYears).toEqual([2027])
  })

  it('says due in, due today and overdue in working days', () => {
    const dueAt = at('2024-10-10T17:00:00+08:00')
    expect(dueStatus(cal, at('2024-09-30T09:00:00+08:00'), dueAt)).toEqual({
      state: 'due_in',
      workingDays: 3,
    })
    expect(dueStatus(cal, at('2024-10-10T09:00:00+08:00'), dueAt)).toEqual({
      state: 'due_today',
      workingDays: 0,
    })
    expect(dueStatus(cal, at('2024-10-14T09:00:00+08:00'), dueAt)).toEqual({
      state: 'overdue',
      workingDays: 3,
    })
  })
})

describe('selectPolicy', () => {
  const pick = (channelCode: string, category: string | null) =>
    selectPolicy(DEFAULT_DEADLINE_POLICIES, {
      kind: 'message',
      channelCode,
      category,
      receivedDate: '2024-09-27',
    })!
  it('prefers channel and category, then channel, then any channel', () => {
    expect(pick('hotline_12345', '咨询').amount).toBe(3)
    expect(pick('hotline_12345', '紧急').rule).toBe('same_day')
    expect(pick('hotline_12345', '其他').amount).toBe(13)
    expect(pick('mayor_mailbox', '投诉')).toBe(FALLBACK_POLICY)
  })
})

const dateArb = fc.integer({ min: 0, max: 3651 }).map((i) => addCalendarDays('2017-01-01', i))
describe.runIf(hasData)('working-day properties (real calendar 2017–2026)', () => {
  it('adding N working days lands on a working day, monotonic in N, and counting back gives N', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const end = addWorkingDays(cal, d, n)
        expect(cal.isWorkingDay(end)).toBe(true)
        expect(addWorkingDays(cal, d, n + 1) > end).toBe(true)
        expect(countWorkingDays(cal, d, end)).toBe(n)
        expect(countWorkingDays(cal, end, d)).toBe(-n)
      }),
      { numRuns: 500 },
    )
  })

  it('a working-day deadline is always at 17:00 of a working day, never before receipt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2017-01-01T00:00:00Z'), max: at('2026-10-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 30 }),
        (ms, n) => {
          const { dueAt, explanation } = computeDeadline(wd(n), ms, cal)
          expect(dueAt).toBeGreaterThan(ms)
          expect(cal.isWorkingDay(explanation.due.date)).toBe(true)
          expect(formatInstant(dueAt).slice(11, 16)).toBe('17:00')
        },
      ),
      { numRuns: 300 },
    )
  })

  it("computeDueAt gives computeDeadline's instant for every rule, and day-based rules ignore the time of day", () => {
    const ruleArb = fc.record({
      rule: fc.constantFrom(
        'working_days',
        'calendar_days',
        'calendar_months',
        'same_day',
        'hours',
      ),
      amount: fc.integer({ min: 0, max: 40 }),
      start: fc.constantFrom('receipt', 'next_working_day'),
      endOfDay: fc.constantFrom('17:00', '12:30', null),
      extensionAmount: fc.constantFrom(null, 15),
      source: fc.constant('test'),
    }) as fc.Arbitrary<DeadlineRule>
    const msArb = fc.integer({ min: at('2017-01-01T00:00:00Z'), max: at('2026-10-01T00:00:00Z') })
    fc.assert(
      fc.property(ruleArb, msArb, fc.boolean(), (rule, ms, isExtended) => {
        // as the policy schema allows: only same-day rules have amount 0; hours have no end-of-day time
        const amount = rule.rule === 'same_day' ? rule.amount : Math.max(rule.amount, 1)
        const r: DeadlineRule = {
          ...rule,
          amount,
          endOfDay: rule.rule === 'hours' ? null : rule.endOfDay,
        }
        expect(computeDueAt(r, ms, cal, { isExtended })).toBe(
          computeDeadline(r, ms, cal, { isExtended }).dueAt,
        )
        if (dependsOnReceiptDateOnly(r)) {
          const sameDay = at(`${formatInstant(ms).slice(0, 10)}T23:59:00+08:00`)
          expect(computeDueAt(r, sameDay, cal)).toBe(computeDueAt(r, ms, cal))
        }
      }),
      { numRuns: 500 },
    )
  })
})
