/** Rate-limit hits in SQL (table rate_limit_hits): one row per key, its window's count and end. */
import { and, eq, gt, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

/**
 * Counts one hit of `key` at `now` (ms) in one statement, so that concurrent requests of every
 * process each count: a key without a window, or whose window has ended, starts one of
 * `windowMs` with this hit. @returns the key's hits in its window and the window's end (ms)
 */
export async function countHit(db: Db, key: string, now: number, windowMs: number) {
  const { rateLimitHits: r } = tables(db)
  const ended = sql`${r.resetAt} <= ${now}`
  return returnedRow(
    await db
      .insert(r)
      .values({ key, hits: 1, resetAt: now + windowMs })
      .onConflictDoUpdate({
        target: r.key,
        set: {
          hits: sql`case when ${ended} then 1 else ${r.hits} + 1 end`,
          resetAt: sql`case when ${ended} then ${now + windowMs} else ${r.resetAt} end`,
        },
      })
      .returning({ hits: r.hits, resetAt: r.resetAt }),
  )
}

/** Takes one hit of `key` back (a request the limiter decided not to count). */
export async function uncountHit(db: Db, key: string) {
  const { rateLimitHits: r } = tables(db)
  await db
    .update(r)
    .set({ hits: sql`${r.hits} - 1` })
    .where(and(eq(r.key, key), gt(r.hits, 0)))
}

export async function deleteKey(db: Db, key: string) {
  const { rateLimitHits: r } = tables(db)
  await db.delete(r).where(eq(r.key, key))
}

/** Drops the rows of windows that ended at or before `now` (ms). */
export async function deleteEndedWindows(db: Db, now: number) {
  const { rateLimitHits: r } = tables(db)
  await db.delete(r).where(lte(r.resetAt, now))
}
