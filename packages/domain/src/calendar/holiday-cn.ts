/**
 * The holiday-cn JSON format (github.com/NateScarlet/holiday-cn, MIT): one file per notice year,
 * `{ year, papers: string[], days: { name, date, isOffDay }[] }`. A file is keyed by the notice's
 * year, so `2019.json` also lists 2018-12-29..31. An empty `days` list means the notice is not out
 * yet (2027.json today), not "no holidays", so it is refused.
 *
 * Loading a year makes its notice the only word on that year's days (the "year not loaded"
 * warning goes), so a file that cannot be a whole notice is refused: every fixed-date holiday of
 * 《全国年节及纪念日放假办法》 第二条 (statutory-holidays.ts) must be off in it (listed off, or a
 * weekend it does not list as a workday), as no notice ever makes one a workday; and a listed
 * day must change something or belong to a holiday: a "day off" on a weekend or a "workday" on a
 * weekday is accepted only inside a run of consecutive listed days that gives a weekday off
 * (2026.json lists the weekend inside 国庆节; 2020.json ends the extended 春节 with Monday
 * 02-03 listed as a workday), not on its own.
 */
import { z } from 'zod'
import { lineTextSchema } from '../text.ts'
import { addCalendarDays, dayOfWeek } from '../time.ts'
import { calendarEntrySchema, type CalendarEntry } from './calendar.ts'
import { fixedDateHolidaysOf } from './statutory-holidays.ts'

export const holidayCnFileSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  papers: z.array(z.string()).default([]),
  days: z.array(calendarEntrySchema.extend({ name: lineTextSchema().trim().min(1).max(60) })),
})

export type HolidayCnYear = { year: number; papers: string[]; days: CalendarEntry[] }

/** One problem of a file: where (`days.3.date`) and why. */
export type HolidayCnProblem = { path: string; message: string }

export type HolidayCnParse =
  { ok: true; value: HolidayCnYear } | { ok: false; problems: HolidayCnProblem[] }

/**
 * Checks a parsed holiday-cn file: shape, dates within the notice year or the previous December,
 * no date listed twice, at least one day, every fixed-date statutory holiday of the year off, and
 * no lone listed day that changes nothing (see the module's docstring).
 * @param json the file's parsed JSON (any value)
 */
export function parseHolidayCnYear(json: unknown): HolidayCnParse {
  const parsed = holidayCnFileSchema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(file)',
        message: i.message,
      })),
    }
  }
  const { year, papers, days } = parsed.data
  const problems: HolidayCnProblem[] = []
  if (days.length === 0) {
    problems.push({
      path: 'days',
      message: `no days listed: the ${year} notice is not out yet, so nothing can be loaded`,
    })
  }
  const seen = new Set<string>()
  days.forEach((d, i) => {
    const y = Number(d.date.slice(0, 4))
    if (y !== year && !(y === year - 1 && d.date.slice(5, 7) === '12')) {
      problems.push({
        path: `days.${i}.date`,
        message: `${d.date} is outside ${year} (only the previous December may be listed)`,
      })
    }
    if (seen.has(d.date))
      problems.push({ path: `days.${i}.date`, message: `${d.date} is listed twice` })
    seen.add(d.date)
  })
  if (problems.length === 0) problems.push(...wholeYearProblems(year, days))
  return problems.length ? { ok: false, problems } : { ok: true, value: { year, papers, days } }
}

const isWeekend = (date: string) => [0, 6].includes(dayOfWeek(date))

/** The problems that show `days` is not a whole notice for `year` (module docstring). */
function wholeYearProblems(year: number, days: CalendarEntry[]): HolidayCnProblem[] {
  const listed = new Map(days.map((d) => [d.date, d]))
  const isOff = (date: string) => listed.get(date)?.isOffDay ?? isWeekend(date)
  const problems: HolidayCnProblem[] = fixedDateHolidaysOf(year)
    .filter((h) => !isOff(h.date))
    .map((h) => ({
      path: 'days',
      message: `${h.date} (${h.name}) is not listed as a day off, but ${h.source} makes it a holiday: not a whole ${year} notice`,
    }))
  // whether the run of consecutive listed dates around `date` gives some weekday off
  const givesWeekdayOff = (date: string) => {
    for (const step of [-1, 1]) {
      for (let d = date; listed.has(d); d = addCalendarDays(d, step))
        if (listed.get(d)?.isOffDay === true && !isWeekend(d)) return true
    }
    return false
  }
  days.forEach((d, i) => {
    if (d.isOffDay !== isWeekend(d.date) || givesWeekdayOff(d.date)) return
    problems.push({
      path: `days.${i}`,
      message: d.isOffDay
        ? `${d.date} is listed as a day off but is a weekend outside any holiday`
        : `${d.date} is listed as a make-up workday but is a weekday outside any holiday`,
    })
  })
  return problems
}
