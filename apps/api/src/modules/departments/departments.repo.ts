/** Departments (职能处室) in SQL. */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { departments } from '../../db/schema.ts'
import { returnedRow } from '../../db/rows.ts'

const columns = { id: departments.id, name: departments.name, isActive: departments.isActive }

export async function listDepartments(db: Db) {
  return await db
    .select(columns)
    .from(departments)
    .orderBy(asc(departments.name), asc(departments.id))
}

export async function findDepartment(db: Db, id: number) {
  return (await db.select(columns).from(departments).where(eq(departments.id, id)).limit(1))[0]
}

export async function findDepartmentByName(db: Db, name: string) {
  return (await db.select(columns).from(departments).where(eq(departments.name, name)).limit(1))[0]
}

export async function insertDepartment(
  db: Db,
  row: { name: string; isActive: boolean; createdAt: number },
) {
  return returnedRow(await db.insert(departments).values(row).returning(columns))
}

export async function updateDepartment(
  db: Db,
  id: number,
  patch: { name?: string; isActive?: boolean },
) {
  return (
    await db.update(departments).set(patch).where(eq(departments.id, id)).returning(columns)
  )[0]
}
