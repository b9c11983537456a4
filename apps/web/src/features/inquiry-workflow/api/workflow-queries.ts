/**
 * Reads for the responder's workflow on one inquiry: the workflow view
 * (`GET /api/inquiries/:id/workflow` → `{ requiresSignOff, hasWebhook, duplicateOfId, duplicates,
 * drafts, followUps, deliveries }`), the transfer targets, the return reasons, the templates of a
 * category, a template filled for the inquiry, and a merge target's preview. The workflow view is
 * keyed under the inquiry's root key, so reloading the inquiry reloads it too.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { inquiryRootKeys } from '../../../lib/query-keys.ts'

const inquiry = api.inquiries[':id']

export const workflowQueries = {
  view: (id: number) =>
    queryOptions({
      queryKey: [...inquiryRootKeys.detail(id), 'workflow'] as const,
      queryFn: ({ signal }) => unwrap(inquiry.workflow.$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
    }),
  /** Another inquiry, for the merge dialog's preview (the same read the inquiry page does). */
  preview: (id: number) =>
    queryOptions({
      queryKey: [...inquiryRootKeys.detail(id), 'preview'] as const,
      queryFn: ({ signal }) => unwrap(inquiry.$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
      meta: { silent: true },
      retry: false,
    }),
  returnReasons: () =>
    queryOptions({
      queryKey: ['return-reasons'] as const,
      queryFn: ({ signal }) => unwrap(api['return-reasons'].$get(undefined, { init: { signal } })).then((r) => r.reasons),
      staleTime: 5 * 60_000,
    }),
  /** Active templates for an inquiry's category (and those for every category); null: uncategorized. */
  templates: (category: string | null) =>
    queryOptions({
      queryKey: ['templates', 'for', category] as const,
      queryFn: ({ signal }) =>
        unwrap(api.templates.$get({ query: category === null ? { uncategorized: '1' } : { category } }, { init: { signal } })).then(
          (r) => r.templates,
        ),
      staleTime: 60_000,
    }),
}

/** Template `templateId` filled for inquiry `inquiryId`: `{ text, unknown, missing }`. */
export function fillTemplate(templateId: number, inquiryId: number) {
  return unwrap(api.templates[':id'].fill.$get({ param: { id: String(templateId) }, query: { inquiryId: String(inquiryId) } }))
}

export type WorkflowView = InferResponseType<(typeof inquiry)['workflow']['$get'], 200>
export type Draft = WorkflowView['drafts'][number]
export type Delivery = WorkflowView['deliveries'][number]
