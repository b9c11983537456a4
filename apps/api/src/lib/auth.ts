/**
 * Authentication middleware. `identify` resolves the caller once per request; `requireStaff(role)`
 * guards staff routes (role checked in the API, not only hidden in the SPA) and, for
 * state-changing methods on a cookie session, the `X-CSRF-Token` header.
 */
import { USER_ROLES, hasRole, rolesWithAny, type UserRole } from '@desk/domain'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { resolveCaller } from '../modules/auth/auth.service.ts'
import type { AppEnv, SessionUser } from './context.ts'
import { AppError } from './errors.ts'

export const SESSION_COOKIE = 'desk_session'
/**
 * The cookie's name on HTTPS: the `__Host-` prefix makes the browser refuse it unless it is
 * Secure, has Path=/ and no Domain, so a sibling host cannot plant or overwrite it (RFC 6265bis §4.1.3.2).
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`

/**
 * Whether the browser reached the desk over HTTPS: the request's own scheme, or, behind a
 * trusted proxy (DESK_TRUST_PROXY), its `X-Forwarded-Proto: https` (first value).
 */
export function isHttps<E extends AppEnv>(c: Context<E>): boolean {
  if (c.req.url.startsWith('https:')) return true
  return (
    c.var.trustProxy &&
    c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
  )
}

/** The session cookie's name for this request: `__Host-desk_session` over HTTPS, else `desk_session`. */
export const sessionCookieName = <E extends AppEnv>(c: Context<E>) =>
  isHttps(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const identify = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.req.header('authorization')
  const bearerToken = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
  const sessionToken = getCookie(c, sessionCookieName(c))
  c.set(
    'caller',
    await resolveCaller(
      c.var.db,
      // the SPA's polls say so: they do not renew an idle session (auth.service resolveCaller)
      { bearerToken, sessionToken, background: c.req.header('x-desk-background') === '1' },
      c.var.now(),
      c.var.security.sessionIdleMs,
      c.var.security.passwordPolicy,
    ),
  )
  await next()
})

/**
 * The signed-in staff user with one of `roles` (domain `hasRole`); throws UNAUTHENTICATED /
 * FORBIDDEN (`role_required`, naming the roles that may and the caller's) / CSRF, and FORBIDDEN `password_change_required` while the user must replace a reset
 * or expired password (unless `duringPasswordChange`: the sign-out, who-am-I and change routes).
 */
export function assertStaff(
  caller: AppEnv['Variables']['caller'],
  roles: UserRole | readonly UserRole[],
  method: string,
  csrfHeader: string | undefined,
  duringPasswordChange = false,
): SessionUser {
  if (!caller || caller.kind !== 'staff') throw new AppError('UNAUTHENTICATED', 'Please sign in')
  if (caller.passwordChange && !duringPasswordChange) {
    throw new AppError('FORBIDDEN', 'Choose a new password first', {
      reason: 'password_change_required',
      passwordChange: caller.passwordChange,
    })
  }
  const allowed = typeof roles === 'string' ? [roles] : roles
  if (!allowed.some((r) => hasRole(caller.user.role, r))) {
    // every role that may, not only the lowest: "responder" alone reads as if a manager could not
    const open = rolesWithAny(allowed)
    throw new AppError(
      'FORBIDDEN',
      `This needs one of the roles ${open.join(', ')}; yours is ${caller.user.role}`,
      { reason: 'role_required', roles: open, role: caller.user.role },
    )
  }
  if (!SAFE_METHODS.has(method) && csrfHeader !== caller.csrfToken) {
    throw new AppError('CSRF', 'Missing or wrong X-CSRF-Token header')
  }
  return caller.user
}

/** Any signed-in staff user, also while they must change their password (the auth routes). */
export const requireSession = createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(
  async (c, next) => {
    c.set(
      'user',
      assertStaff(c.var.caller, USER_ROLES, c.req.method, c.req.header('x-csrf-token'), true),
    )
    await next()
  },
)

/** Staff with one of `roles` (default: responder, i.e. the inquiry-handling chain). */
export const requireStaff = (...roles: UserRole[]) =>
  createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
    c.set(
      'user',
      assertStaff(
        c.var.caller,
        roles.length > 0 ? roles : 'responder',
        c.req.method,
        c.req.header('x-csrf-token'),
      ),
    )
    await next()
  })

/**
 * The channel API's caller: the bearer token of channel `code` (null) or a responder's session
 * (the user's id). FORBIDDEN for another channel's token; UNAUTHENTICATED / CSRF as `assertStaff`.
 */
export function channelOrStaff(c: Context<AppEnv>, code: string): number | null {
  const caller = c.var.caller
  if (caller?.kind === 'channel_token') {
    if (caller.channelCode !== code)
      throw new AppError('FORBIDDEN', `This token is for channel ${caller.channelCode}`)
    return null
  }
  return assertStaff(caller, 'responder', c.req.method, c.req.header('x-csrf-token')).id
}
