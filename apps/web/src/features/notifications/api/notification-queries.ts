/**
 * The signed-in user's notifications (`GET /api/notifications`, computed by the API when read) and
 * marking them read (`POST /api/notifications/read`). The list is read again every minute and when
 * the window regains focus, so the bell's count follows what happens elsewhere without a push
 * channel; as a background poll, which does not keep an idle session alive.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, BACKGROUND_HEADERS, unwrap } from '../../../lib/api-client.ts'

export const notificationQueries = {
  all: () => ['notifications'] as const,
  list: () =>
    queryOptions({
      queryKey: [...notificationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.notifications.$get({}, { init: { signal }, headers: BACKGROUND_HEADERS })),
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
      staleTime: 15_000,
      // a failed poll is not worth a toast every minute; the bell shows no count instead
      meta: { silent: true },
    }),
}

export type NotificationList = InferResponseType<typeof api.notifications.$get, 200>
export type NotificationItem = NotificationList['items'][number]

/** Marks `keys` read, or every listed notification (`all`); the answer is the list afterwards. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { keys: string[] } | { all: true }) =>
      unwrap(api.notifications.read.$post({ json: input })),
    onSuccess: (list) => queryClient.setQueryData(notificationQueries.list().queryKey, list),
  })
}
