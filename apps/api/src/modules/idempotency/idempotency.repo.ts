/** Idempotency keys in SQL (table idempotency_keys): claim, read, store the answer, release. */
import { and, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { idempotencyKeys } from '../../db/schema.ts'

/** Inserts the key as running (status 0); false when it exists already. */
export function claimIdempotencyKey(db: Db, scope: string, key: string, now: number): boolean {
  const r = db
    .insert(idempotencyKeys)
    .values({ scope, key, status: 0, body: '', createdAt: now })
    .onConflictDoNothing()
    .run()
  return r.changes === 1
}

export function findIdempotencyKey(db: Db, scope: string, key: string) {
  return db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .get()
}

export function storeIdempotentAnswer(
  db: Db,
  scope: string,
  key: string,
  status: number,
  body: string,
) {
  db.update(idempotencyKeys)
    .set({ status, body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .run()
}

export function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  db.delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .run()
}

export function pruneIdempotencyKeys(db: Db, before: number) {
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run()
}
