/**
 * The working-day calendar built from data: day entries of the State Council's yearly holiday
 * notices (国务院办公厅关于…部分节假日安排的通知) plus the set of years whose notice is loaded.
 * A listed date is off (`isOffDay: true`, a public holiday) or worked (`false`, a make-up workday,
 * 调休); any other date follows Monday–Friday. A loaded year is the notice's alone. Dates of a year
 * that is not loaded follow Monday–Friday minus the statutory fixed-date holidays (1 January,
 * 劳动节 and 国庆节: statutory-holidays.ts), and `describeDay` reports them as uncovered so the UI
 * can warn that the lunar holidays and the make-up workdays are missing.
 * All dates are `YYYY-MM-DD` days in Asia/Shanghai.
 */
import { z } from 'zod'
import { supportedDateSchema } from '../supported-dates.ts'
import { lineTextSchema } from '../text.ts'
import { dayOfWeek, type IsoDate } from '../time.ts'
import type { WorkingDayCalendar } from '../working-days.ts'
import { fixedDateHoliday } from './statutory-holidays.ts'

/** One listed date of a holiday notice (the holiday-cn `days[]` shape). */
export const calendarEntrySchema = z.object({
  date: supportedDateSchema,
  isOffDay: z.boolean(),
  name: lineTextSchema().trim().min(1).max(60).optional(),
})
export type CalendarEntry = z.infer<typeof calendarEntrySchema>

/** What a date is: a plain workday, a plain weekend day, a public holiday or a make-up workday. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const
export type DayKind = (typeof DAY_KINDS)[number]

export type DayInfo = {
  date: IsoDate
  isWorkingDay: boolean
  kind: DayKind
  /**
   * The holiday's name as the notice gives it (e.g. 国庆节), or as the 办法 does for a fixed-date
   * holiday of a year not loaded; null for other dates.
   */
  name: string | null
  /**
   * False when the date's year is not loaded and the date is not listed: Monday–Friday minus the
   * fixed-date statutory holidays was assumed.
   */
  isCovered: boolean
}

export type HolidayCalendar = WorkingDayCalendar & {
  /** The loaded years, ascending. */
  readonly years: readonly number[]
  describeDay: (date: IsoDate) => DayInfo
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4))

/**
 * A calendar from listed dates and the years they cover.
 * @param entries listed dates; a later entry for the same date wins (a correction)
 * @param coveredYears years whose notice is loaded (a year may have entries in the previous
 *   year's December, e.g. holiday-cn's 2019.json lists 2018-12-29)
 */
export function buildCalendar(
  entries: readonly CalendarEntry[],
  coveredYears: Iterable<number>,
): HolidayCalendar {
  const listed = new Map<IsoDate, CalendarEntry>()
  for (const e of entries) listed.set(e.date, e)
  const years = [...new Set(coveredYears)].sort((a, b) => a - b)
  const covered = new Set(years)
  const describeDay = (date: IsoDate): DayInfo => {
    const entry = listed.get(date)
    const dow = dayOfWeek(date)
    if (entry) {
      return {
        date,
        isWorkingDay: !entry.isOffDay,
        kind: entry.isOffDay ? 'holiday' : dow === 0 || dow === 6 ? 'makeup_workday' : 'workday',
        name: entry.name ?? null,
        isCovered: true,
      }
    }
    const isCovered = covered.has(yearOf(date))
    const statutory = isCovered ? null : fixedDateHoliday(date)
    if (statutory) {
      return { date, isWorkingDay: false, kind: 'holiday', name: statutory.name, isCovered }
    }
    const isWeekend = dow === 0 || dow === 6
    return {
      date,
      isWorkingDay: !isWeekend,
      kind: isWeekend ? 'weekend' : 'workday',
      name: null,
      isCovered,
    }
  }
  return { years, describeDay, isWorkingDay: (date) => describeDay(date).isWorkingDay }
}
