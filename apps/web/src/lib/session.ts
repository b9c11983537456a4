/**
 * The signed-in user. `sessionQueries.me()` asks `GET /api/auth/me` and yields the user, or null
 * when nobody is signed in (401); it also remembers the session's CSRF token for later writes.
 */
import type { UserRole } from '@desk/domain'
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
}

/** Stores the answer of login or `/auth/me` and returns its user. */
export function acceptSession(answer: { user: SessionUser; csrfToken: string }): SessionUser {
  setCsrfToken(answer.csrfToken)
  return answer.user
}

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
