/**
 * The holiday-cn JSON format (github.com/NateScarlet/holiday-cn, MIT): one file per notice year,
 * `{ year, papers: string[], days: { name, date, isOffDay }[] }`. A file is keyed by the notice's
 * year, so `2019.json` also lists 2018-12-29..31. An empty `days` list means the notice is not out
 * yet (2027.json today), not "no holidays", so it is refused.
 */
import { z } from 'zod'
import { textSchema } from '../text.ts'
import { calendarEntrySchema, type CalendarEntry } from './calendar.ts'

export const holidayCnFileSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  papers: z.array(z.string()).default([]),
  days: z.array(calendarEntrySchema.extend({ name: textSchema().trim().min(1).max(60) })),
})

export type HolidayCnYear = { year: number; papers: string[]; days: CalendarEntry[] }

/** One problem of a file: where (`days.3.date`) and why. */
export type HolidayCnProblem = { path: string; message: string }

export type HolidayCnParse =
  { ok: true; value: HolidayCnYear } | { ok: false; problems: HolidayCnProblem[] }

/**
 * Checks a parsed holiday-cn file: shape, dates within the notice year or the previous December,
 * no date listed twice, at least one day.
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
  return problems.length ? { ok: false, problems } : { ok: true, value: { year, papers, days } }
}
