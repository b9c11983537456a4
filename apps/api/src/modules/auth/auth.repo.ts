/** Sessions and API tokens in SQL. */
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { apiTokens, sessions, users } from '../../db/schema.ts'

export function findUserByUsername(db: Db, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get()
}

export function insertSession(
  db: Db,
  row: {
    tokenHash: string
    userId: number
    csrfToken: string
    createdAt: number
    expiresAt: number
    lastSeenAt: number
  },
) {
  db.insert(sessions).values(row).run()
}

export function deleteSession(db: Db, tokenHash: string) {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run()
}

/** The live session with its active user, or undefined. */
export function findLiveSession(db: Db, tokenHash: string, now: number) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isActive, true)),
    )
    .get()
}

export function touchSession(db: Db, tokenHash: string, now: number) {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run()
}

export function findLiveApiToken(db: Db, tokenHash: string) {
  return db
    .select({ id: apiTokens.id, channelCode: apiTokens.channelCode })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get()
}
