/** One inquiry with its timeline: `GET /api/inquiries/:id` → `{ inquiry, contact }` (contact masked). */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

export const inquiryQueries = {
  all: () => ['inquiry'] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: [...inquiryQueries.all(), id] as const,
      queryFn: ({ signal }) => unwrap(api.inquiries[':id'].$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
    }),
}

/** `{ inquiry, contact }` as the API returns it. */
export type InquiryView = InferResponseType<(typeof api.inquiries)[':id']['$get'], 200>
export type Inquiry = InquiryView['inquiry']
