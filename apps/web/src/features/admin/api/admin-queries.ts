/**
 * Admin data and changes: channels (add, rename, (de)activate, API tokens) and staff users.
 * Channel changes invalidate the shared channel list, so the queue tabs follow.
 */
import type { CreateChannelInput, UpdateChannelInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { channelRootKeys } from '../../../lib/query-keys.ts'
import { userQueries } from '../../../lib/users.ts'

export type NewUserInput = InferRequestType<typeof api.users.$post>['json']

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
