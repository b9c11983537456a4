/** Failed sign-in counters in SQL (table login_throttle), so every API process sees the same. */
import { eq, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export type ThrottleRow = typeof schema.loginThrottle.$inferSelect

export async function findThrottleRows(db: Db, keys: string[]): Promise<ThrottleRow[]> {
  const { loginThrottle } = tables(db)
  return await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys))
}

export async function upsertThrottleRow(db: Db, row: ThrottleRow) {
  const { loginThrottle } = tables(db)
  await db
    .insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil },
    })
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
