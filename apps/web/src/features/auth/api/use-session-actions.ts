/**
 * Sign in and sign out. Login answers `{ user, csrfToken }` and sets the HttpOnly session cookie;
 * the user is put straight into the session query so guarded pages need no refetch.
 */
import type { LoginInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, setCsrfToken, unwrap } from '../../../lib/api-client.ts'
import { acceptSession, sessionQueries } from '../../../lib/session.ts'

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: LoginInput) =>
      acceptSession(await unwrap(api.auth.login.$post({ json: input }))),
    onSuccess: (user) => queryClient.setQueryData(sessionQueries.me().queryKey, user),
    meta: { silent: true }, // the form shows "wrong username or password" itself
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.auth.logout.$post()),
    onSettled: () => {
      setCsrfToken('')
      queryClient.clear()
      queryClient.setQueryData(sessionQueries.me().queryKey, null)
    },
  })
}
