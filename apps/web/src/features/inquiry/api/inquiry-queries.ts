/**
 * Reads of the inquiry page, keyed under the inquiry's root key (lib/query-keys.ts), so an action
 * that reloads the inquiry reloads its workflow view too:
 * - `detail(id)`: `GET /api/inquiries/:id` → `{ inquiry, contact, deadline }` (contact masked); the
 *   merge dialog previews another inquiry with the same read.
 * - `workflow(id)`: `GET /api/inquiries/:id/workflow` → `{ requiresSignOff, hasWebhook,
 *   duplicateOfId, duplicates, drafts, followUps, deliveries }`.
 * - `pendingExtensions()`: `GET /api/deadlines/extensions`, the managers' list of open requests.
 * The reference lists the page picks from (departments, return reasons, templates) are the shared
 * ones in lib/.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { deadlineRootKeys, inquiryRootKeys } from '../../../lib/query-keys.ts'

const inquiry = api.inquiries[':id']

export const inquiryQueries = {
  detail: (id: number) =>
    queryOptions({
      queryKey: inquiryRootKeys.detail(id),
      queryFn: ({ signal }) =>
        unwrap(inquiry.$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
      // the page and the merge preview say "not found" themselves
      meta: { silent: true },
    }),
  workflow: (id: number) =>
    queryOptions({
      queryKey: [...inquiryRootKeys.detail(id), 'workflow'] as const,
      queryFn: ({ signal }) =>
        unwrap(inquiry.workflow.$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
    }),
  /** `GET /api/inquiries/:id/caller-history`: the caller's earlier inquiries by phone (no contact). */
  callerHistory: (id: number) =>
    queryOptions({
      queryKey: [...inquiryRootKeys.detail(id), 'caller-history'] as const,
      queryFn: ({ signal }) =>
        unwrap(inquiry['caller-history'].$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 60_000,
    }),
  pendingExtensions: () =>
    queryOptions({
      queryKey: [...deadlineRootKeys.all(), 'extensions'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.deadlines.extensions.$get(undefined, { init: { signal } })).then((r) => r.items),
      staleTime: 15_000,
    }),
}

/**
 * Template `templateId` filled for inquiry `inquiryId` as the composer inserts it: personal
 * placeholders ({市民姓名}) kept for the server to fill on release, the rest filled.
 */
export function fillTemplate(templateId: number, inquiryId: number) {
  return unwrap(
    api.templates[':id'].fill.$get({
      param: { id: String(templateId) },
      query: { inquiryId: String(inquiryId) },
    }),
  )
}

type QueueQuery = NonNullable<Parameters<typeof api.inquiries.$get>[0]>['query']

/**
 * The first pending inquiry other than `currentId` in a queue view (`query`: the view's API filter
 * and sort, {} for the default view), read fresh; null when there is none.
 */
export async function nextPendingInquiry(query: Record<string, string>, currentId: number) {
  const page = await unwrap(
    api.inquiries.$get({ query: { ...(query as QueueQuery), status: 'pending', limit: '2' } }),
  )
  return page.items.find((i) => i.id !== currentId) ?? null
}

/** `{ inquiry, contact, deadline }` as the API returns it. */
export type InquiryView = InferResponseType<(typeof inquiry)['$get'], 200>
export type Inquiry = InquiryView['inquiry']
export type WorkflowView = InferResponseType<(typeof inquiry)['workflow']['$get'], 200>
export type Draft = WorkflowView['drafts'][number]
export type Delivery = WorkflowView['deliveries'][number]
/** A pending extension request as `GET /api/deadlines/extensions` lists it. */
export type PendingExtension = InferResponseType<
  typeof api.deadlines.extensions.$get,
  200
>['items'][number]
