/** Departments (职能处室) in SQL. */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { departments } from '../../db/schema.ts'

const columns = { id: departments.id, name: departments.name, isActive: departments.isActive }

export function listDepartments(db: Db) {
  return db
    .select(columns)
    .from(departments)
    .orderBy(asc(departments.name), asc(departments.id))
    .all()
}

export function findDepartment(db: Db, id: number) {
  return db.select(columns).from(departments).where(eq(departments.id, id)).get()
}

export function findDepartmentByName(db: Db, name: string) {
  return db.select(columns).from(departments).where(eq(departments.name, name)).get()
}

export function insertDepartment(
  db: Db,
  row: { name: string; isActive: boolean; createdAt: number },
) {
  return db.insert(departments).values(row).returning(columns).get()
}

export function updateDepartment(db: Db, id: number, patch: { name?: string; isActive?: boolean }) {
  return db.update(departments).set(patch).where(eq(departments.id, id)).returning(columns).get()
}
