/** Login, logout and the lookup of who is calling. */
import {
  normalizeUsername,
  passwordChangeReason,
  type LoginInput,
  type PasswordPolicy,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Caller, SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { dummyPasswordHash, verifyPassword } from '../../lib/password.ts'
import type { SecuritySettings } from '../../lib/security-settings.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { clearLoginFailures, loginWaitMs, recordLoginFailure } from './login-throttle.service.ts'
import { hashToken, newToken } from '../../lib/tokens.ts'
import * as repo from './auth.repo.ts'

/** Session lifetime: one working day and a bit (ms). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/**
 * Checks the password and opens a session. Throttled per (username, address) and per address
 * (login-throttle.service.ts); an unknown user costs the same hashing as a known one.
 * @param address the client's address (throttling and the audit log)
 * @returns the cookie token (give it to the browser only), the CSRF token and the user
 * A user whose password was reset or has expired signs in to a session that can do nothing but
 * change it (`passwordChange` says why; the API refuses everything else with
 * `password_change_required`).
 * @throws AppError RATE_LIMITED (details.retryAfterSeconds) while backing off; UNAUTHENTICATED
 *   for an unknown user, a wrong password or a disabled account
 */
export async function login(
  db: Db,
  input: LoginInput,
  now: number,
  address: string,
  security: SecuritySettings,
) {
  // the schema lowercases already; callers that build the input themselves are held to it too
  const username = normalizeUsername(input.username)
  const waitMs = await loginWaitMs(db, username, address, now)
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000)
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    )
  }
  const user = await repo.findUserByUsername(db, username)
  const matches = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await dummyPasswordHash()),
  )
  if (!user || !user.isActive || !matches) {
    await recordLoginFailure(db, username, address, now, security)
    await recordAudit(db, {
      at: now,
      action: 'login_failed',
      target: `username:${username}`,
      address,
      detail: { reason: !user ? 'unknown user' : !user.isActive ? 'disabled' : 'wrong password' },
    })
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password')
  }
  await clearLoginFailures(db, username, address)
  const passwordChange = passwordChangeReason(user, now, security.passwordPolicy)
  await recordAudit(db, {
    at: now,
    action: 'login_succeeded',
    actor: user,
    target: `user:${user.id}`,
    address,
    ...(passwordChange ? { detail: { passwordChange } } : {}),
  })
  const token = newToken()
  const csrfToken = newToken()
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    lastSeenAt: now,
  })
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
  }
  return { token, csrfToken, user: sessionUser, passwordChange }
}

export async function logout(db: Db, token: string) {
  await repo.deleteSession(db, hashToken(token))
}

// a session's last-seen time is written at most this often (a write per request would cost the queue)
const SEEN_RESOLUTION_MS = 60_000

/**
 * Resolves a session cookie or a bearer API token to a caller; undefined when neither is valid.
 * A session idle for longer than `idleMs` (0: no idle limit) ends here (等保 2.0 §8.1.4.1 b:
 * 登录连接超时自动退出). `policy` decides whether the user must replace an expired password.
 * A `background` request (the SPA's polls: the bell, counts, import progress; header
 * `X-Desk-Background: 1`) is no activity: it does not renew the session, so an unattended tab
 * still times out.
 */
export async function resolveCaller(
  db: Db,
  creds: {
    sessionToken?: string | undefined
    bearerToken?: string | undefined
    background?: boolean
  },
  now: number,
  idleMs = 0,
  policy?: PasswordPolicy,
): Promise<Caller | undefined> {
  if (creds.bearerToken) {
    const token = await repo.findLiveApiToken(db, hashToken(creds.bearerToken))
    return token
      ? { kind: 'channel_token', channelCode: token.channelCode, tokenId: token.id }
      : undefined
  }
  if (creds.sessionToken) {
    const tokenHash = hashToken(creds.sessionToken)
    const s = await repo.findLiveSession(db, tokenHash, now)
    if (!s) return undefined
    const { csrfToken, lastSeenAt, mustChangePassword, passwordChangedAt, ...user } = s
    if (idleMs > 0 && now - lastSeenAt > idleMs) {
      await repo.deleteSession(db, tokenHash)
      return undefined
    }
    if (!creds.background && now - lastSeenAt >= SEEN_RESOLUTION_MS)
      await repo.touchSession(db, tokenHash, now)
    const passwordChange = policy
      ? passwordChangeReason({ mustChangePassword, passwordChangedAt }, now, policy)
      : null
    return { kind: 'staff', user, csrfToken, passwordChange, tokenHash }
  }
  return undefined
}
