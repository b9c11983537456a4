/**
 * Admin data and changes: channels (add, rename, (de)activate, API tokens) and staff accounts
 * (add, role, (de)activate, password reset). Channel changes invalidate the shared channel list,
 * so the queue tabs follow; account changes the shared user list.
 */
import type { CreateChannelInput, UpdateChannelInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { channelRootKeys } from '../../../lib/query-keys.ts'
import { userQueries } from '../../../lib/users.ts'

export type NewUserInput = InferRequestType<typeof api.users.$post>['json']
export type AccountPatch = InferRequestType<(typeof api.users)[':id']['$patch']>['json']

export function useCreateChannel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateChannelInput) => unwrap(api.channels.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelRootKeys.all() }),
  })
}

export function useUpdateChannel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: UpdateChannelInput }) =>
      unwrap(api.channels[':code'].$patch({ param: { code }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelRootKeys.all() }),
  })
}

/** Makes a bearer token for a channel's API; the answer holds the token, shown once. */
export function useCreateChannelToken() {
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      unwrap(api.channels[':code'].tokens.$post({ param: { code }, json: { name } })),
  })
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NewUserInput) => unwrap(api.users.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  })
}

/** Changes one account's role or whether it is active (what the caller may is `mayManageAccount`). */
export function useUpdateAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: AccountPatch }) =>
      unwrap(api.users[':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  })
}

/** Resets a password; the answer holds the temporary password, shown once. */
export function useResetPassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.users[':id']['password-reset'].$post({ param: { id: String(id) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  })
}
