/** The working-day calendar in SQL: listed dates and loaded years. Only this file writes them. */
import type { CalendarEntry } from '@desk/domain'
import { asc, count, eq, like, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { engineOf, tables } from '../../db/engine.ts'
import { changedRows } from '../../db/dialect.ts'
import { runPrepared } from '../../db/prepared.ts'

export type CalendarDayRow = typeof schema.calendarDays.$inferSelect

/**
 * The whole calendar as two JSON texts the database makes in one row: `days` an array of
 * `[date, isOffDay, name]` (isOffDay 1/0 on SQLite, true/false on PostgreSQL; name null when
 * unnamed), `years` the loaded years, both in the tables' own order (not sorted: sorting cost a
 * third of the read, and a text in another order only makes loadCalendar build it again). Equal
 * texts are an equal calendar, so loadCalendar keeps what it built from them: the few hundred
 * listed dates read as row objects cost 0.7 ms, a third of an inquiry's detail, and these texts
 * about a fifth of that.
 */
export async function readCalendarText(db: Db): Promise<{ days: string; years: string }> {
  const rows = await runPrepared(db, 'calendar_text', () => {
    const { calendarDays: d, calendarYears: y } = tables(db)
    const pg = engineOf(db) === 'postgres'
    const days = pg
      ? sql`json_agg(json_build_array(${d.date}, ${d.isOffDay}, ${d.name}))::text`
      : sql`json_group_array(json_array(${d.date}, ${d.isOffDay}, ${d.name}))`
    const years = pg ? sql`json_agg(${y.year})::text` : sql`json_group_array(${y.year})`
    return db
      .select({
        days: sql<string | null>`(select ${days} from ${d})`,
        years: sql<string | null>`(select ${years} from ${y})`,
      })
      .from(sql`(select 1) as one`)
  })
  // PostgreSQL's json_agg over no rows is null
  return { days: rows[0]?.days ?? '[]', years: rows[0]?.years ?? '[]' }
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
