/** Staff users in SQL. */
import type { UserRole } from '@desk/domain'
import { and, asc, count, desc, eq, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { passwordHistory, sessions, users } from '../../db/schema.ts'

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  isActive: users.isActive,
  departmentId: users.departmentId,
  mustChangePassword: users.mustChangePassword,
  passwordChangedAt: users.passwordChangedAt,
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
  row: {
    username: string
    displayName: string
    role: UserRole
    passwordHash: string
    createdAt: number
    passwordChangedAt: number
    departmentId?: number | null
  },
) {
  return db.insert(users).values(row).returning(publicColumns).get()
}

export function updateUser(
  db: Db,
  id: number,
  patch: { departmentId?: number | null; role?: UserRole; isActive?: boolean },
) {
  return db.update(users).set(patch).where(eq(users.id, id)).returning(publicColumns).get()
}

/** Active accounts with `role`. */
export async function countActiveWithRole(db: Db, role: UserRole): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true)))
  return row?.n ?? 0
}

/** The stored hash of the user's password (for checking the current one on a change). */
export async function findPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const [row] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id))
  return row?.h
}

export async function updatePassword(
  db: Db,
  id: number,
  passwordHash: string,
  now: number,
  mustChangePassword: boolean,
) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, mustChangePassword })
    .where(eq(users.id, id))
}

export function insertPasswordHistory(
  db: Db,
  row: { userId: number; passwordHash: string; changedAt: number },
) {
  db.insert(passwordHistory).values(row).run()
}

/** The hashes of the user's last `n` passwords, newest first. */
export function listPasswordHistory(db: Db, userId: number, n: number): string[] {
  if (n <= 0) return []
  return db
    .select({ h: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(n)
    .all()
    .map((r) => r.h)
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
}

/** Ends the user's sessions but the one whose token hash is `keep` (after changing their password). */
export async function deleteOtherSessions(db: Db, userId: number, keep: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)))
}
