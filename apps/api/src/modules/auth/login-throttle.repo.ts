/** Failed sign-in counters in SQL (table login_throttle), so every API process sees the same. */
import { eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { returnedRow } from '../../db/rows.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export type ThrottleRow = typeof schema.loginThrottle.$inferSelect

export async function findThrottleRows(db: Db, keys: string[]): Promise<ThrottleRow[]> {
  const { loginThrottle } = tables(db)
  return await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys))
}

/**
 * Counts one failure of `key` at `now` (ms) in one statement, so that failures sent to several
 * processes at once each count: a key without a row, or whose window (`windowMs`) has ended,
 * starts a new window with this failure and no lock. @returns the key's row after the count
 */
export async function countFailure(
  db: Db,
  key: string,
  now: number,
  windowMs: number,
): Promise<ThrottleRow> {
  const { loginThrottle: t } = tables(db)
  const ended = sql`${t.windowStart} <= ${now - windowMs}`
  return returnedRow(
    await db
      .insert(t)
      .values({ key, failures: 1, windowStart: now, lockedUntil: 0 })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures: sql`case when ${ended} then 1 else ${t.failures} + 1 end`,
          windowStart: sql`case when ${ended} then ${now} else ${t.windowStart} end`,
          lockedUntil: sql`case when ${ended} then 0 else ${t.lockedUntil} end`,
        },
      })
      .returning(),
  )
}

/** Locks `key` until `until` (ms) unless it is locked longer already. */
export async function lockUntil(db: Db, key: string, until: number) {
  const { loginThrottle: t } = tables(db)
  await db
    .update(t)
    .set({ lockedUntil: dialectOf(db).greatest(sql`${t.lockedUntil}`, sql`${until}`) })
    .where(eq(t.key, key))
}

export async function deleteThrottleRow(db: Db, key: string) {
  const { loginThrottle } = tables(db)
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key))
}

/** Drops counters whose window ended before `before` and that lock nothing any more. */
export async function pruneThrottleRows(db: Db, before: number) {
  const { loginThrottle } = tables(db)
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, before))
}
