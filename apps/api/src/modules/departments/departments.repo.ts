/** Departments (职能处室) in SQL. */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

function columns(db: Db) {
  const { departments } = tables(db)
  return { id: departments.id, name: departments.name, isActive: departments.isActive }
}

export async function listDepartments(db: Db) {
  const { departments } = tables(db)
  return await db
    .select(columns(db))
    .from(departments)
    .orderBy(dialectOf(db).textOrder(departments.name), asc(departments.id))
}

export async function findDepartment(db: Db, id: number) {
  const { departments } = tables(db)
  return (await db.select(columns(db)).from(departments).where(eq(departments.id, id)).limit(1))[0]
}

export async function findDepartmentByName(db: Db, name: string) {
  const { departments } = tables(db)
  return (
    await db.select(columns(db)).from(departments).where(eq(departments.name, name)).limit(1)
  )[0]
}

export async function insertDepartment(
  db: Db,
  row: { name: string; isActive: boolean; createdAt: number },
) {
  const { departments } = tables(db)
  return returnedRow(await db.insert(departments).values(row).returning(columns(db)))
}

export async function updateDepartment(
  db: Db,
  id: number,
  patch: { name?: string; isActive?: boolean },
) {
  const { departments } = tables(db)
  return (
    await db.update(departments).set(patch).where(eq(departments.id, id)).returning(columns(db))
  )[0]
}
