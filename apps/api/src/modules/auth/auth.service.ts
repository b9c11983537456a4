/** Login, logout and the lookup of who is calling. */
import type { LoginInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Caller, SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { verifyPassword } from '../../lib/password.ts'
import { hashToken, newToken } from '../../lib/tokens.ts'
import * as repo from './auth.repo.ts'

/** Session lifetime: one working day and a bit (ms). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/**
 * Checks the password and opens a session.
 * @returns the cookie token (give it to the browser only), the CSRF token and the user
 * @throws AppError UNAUTHENTICATED for an unknown user, a wrong password or a disabled account
 */
export async function login(db: Db, input: LoginInput, now: number) {
  const user = repo.findUserByUsername(db, input.username)
  const ok = user !== undefined && user.isActive && (await verifyPassword(input.password, user.passwordHash))
  if (!ok) throw new AppError('UNAUTHENTICATED', 'Wrong username or password')
  const token = newToken()
  const csrfToken = newToken()
  repo.insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
  })
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
  }
  return { token, csrfToken, user: sessionUser }
}

export function logout(db: Db, token: string) {
  repo.deleteSession(db, hashToken(token))
}

/** Resolves a session cookie or a bearer API token to a caller; undefined when neither is valid. */
export function resolveCaller(
  db: Db,
  creds: { sessionToken?: string | undefined; bearerToken?: string | undefined },
  now: number,
): Caller | undefined {
  if (creds.bearerToken) {
    const token = repo.findLiveApiToken(db, hashToken(creds.bearerToken))
    return token ? { kind: 'channel_token', channelCode: token.channelCode, tokenId: token.id } : undefined
  }
  if (creds.sessionToken) {
    const s = repo.findLiveSession(db, hashToken(creds.sessionToken), now)
    if (!s) return undefined
    const { csrfToken, ...user } = s
    return { kind: 'staff', user, csrfToken }
  }
  return undefined
}
