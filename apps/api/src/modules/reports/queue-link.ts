/**
 * Numbers that link to the queue: each count comes with the query-string parameters of
 * `GET /api/inquiries` (inquiryFilterSchema) under which the queue lists exactly that many rows.
 */
import type { InquiryFilter } from '@desk/domain'

/** Query-string parameters of the queue, all strings (absent fields left out). */
export type QueueLink = Record<string, string>
export type Counted = { n: number; filter: QueueLink }

/** `filter` as query-string parameters; `status` is always present since the queue defaults to `pending`. */
export function toQueueLink(filter: Partial<InquiryFilter>): QueueLink {
  const link: QueueLink = {}
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) link[k] = String(v)
  return link
}

export const counted = (n: number, filter: Partial<InquiryFilter>): Counted => ({
  n,
  filter: toQueueLink(filter),
})
