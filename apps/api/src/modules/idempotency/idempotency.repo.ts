/** Idempotency keys in SQL (table idempotency_keys): claim, read, store the answer, release. */
import { and, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { changedRows } from '../../db/dialect.ts'

/** Inserts the key as running (status 0) for the request `fingerprint`; false when it exists already. */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  now: number,
): Promise<boolean> {
  const { idempotencyKeys } = tables(db)
  const r = await db
    .insert(idempotencyKeys)
    .values({ scope, key, fingerprint, status: 0, body: '', createdAt: now })
    .onConflictDoNothing()
  return changedRows(r) === 1
}

export async function findIdempotencyKey(db: Db, scope: string, key: string) {
  const { idempotencyKeys } = tables(db)
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
  return row
}

export async function storeIdempotentAnswer(
  db: Db,
  scope: string,
  key: string,
  status: number,
  body: string,
) {
  const { idempotencyKeys } = tables(db)
  await db
    .update(idempotencyKeys)
    .set({ status, body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
}

export async function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  const { idempotencyKeys } = tables(db)
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
}

export async function pruneIdempotencyKeys(db: Db, before: number) {
  const { idempotencyKeys } = tables(db)
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before))
}
