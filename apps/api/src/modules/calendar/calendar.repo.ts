/** The working-day calendar in SQL: listed dates and loaded years. Only this file writes them. */
import type { CalendarEntry } from '@desk/domain'
import { asc, eq, like } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { calendarDays, calendarYears } from '../../db/schema.ts'

export type CalendarDayRow = typeof calendarDays.$inferSelect

/** Every listed date and loaded year (a few hundred rows), to build the calendar. */
export function readCalendar(db: Db) {
  return {
    days: db.select().from(calendarDays).orderBy(asc(calendarDays.date)).all(),
    years: db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .all()
      .map((r) => r.year),
  }
}

export function listYears(db: Db) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year)).all()
}

/** Listed dates of `year` (by the date's own year). */
export function listDaysOfYear(db: Db, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(like(calendarDays.date, `${year}-%`))
    .orderBy(asc(calendarDays.date))
    .all()
}

/** Listed dates per year, for the years list. */
export function countDaysByYear(db: Db): Map<number, number> {
  const rows = db.all<{ year: number; n: number }>(
    `select cast(substr(date, 1, 4) as integer) as year, count(*) as n from calendar_days group by 1`,
  )
  return new Map(rows.map((r) => [r.year, r.n]))
}

export function findDay(db: Db, date: string) {
  return db.select().from(calendarDays).where(eq(calendarDays.date, date)).get()
}

/** Inserts or replaces listed dates (a later load or an admin correction wins). */
export function upsertDays(
  db: Db,
  entries: readonly CalendarEntry[],
  meta: { source: string; by: number | null; at: number },
) {
  for (const e of entries) {
    const row = {
      isOffDay: e.isOffDay,
      name: e.name ?? null,
      source: meta.source,
      updatedBy: meta.by,
      updatedAt: meta.at,
    }
    db.insert(calendarDays)
      .values({ date: e.date, ...row })
      .onConflictDoUpdate({ target: calendarDays.date, set: row })
      .run()
  }
}

export function deleteDay(db: Db, date: string): boolean {
  return db.delete(calendarDays).where(eq(calendarDays.date, date)).run().changes === 1
}

export function upsertYear(
  db: Db,
  y: { year: number; source: string; loadedAt: number; loadedBy: number | null },
) {
  const set = { source: y.source, loadedAt: y.loadedAt, loadedBy: y.loadedBy }
  db.insert(calendarYears).values(y).onConflictDoUpdate({ target: calendarYears.year, set }).run()
}
