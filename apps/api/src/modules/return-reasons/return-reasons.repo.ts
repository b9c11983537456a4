/** Return reasons (退单原因) in SQL. */
import { asc, count, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

function columns(db: Db) {
  const { returnReasons } = tables(db)
  return {
    id: returnReasons.id,
    label: returnReasons.label,
    isActive: returnReasons.isActive,
  }
}

export async function listReturnReasons(db: Db) {
  const { returnReasons } = tables(db)
  return await db
    .select(columns(db))
    .from(returnReasons)
    .orderBy(asc(returnReasons.sortOrder), asc(returnReasons.id))
}

export async function findReturnReason(db: Db, id: number) {
  const { returnReasons } = tables(db)
  return (
    await db.select(columns(db)).from(returnReasons).where(eq(returnReasons.id, id)).limit(1)
  )[0]
}

export async function findReturnReasonByLabel(db: Db, label: string) {
  const { returnReasons } = tables(db)
  return (
    await db.select(columns(db)).from(returnReasons).where(eq(returnReasons.label, label)).limit(1)
  )[0]
}

export async function countReturnReasons(db: Db): Promise<number> {
  const { returnReasons } = tables(db)
  return (await db.select({ n: count() }).from(returnReasons).limit(1))[0]?.n ?? 0
}

export async function insertReturnReason(db: Db, row: { label: string; isActive: boolean }) {
  const { returnReasons } = tables(db)
  const last = (
    await db
      .select({ n: max(returnReasons.sortOrder) })
      .from(returnReasons)
      .limit(1)
  )[0]
  return returnedRow(
    await db
      .insert(returnReasons)
      .values({ ...row, sortOrder: (last?.n ?? 0) + 1 })
      .returning(columns(db)),
  )
}

export async function updateReturnReason(
  db: Db,
  id: number,
  patch: { label?: string; isActive?: boolean },
) {
  const { returnReasons } = tables(db)
  return (
    await db.update(returnReasons).set(patch).where(eq(returnReasons.id, id)).returning(columns(db))
  )[0]
}
