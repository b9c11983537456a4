/**
 * The working-day calendar as data (the State Council's yearly holiday and 调休 notice changes
 * every year, so it cannot be code): built from the `calendar_days` / `calendar_years`
 * tables, loaded on first start from `chinese-days` for 2017–2026, corrected by an admin day by
 * day, or extended by a holiday-cn style year file. Every change and the recompute of open due
 * dates happen in one transaction.
 * Errors: VALIDATION (a malformed year file, naming each problem), NOT_FOUND (no such listed date).
 */
import {
  buildCalendar,
  parseHolidayCnYear,
  type CalendarEntry,
  type HolidayCalendar,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import type { Ctx, SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { BUNDLED_YEARS, CHINESE_DAYS_SOURCE, readChineseDays } from './chinese-days-source.ts'
import * as repo from './calendar.repo.ts'

/** The open due dates a change moved: `{ checked, moved: [{ inquiryId, from, to }] }` (ISO instants). */
export type RecomputeResult = {
  checked: number
  moved: { inquiryId: number; from: string; to: string }[]
}

/**
 * What runs inside every calendar change's transaction: the inquiries module's recompute of open
 * due dates, handed in by createApp and the CLI (the calendar sits below the modules that use it).
 */
export type RecomputeDeadlines = (
  tx: Db,
  cal: HolidayCalendar,
  reason: string,
  actorId: number | null,
  now: number,
) => Promise<RecomputeResult>

/** An admin's change (`user`), or the CLI's (null), with the recompute to run in its transaction. */
type ChangeCtx = Ctx<SessionUser | null> & { recompute: RecomputeDeadlines }

/** The last calendar loadCalendar built, with the texts it was built from. */
let kept: { days: string; years: string; calendar: HolidayCalendar } | undefined

/**
 * The calendar as the database has it now (in `db`'s transaction, if it is one). Read every time,
 * as one row of JSON text (repo.readCalendarText); built again only when that text differs from
 * the last one built, so a change by any process or transaction is seen at once.
 */
export async function loadCalendar(db: Db): Promise<HolidayCalendar> {
  const { days, years } = await repo.readCalendarText(db)
  if (kept?.days === days && kept.years === years) return kept.calendar
  const listed = JSON.parse(days) as [string, boolean | number, string | null][]
  const calendar = buildCalendar(
    listed.map(([date, isOffDay, name]) => ({
      date,
      isOffDay: Boolean(isOffDay),
      name: name ?? undefined,
    })),
    JSON.parse(years) as number[],
  )
  kept = { days, years, calendar }
  return calendar
}

/**
 * First start (and every start): loads from `chinese-days` each year of 2017–2026 that is not
 * loaded yet; a loaded year (perhaps corrected by an admin) is left alone.
 * @returns the number of years loaded now (0 to 10)
 */
export async function ensureCalendar(db: Db, now: number): Promise<number> {
  const loaded = new Set((await repo.listYears(db)).map((y) => y.year))
  const missing: number[] = []
  for (let y = BUNDLED_YEARS.from; y <= BUNDLED_YEARS.to; y += 1)
    if (!loaded.has(y)) missing.push(y)
  if (missing.length === 0) return 0
  const entries = readChineseDays(BUNDLED_YEARS.from, BUNDLED_YEARS.to).filter((e) =>
    missing.includes(Number(e.date.slice(0, 4))),
  )
  await withTransaction(db, async (t) => {
    await repo.upsertDays(t, entries, { source: CHINESE_DAYS_SOURCE, by: null, at: now })
    for (const year of missing)
      await repo.upsertYear(t, { year, source: CHINESE_DAYS_SOURCE, loadedAt: now, loadedBy: null })
  })
  return missing.length
}

function changeAndRecompute(
  ctx: ChangeCtx,
  reason: string,
  change: (tx: Db) => Promise<void>,
): Promise<RecomputeResult> {
  return withTransaction(ctx.db, async (tx) => {
    await change(tx)
    return ctx.recompute(tx, await loadCalendar(tx), reason, ctx.user?.id ?? null, ctx.now)
  })
}

/** Adds or corrects one listed date (an admin's edit); open due dates are recomputed. */
export async function setCalendarDay(ctx: ChangeCtx, entry: CalendarEntry) {
  const what = entry.isOffDay ? 'day off' : 'workday'
  const recompute = await changeAndRecompute(
    ctx,
    `calendar: ${entry.date} set to ${what}${entry.name ? ` (${entry.name})` : ''}`,
    async (db) =>
      await repo.upsertDays(db, [entry], {
        source: 'admin',
        by: ctx.user?.id ?? null,
        at: ctx.now,
      }),
  )
  return { day: await repo.findDay(ctx.db, entry.date), recompute }
}

/** Removes a listed date (it follows Monday–Friday again); open due dates are recomputed. */
export async function removeCalendarDay(ctx: ChangeCtx, date: string) {
  if (!(await repo.findDay(ctx.db, date)))
    throw new AppError('NOT_FOUND', `${date} is not a listed date`)
  return {
    recompute: await changeAndRecompute(
      ctx,
      `calendar: ${date} removed (Monday–Friday rule)`,
      async (db) => {
        await repo.deleteDay(db, date)
      },
    ),
  }
}

/**
 * Loads one holiday-cn style year (`{ year, papers, days }`), replacing listed dates it names, and
 * marks the year loaded; open due dates are recomputed.
 * @param source where it came from, e.g. `holiday-cn:2027.json`
 * @throws AppError VALIDATION with `details: [{ path, message }]` (nothing written)
 */
export async function importCalendarYear(ctx: ChangeCtx, json: unknown, source: string) {
  const parsed = parseHolidayCnYear(json)
  if (!parsed.ok) {
    const summary = parsed.problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ')
    throw new AppError('VALIDATION', `Not a valid holiday-cn year: ${summary}`, parsed.problems)
  }
  const { year, days } = parsed.value
  const by = ctx.user?.id ?? null
  const recompute = await changeAndRecompute(
    ctx,
    `calendar: ${year} loaded from ${source}`,
    async (db) => {
      await repo.upsertDays(db, days, { source, by, at: ctx.now })
      await repo.upsertYear(db, { year, source, loadedAt: ctx.now, loadedBy: by })
    },
  )
  return { year, days: days.length, recompute }
}

/** `[{ year, source, loadedAt, days }]` with `days` the listed dates of that year. */
export async function listCalendarYears(db: Db) {
  const counts = await repo.countDaysByYear(db)
  return (await repo.listYears(db)).map((y) => ({
    year: y.year,
    source: y.source,
    loadedAt: y.loadedAt,
    days: counts.get(y.year) ?? 0,
  }))
}

/** The listed dates of `year` and whether the year is loaded. */
export async function listCalendarDays(db: Db, year: number) {
  const isLoaded = (await repo.listYears(db)).some((y) => y.year === year)
  return { year, isLoaded, days: await repo.listDaysOfYear(db, year) }
}
