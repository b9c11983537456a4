/**
 * `computeDeadline`: the due instant of an inquiry under a policy and a calendar, with the
 * explanation the inquiry page renders ("received Fri 2024-09-27; 09-29 is a make-up workday;
 * 10-01…10-07 National Day; due 2024-10-10"). Rules: see policy.ts. Days are Asia/Shanghai.
 */
import type { HolidayCalendar } from '../calendar/calendar.ts'
import {
  addCalendarDays,
  addCalendarMonths,
  dayOfWeek,
  startOfZonedDay,
  toZonedDate,
  zonedTimeToInstant,
  type IsoDate,
} from '../time.ts'
import { addWorkingDays, countWorkingDays } from '../working-days.ts'
import type { DeadlineRule } from './policy.ts'

const HOUR_MS = 3_600_000

/** A closed pause of the clock (补正, third-party opinion): UTC ms instants, `from` ≤ `to`. */
export type ClockPause = { from: number; to: number }

export type DeadlineOptions = {
  /** Closed pauses; the time they span is not counted (in the rule's unit). */
  pauses?: readonly ClockPause[] | undefined
  /** True once an extension was approved: the rule's `extensionAmount` is added. */
  isExtended?: boolean | undefined
}

/** A run of consecutive public-holiday dates with one name, e.g. 国庆节 2024-10-01…10-07. */
export type HolidayRun = { name: string | null; from: IsoDate; to: IsoDate; days: number }
/** A dated day with its weekday (0 = Sunday … 6 = Saturday). */
export type DatedDay = { date: IsoDate; weekday: number }

export type DeadlineExplanation = {
  rule: DeadlineRule['rule']
  amount: number
  start: DeadlineRule['start']
  endOfDay: string | null
  source: string
  received: DatedDay & { at: number; kind: string; name: string | null }
  /** The first day counted (day 1 of the period); for hours the day the clock starts. */
  countFrom: IsoDate
  /** Units (working days, calendar days or hours; calendar days for a months rule) added for pauses, and the pauses themselves. */
  pausedUnits: number
  pauses: (ClockPause & { units: number })[]
  /** The units an approved extension added (0 when not extended). */
  extensionUnits: number
  /** Public holidays and make-up workdays between receipt (excluded) and the due date (included). */
  holidays: HolidayRun[]
  makeupWorkdays: { date: IsoDate; name: string | null }[]
  /** True when the due day moved: a calendar-day period ending on a day off, or a same-day
   *  deadline whose time had passed at receipt. */
  isRolledOver: boolean
  due: DatedDay & { at: number }
  /** Years in the period whose holiday notice is not loaded (Monday–Friday was assumed). */
  uncoveredYears: number[]
  /**
   * Present when the period runs afresh from `received` because a corrected request arrived that
   * day (a disclosure request's 补正, 条例 第三十条: disclosure/clock.ts `disclosureDeadline`); the
   * request itself was received on `requestReceivedOn`.
   */
  correction?: { requestReceivedOn: IsoDate }
}

export type Deadline = { dueAt: number; explanation: DeadlineExplanation }

const dated = (date: IsoDate): DatedDay => ({ date, weekday: dayOfWeek(date) })

/** The due instant of a due date: `endOfDay` (HH:MM) or 23:59:59.999 Asia/Shanghai. */
function instantOf(date: IsoDate, endOfDay: string | null): number {
  if (endOfDay === null) return startOfZonedDay(addCalendarDays(date, 1)) - 1
  const [h, m] = endOfDay.split(':').map(Number)
  return zonedTimeToInstant(date, undefined, h, m)
}

/**
 * Pause lengths in the rule's unit: working days / calendar days after the pause day up to the
 * resume day, or hours; calendar days for a `calendar_months` rule (a pause is not a whole month).
 */
function pauseUnits(rule: DeadlineRule['rule'], cal: HolidayCalendar, p: ClockPause): number {
  if (rule === 'hours') return (p.to - p.from) / HOUR_MS
  const [from, to] = [toZonedDate(p.from), toZonedDate(p.to)]
  if (rule === 'calendar_days' || rule === 'calendar_months')
    return Math.round((startOfZonedDay(to) - startOfZonedDay(from)) / (24 * HOUR_MS))
  return countWorkingDays(cal, from, to)
}

type DueDay = { dueDate: IsoDate; dueAt: number; countFrom: IsoDate; isRolledOver: boolean }

/** The due day of `amount` units (the rule's amount plus any extension) and `pausedUnits` more. */
function dueDay(
  rule: DeadlineRule,
  receivedAt: number,
  cal: HolidayCalendar,
  amount: number,
  pausedUnits: number,
): DueDay {
  const total = amount + pausedUnits
  const received = toZonedDate(receivedAt)
  const nextWorking = addWorkingDays(cal, received, 1)
  const startDay = rule.start === 'receipt' ? received : nextWorking
  switch (rule.rule) {
    case 'working_days': {
      const dueDate = addWorkingDays(cal, received, total)
      return {
        dueDate,
        dueAt: instantOf(dueDate, rule.endOfDay),
        countFrom: nextWorking,
        isRolledOver: false,
      }
    }
    case 'calendar_days': {
      const countFrom = rule.start === 'receipt' ? addCalendarDays(received, 1) : nextWorking
      const last = addCalendarDays(countFrom, total - 1)
      const dueDate = cal.isWorkingDay(last) ? last : addWorkingDays(cal, last, 1)
      return {
        dueDate,
        dueAt: instantOf(dueDate, rule.endOfDay),
        countFrom,
        isRolledOver: dueDate !== last,
      }
    }
    case 'calendar_months': {
      const countFrom = rule.start === 'receipt' ? received : nextWorking
      const last = addCalendarDays(addCalendarMonths(countFrom, amount), pausedUnits)
      const dueDate = cal.isWorkingDay(last) ? last : addWorkingDays(cal, last, 1)
      return {
        dueDate,
        dueAt: instantOf(dueDate, rule.endOfDay),
        countFrom,
        isRolledOver: dueDate !== last,
      }
    }
    case 'same_day': {
      let dueDate = total > 0 ? addWorkingDays(cal, startDay, total) : startDay
      let dueAt = instantOf(dueDate, rule.endOfDay)
      const isRolledOver = dueAt <= receivedAt
      if (isRolledOver) {
        dueDate = addWorkingDays(cal, dueDate, 1)
        dueAt = instantOf(dueDate, rule.endOfDay)
      }
      return { dueDate, dueAt, countFrom: startDay, isRolledOver }
    }
    case 'hours': {
      const dueAt =
        (rule.start === 'receipt' ? receivedAt : startOfZonedDay(nextWorking)) + total * HOUR_MS
      return { dueDate: toZonedDate(dueAt), dueAt, countFrom: startDay, isRolledOver: false }
    }
  }
}

function holidaysBetween(cal: HolidayCalendar, after: IsoDate, upTo: IsoDate) {
  const holidays: HolidayRun[] = []
  const makeupWorkdays: { date: IsoDate; name: string | null }[] = []
  for (let d = addCalendarDays(after, 1); d <= upTo; d = addCalendarDays(d, 1)) {
    const info = cal.describeDay(d)
    if (info.kind === 'makeup_workday') makeupWorkdays.push({ date: d, name: info.name })
    if (info.kind !== 'holiday') continue
    const last = holidays.at(-1)
    if (last && last.name === info.name && addCalendarDays(last.to, 1) === d) {
      last.to = d
      last.days += 1
    } else holidays.push({ name: info.name, from: d, to: d, days: 1 })
  }
  return { holidays, makeupWorkdays }
}

/**
 * Only the due instant (UTC ms) of `computeDeadline`, without building the explanation: the ingest
 * path computes one per new inquiry. Same rules, same result as `computeDeadline(...).dueAt`.
 */
export function computeDueAt(
  rule: DeadlineRule,
  receivedAt: number,
  cal: HolidayCalendar,
  options: DeadlineOptions = {},
): number {
  const pausedUnits = (options.pauses ?? []).reduce(
    (sum, p) => sum + pauseUnits(rule.rule, cal, p),
    0,
  )
  const extensionUnits = options.isExtended ? (rule.extensionAmount ?? 0) : 0
  return dueDay(rule, receivedAt, cal, rule.amount + extensionUnits, pausedUnits).dueAt
}

/** True when a rule's due instant depends only on the receipt's date, not its time of day. */
export function dependsOnReceiptDateOnly(rule: DeadlineRule): boolean {
  return rule.rule !== 'same_day' && rule.rule !== 'hours'
}

/**
 * The due instant and its explanation.
 * @param rule the policy's rule (policy.ts)
 * @param receivedAt receipt instant, UTC epoch ms
 * @param cal the working-day calendar; years it does not cover are reported in `uncoveredYears`
 * @param options closed clock pauses and whether an extension was approved
 * @returns `{ dueAt (UTC ms), explanation }`
 */
export function computeDeadline(
  rule: DeadlineRule,
  receivedAt: number,
  cal: HolidayCalendar,
  options: DeadlineOptions = {},
): Deadline {
  const pauses = (options.pauses ?? []).map((p) => ({ ...p, units: pauseUnits(rule.rule, cal, p) }))
  const pausedUnits = pauses.reduce((sum, p) => sum + p.units, 0)
  const extensionUnits = options.isExtended ? (rule.extensionAmount ?? 0) : 0
  const day = dueDay(rule, receivedAt, cal, rule.amount + extensionUnits, pausedUnits)
  const receivedDate = toZonedDate(receivedAt)
  const receivedInfo = cal.describeDay(receivedDate)
  const between =
    rule.rule === 'hours'
      ? { holidays: [], makeupWorkdays: [] }
      : holidaysBetween(cal, receivedDate, day.dueDate)
  const uncoveredYears: number[] = []
  for (let y = Number(receivedDate.slice(0, 4)); y <= Number(day.dueDate.slice(0, 4)); y += 1) {
    if (!cal.years.includes(y)) uncoveredYears.push(y)
  }
  return {
    dueAt: day.dueAt,
    explanation: {
      rule: rule.rule,
      amount: rule.amount,
      start: rule.start,
      endOfDay: rule.endOfDay,
      source: rule.source,
      received: {
        ...dated(receivedDate),
        at: receivedAt,
        kind: receivedInfo.kind,
        name: receivedInfo.name,
      },
      countFrom: day.countFrom,
      pausedUnits,
      pauses,
      extensionUnits,
      ...between,
      isRolledOver: day.isRolledOver,
      due: { ...dated(day.dueDate), at: day.dueAt },
      uncoveredYears,
    },
  }
}

/** Where an inquiry stands against its due instant, in working days, as the queue shows it. */
export type DueStatus = { state: 'due_in' | 'due_today' | 'overdue'; workingDays: number }

/**
 * `due_in` N working days, `due_today`, or `overdue` by N working days (0 = overdue since earlier
 * today) at instant `now` (UTC ms).
 */
export function dueStatus(cal: HolidayCalendar, now: number, dueAt: number): DueStatus {
  const today = toZonedDate(now)
  const dueDate = toZonedDate(dueAt)
  if (now > dueAt)
    return { state: 'overdue', workingDays: Math.max(0, countWorkingDays(cal, dueDate, today)) }
  if (dueDate === today) return { state: 'due_today', workingDays: 0 }
  return { state: 'due_in', workingDays: countWorkingDays(cal, today, dueDate) }
}
