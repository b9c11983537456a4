/** Staff users in SQL. */
import type { UserRole } from '@desk/domain'
import { asc, count, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { users } from '../../db/schema.ts'

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  isActive: users.isActive,
  departmentId: users.departmentId,
}

export function listUsers(db: Db) {
  return db.select(publicColumns).from(users).orderBy(asc(users.id)).all()
}

export function findUser(db: Db, id: number) {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get()
}

export function findUserByUsername(db: Db, username: string) {
  return db.select(publicColumns).from(users).where(eq(users.username, username)).get()
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0
}

export function insertUser(
  db: Db,
  row: { username: string; displayName: string; role: UserRole; passwordHash: string; createdAt: number; departmentId?: number | null },
) {
  return db.insert(users).values(row).returning(publicColumns).get()
}

export function updateUser(db: Db, id: number, patch: { departmentId?: number | null; role?: UserRole; isActive?: boolean }) {
  return db.update(users).set(patch).where(eq(users.id, id)).returning(publicColumns).get()
}
