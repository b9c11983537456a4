/**
 * The signed-in user. `sessionQueries.me()` asks `GET /api/auth/me` and yields the user, or null
 * when nobody is signed in (401); it also remembers the session's CSRF token for later writes.
 */
import type { PasswordChangeReason, UserRole } from '@desk/domain'
import { queryOptions } from '@tanstack/react-query'
import { api, isApiError, setCsrfToken, unwrap } from './api-client.ts'
import { sessionRootKeys } from './query-keys.ts'

export type SessionUser = {
  id: number
  username: string
  displayName: string
  role: UserRole
  /** null: in no department (sees only undispatched items and its own) */
  departmentId?: number | null
  /** set while the user must replace a reset or expired password (nothing else is open then) */
  passwordChange: PasswordChangeReason | null
}

/** Stores the answer of login or `/auth/me` and returns its user. */
export function acceptSession(answer: {
  user: Omit<SessionUser, 'passwordChange'>
  csrfToken: string
  passwordChange: PasswordChangeReason | null
}): SessionUser {
  setCsrfToken(answer.csrfToken)
  return { ...answer.user, passwordChange: answer.passwordChange }
}

/**
 * The page a role starts on (三员分立: the audit and security administrators have no queue):
 * the audit log, the accounts, or the reply queue.
 */
export function homePath(role: UserRole): string {
  if (role === 'auditor') return '/audit'
  if (role === 'security_admin') return '/admin/users'
  return '/queue'
}

/** Where the user must change their password; every other page sends them here until they do. */
export const PASSWORD_PATH = '/account/password'

export const sessionQueries = {
  me: () =>
    queryOptions({
      queryKey: sessionRootKeys.me(),
      queryFn: async ({ signal }): Promise<SessionUser | null> => {
        try {
          return acceptSession(await unwrap(api.auth.me.$get(undefined, { init: { signal } })))
        } catch (error) {
          if (isApiError(error, 401)) return null
          throw error
        }
      },
      staleTime: 5 * 60_000,
    }),
}
