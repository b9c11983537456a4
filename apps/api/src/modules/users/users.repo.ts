/** Staff users in SQL. */
import type { UserRole } from '@desk/domain'
import { and, asc, count, desc, eq, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

function publicColumns(db: Db) {
  const { users } = tables(db)
  return {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    role: users.role,
    isActive: users.isActive,
    departmentId: users.departmentId,
    mustChangePassword: users.mustChangePassword,
    passwordChangedAt: users.passwordChangedAt,
  }
}

export async function listUsers(db: Db) {
  const { users } = tables(db)
  return await db.select(publicColumns(db)).from(users).orderBy(asc(users.id))
}

export async function findUser(db: Db, id: number) {
  const { users } = tables(db)
  return (await db.select(publicColumns(db)).from(users).where(eq(users.id, id)).limit(1))[0]
}

export async function findUserByUsername(db: Db, username: string) {
  const { users } = tables(db)
  return (
    await db.select(publicColumns(db)).from(users).where(eq(users.username, username)).limit(1)
  )[0]
}

export async function countUsers(db: Db): Promise<number> {
  const { users } = tables(db)
  return (await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0
}

export async function insertUser(
  db: Db,
  row: {
    username: string
    displayName: string
    role: UserRole
    passwordHash: string
    createdAt: number
    passwordChangedAt: number
    departmentId?: number | null
    mustChangePassword?: boolean
  },
) {
  const { users } = tables(db)
  return returnedRow(await db.insert(users).values(row).returning(publicColumns(db)))
}

export async function updateUser(
  db: Db,
  id: number,
  patch: { departmentId?: number | null; role?: UserRole; isActive?: boolean },
) {
  const { users } = tables(db)
  return (await db.update(users).set(patch).where(eq(users.id, id)).returning(publicColumns(db)))[0]
}

/** Active accounts with `role`. */
export async function countActiveWithRole(db: Db, role: UserRole): Promise<number> {
  const { users } = tables(db)
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true)))
  return row?.n ?? 0
}

/** The stored hash of the user's password (for checking the current one on a change). */
export async function findPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const { users } = tables(db)
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
  const { users } = tables(db)
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, mustChangePassword })
    .where(eq(users.id, id))
}

export async function insertPasswordHistory(
  db: Db,
  row: { userId: number; passwordHash: string; changedAt: number },
) {
  const { passwordHistory } = tables(db)
  await db.insert(passwordHistory).values(row)
}

/** The hashes of the user's last `n` passwords, newest first. */
export async function listPasswordHistory(db: Db, userId: number, n: number): Promise<string[]> {
  const { passwordHistory } = tables(db)
  if (n <= 0) return []
  return (
    await db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.id))
      .limit(n)
  ).map((r) => r.h)
}

export async function deleteSessionsOfUser(db: Db, userId: number) {
  const { sessions } = tables(db)
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

/** Ends the user's sessions but the one whose token hash is `keep` (after changing their password). */
export async function deleteOtherSessions(db: Db, userId: number, keep: string) {
  const { sessions } = tables(db)
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)))
}
