/** The working-day calendar in SQL: listed dates and loaded years. Only this file writes them. */
import type { CalendarEntry } from '@desk/domain'
import { asc, count, eq, like, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { changedRows } from '../../db/dialect.ts'
import { runPrepared } from '../../db/prepared.ts'

export type CalendarDayRow = typeof schema.calendarDays.$inferSelect

/**
 * Every listed date and loaded year (a few hundred rows), to build the calendar. Prepared once:
 * each inquiry's detail explains its deadline with them.
 */
export async function readCalendar(db: Db) {
  const { calendarDays, calendarYears } = tables(db)
  return {
    days: await runPrepared(db, 'calendar_days_all', () =>
      db.select().from(calendarDays).orderBy(asc(calendarDays.date)),
    ),
    years: (
      await runPrepared(db, 'calendar_years_all', () =>
        db.select({ year: calendarYears.year }).from(calendarYears),
      )
    ).map((r) => r.year),
  }
}

export async function listYears(db: Db) {
  const { calendarYears } = tables(db)
  return await db.select().from(calendarYears).orderBy(asc(calendarYears.year))
}

/** Listed dates of `year` (by the date's own year). */
export async function listDaysOfYear(db: Db, year: number) {
  const { calendarDays } = tables(db)
  return await db
    .select()
    .from(calendarDays)
    .where(like(calendarDays.date, `${year}-%`))
    .orderBy(asc(calendarDays.date))
}

/** Listed dates per year, for the years list. */
export async function countDaysByYear(db: Db): Promise<Map<number, number>> {
  const { calendarDays } = tables(db)
  const year = sql<number>`cast(substr(${calendarDays.date}, 1, 4) as integer)`.mapWith(Number)
  const rows = await db
    .select({ year, n: count() })
    .from(calendarDays)
    .groupBy(sql`1`)
  return new Map(rows.map((r) => [r.year, r.n]))
}

export async function findDay(db: Db, date: string) {
  const { calendarDays } = tables(db)
  return (await db.select().from(calendarDays).where(eq(calendarDays.date, date)).limit(1))[0]
}

/** Inserts or replaces listed dates (a later load or an admin correction wins). */
export async function upsertDays(
  db: Db,
  entries: readonly CalendarEntry[],
  meta: { source: string; by: number | null; at: number },
) {
  const { calendarDays } = tables(db)
  for (const e of entries) {
    const row = {
      isOffDay: e.isOffDay,
      name: e.name ?? null,
      source: meta.source,
      updatedBy: meta.by,
      updatedAt: meta.at,
    }
    await db
      .insert(calendarDays)
      .values({ date: e.date, ...row })
      .onConflictDoUpdate({ target: calendarDays.date, set: row })
  }
}

export async function deleteDay(db: Db, date: string): Promise<boolean> {
  const { calendarDays } = tables(db)
  return changedRows(await db.delete(calendarDays).where(eq(calendarDays.date, date))) === 1
}

export async function upsertYear(
  db: Db,
  y: { year: number; source: string; loadedAt: number; loadedBy: number | null },
) {
  const { calendarYears } = tables(db)
  const set = { source: y.source, loadedAt: y.loadedAt, loadedBy: y.loadedBy }
  await db.insert(calendarYears).values(y).onConflictDoUpdate({ target: calendarYears.year, set })
}
