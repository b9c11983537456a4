/**
 * The daily digest (`GET /api/deadlines/digest`, managers): what falls due on the next working day
 * and what is overdue. Keyed under the deadline root key, which inquiry actions invalidate.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { deadlineRootKeys } from '../../../lib/query-keys.ts'

export const deadlineQueries = {
  digest: () =>
    queryOptions({
      queryKey: [...deadlineRootKeys.all(), 'digest'] as const,
      queryFn: ({ signal }) => unwrap(api.deadlines.digest.$get(undefined, { init: { signal } })),
      staleTime: 60_000,
    }),
}

/** `GET /api/deadlines/digest`. */
export type Digest = InferResponseType<typeof api.deadlines.digest.$get, 200>
