/**
 * Queue data: keyset pages of `GET /api/inquiries` (useInfiniteQuery on `nextCursor`) and the
 * per-channel counts of `GET /api/inquiries/counts` (same filters minus the channel).
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'
import type { QueuePageSize } from './page-size.ts'
import { toFilterQuery, type QueueView } from './queue-view.ts'

export const queueQueries = {
  list: (view: QueueView, pageSize: QueuePageSize) =>
    infiniteQueryOptions({
      queryKey: [...queueRootKeys.lists(), view, pageSize] as const,
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          api.inquiries.$get(
            {
              query: {
                ...toFilterQuery(view),
                ...(view.channel ? { channel: view.channel } : {}),
                sort: view.sort,
                limit: String(pageSize),
                ...(pageParam ? { cursor: pageParam } : {}),
              },
            },
            { init: { signal } },
          ),
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: 15_000,
    }),
  counts: (view: QueueView) => {
    const filter = toFilterQuery(view)
    return queryOptions({
      queryKey: [...queueRootKeys.counts(), filter] as const,
      queryFn: ({ signal }) =>
        unwrap(api.inquiries.counts.$get({ query: filter }, { init: { signal } })),
      staleTime: 15_000,
    })
  },
}

/** One row of the queue as `GET /api/inquiries` returns it. */
export type QueueItem = InferResponseType<typeof api.inquiries.$get, 200>['items'][number]
