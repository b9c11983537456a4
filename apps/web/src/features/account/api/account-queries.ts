/**
 * The signed-in user's own account: `POST /api/auth/password` (current and new password). On
 * success the session query is updated, so a forced change (reset or expired password) lifts
 * and the pages open again. The form shows its own errors (`meta.silent`).
 */
import type { ChangePasswordInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { sessionQueries } from '../../../lib/session.ts'

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => unwrap(api.auth.password.$post({ json: input })),
    // lifted at once (the next page's guard reads the cached session), then confirmed by the API
    onSuccess: () => {
      queryClient.setQueryData(sessionQueries.me().queryKey, (user) =>
        user ? { ...user, passwordChange: null } : user,
      )
      return queryClient.invalidateQueries({ queryKey: sessionQueries.me().queryKey })
    },
    meta: { silent: true },
  })
}
