/**
 * Admin data and changes: channels (add, rename, (de)activate, API tokens) and staff users.
 * Channel changes invalidate the shared channel list, so the queue tabs follow.
 */
import type { CreateChannelInput, UpdateChannelInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { channelRootKeys } from '../../../lib/query-keys.ts'

export type NewUserInput = InferRequestType<typeof api.users.$post>['json']
export type StaffUser = InferResponseType<typeof api.users.$get, 200>['users'][number]

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.users.$get(undefined, { init: { signal } })).then((r) => r.users),
      staleTime: 60_000,
    }),
}

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
