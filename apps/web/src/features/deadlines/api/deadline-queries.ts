/**
 * Deadline data and actions: pending extension requests and the daily digest (both for
 * managers), the clock and extension actions on one inquiry, and a manager's decision on a request.
 * Every action answers the inquiry's view; the page reloads it (and the queue lists and counts).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

export const deadlineQueries = {
  all: () => ['deadlines'] as const,
  extensions: () =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), 'extensions'] as const,
      queryFn: ({ signal }) => unwrap(api.deadlines.extensions.$get(undefined, { init: { signal } })).then((r) => r.items),
      staleTime: 15_000,
    }),
  digest: () =>
    queryOptions({
      queryKey: [...deadlineQueries.all(), 'digest'] as const,
      queryFn: ({ signal }) => unwrap(api.deadlines.digest.$get(undefined, { init: { signal } })),
      staleTime: 60_000,
    }),
}

/** A pending extension request as `GET /api/deadlines/extensions` lists it. */
export type PendingExtension = InferResponseType<typeof api.deadlines.extensions.$get, 200>['items'][number]
/** `GET /api/deadlines/digest`. */
export type Digest = InferResponseType<typeof api.deadlines.digest.$get, 200>

export type ClockAction =
  | { kind: 'pause'; version: number; reason: string }
  | { kind: 'resume'; version: number }
  | { kind: 'extend'; reason: string }

function sendClock(id: number, action: ClockAction) {
  const param = { id: String(id) }
  const inquiry = api.inquiries[':id']
  switch (action.kind) {
    case 'pause':
      return unwrap(inquiry.pause.$post({ param, json: { version: action.version, reason: action.reason } }))
    case 'resume':
      return unwrap(inquiry.resume.$post({ param, json: { version: action.version } }))
    case 'extend':
      return unwrap(inquiry.extensions.$post({ param, json: { reason: action.reason } }))
  }
}

function useReload() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: inquiryRootKeys.all() }),
      queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
      queryClient.invalidateQueries({ queryKey: deadlineQueries.all() }),
    ])
}

/** Pause / resume the clock (with the loaded version), or ask for an extension. Errors shown by the caller. */
export function useClockAction(inquiryId: number) {
  const reload = useReload()
  return useMutation({
    mutationFn: (action: ClockAction) => sendClock(inquiryId, action),
    onSettled: reload,
    meta: { silent: true },
  })
}

/** A manager approves or rejects extension request `id` (with an optional note). */
export function useDecideExtension() {
  const reload = useReload()
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
      unwrap(api.deadlines.extensions[':id'].decision.$post({ param: { id: String(id) }, json: { approve, ...(note ? { note } : {}) } })),
    onSettled: reload,
    meta: { silent: true },
  })
}
