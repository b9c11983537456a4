/** Sessions and API tokens in SQL. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { runPrepared } from '../../db/prepared.ts'

export async function findUserByUsername(db: Db, username: string) {
  const { users } = tables(db)
  return (await db.select().from(users).where(eq(users.username, username)).limit(1))[0]
}

export async function insertSession(
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
  const { sessions } = tables(db)
  await db.insert(sessions).values(row)
}

export async function deleteSession(db: Db, tokenHash: string) {
  const { sessions } = tables(db)
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** The live session with its active user, or undefined (prepared once: every request asks). */
export async function findLiveSession(db: Db, tokenHash: string, now: number) {
  const rows = await runPrepared(
    db,
    'auth_live_session',
    () => {
      const { sessions, users } = tables(db)
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
          and(
            eq(sessions.tokenHash, sql.placeholder('tokenHash')),
            gt(sessions.expiresAt, sql.placeholder('now')),
            eq(users.isActive, true),
          ),
        )
        .limit(1)
    },
    { tokenHash, now },
  )
  return rows[0]
}

export async function touchSession(db: Db, tokenHash: string, now: number) {
  const { sessions } = tables(db)
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash))
}

export async function findLiveApiToken(db: Db, tokenHash: string) {
  const { apiTokens } = tables(db)
  return (
    await db
      .select({ id: apiTokens.id, channelCode: apiTokens.channelCode })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1)
  )[0]
}
