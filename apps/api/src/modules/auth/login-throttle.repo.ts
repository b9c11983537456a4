/** Failed sign-in counters in SQL (table login_throttle), so every API process sees the same. */
import { eq, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { loginThrottle } from '../../db/schema.ts'

export type ThrottleRow = typeof loginThrottle.$inferSelect

export function findThrottleRows(db: Db, keys: string[]): ThrottleRow[] {
  return db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys)).all()
}

export function upsertThrottleRow(db: Db, row: ThrottleRow) {
  db.insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil },
    })
    .run()
}

export function deleteThrottleRow(db: Db, key: string) {
  db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run()
}

/** Drops counters whose window ended before `before` and that lock nothing any more. */
export function pruneThrottleRows(db: Db, before: number) {
  db.delete(loginThrottle).where(lt(loginThrottle.windowStart, before)).run()
}
