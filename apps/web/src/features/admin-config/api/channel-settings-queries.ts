/**
 * Per-channel workflow settings: sign-off and webhook. The secret is write-only: reads give
 * `hasWebhookSecret`; a webhook URL without a secret is refused with 422 (details name webhookSecret).
 */
import type { ChannelSettingsInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type ChannelSettingsView = InferResponseType<
  (typeof api)['channel-settings']['$get'],
  200
>['settings'][number]

export const channelSettingsQueries = {
  list: () =>
    queryOptions({
      queryKey: [...configKeys.area('channel-settings'), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api['channel-settings'].$get(undefined, { init: { signal } })).then(
          (r) => r.settings,
        ),
      staleTime: 60_000,
    }),
}

export function useUpdateChannelSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: ChannelSettingsInput }) =>
      unwrap(api['channel-settings'][':code'].$patch({ param: { code }, json: patch })),
    // the form shows a 422 beside the field itself
    meta: { silent: true },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: configKeys.area('channel-settings') }),
  })
}
