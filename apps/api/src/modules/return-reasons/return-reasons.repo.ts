/** Return reasons (退单原因) in SQL. */
import { asc, count, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { returnReasons } from '../../db/schema.ts'

const columns = {
  id: returnReasons.id,
  label: returnReasons.label,
  isActive: returnReasons.isActive,
}

export function listReturnReasons(db: Db) {
  return db
    .select(columns)
    .from(returnReasons)
    .orderBy(asc(returnReasons.sortOrder), asc(returnReasons.id))
    .all()
}

export function findReturnReason(db: Db, id: number) {
  return db.select(columns).from(returnReasons).where(eq(returnReasons.id, id)).get()
}

export function findReturnReasonByLabel(db: Db, label: string) {
  return db.select(columns).from(returnReasons).where(eq(returnReasons.label, label)).get()
}

export function countReturnReasons(db: Db): number {
  return db.select({ n: count() }).from(returnReasons).get()?.n ?? 0
}

export function insertReturnReason(db: Db, row: { label: string; isActive: boolean }) {
  const last = db
    .select({ n: max(returnReasons.sortOrder) })
    .from(returnReasons)
    .get()
  return db
    .insert(returnReasons)
    .values({ ...row, sortOrder: (last?.n ?? 0) + 1 })
    .returning(columns)
    .get()
}

export function updateReturnReason(
  db: Db,
  id: number,
  patch: { label?: string; isActive?: boolean },
) {
  return db
    .update(returnReasons)
    .set(patch)
    .where(eq(returnReasons.id, id))
    .returning(columns)
    .get()
}
