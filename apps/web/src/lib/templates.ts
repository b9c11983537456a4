/**
 * Reply templates (答复模板, `GET /api/templates`), keyed by the request's query: `{}` lists every
 * template (active or not, the managers' screen); `{ category }` or `{ uncategorized: '1' }` the
 * active ones an inquiry of that category may use (the reply composer). A manager's edit
 * invalidates `all()`, so the composer's list follows without a reload.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from './api-client.ts'

export type ReplyTemplate = InferResponseType<typeof api.templates.$get, 200>['templates'][number]
type TemplateQuery = { category?: string; uncategorized?: '1' }

export const templateQueries = {
  all: () => ['templates'] as const,
  list: (query: TemplateQuery) =>
    queryOptions({
      queryKey: [...templateQueries.all(), 'list', query] as const,
      queryFn: ({ signal }) =>
        unwrap(api.templates.$get({ query }, { init: { signal } })).then((r) => r.templates),
      staleTime: 60_000,
    }),
  /** The active templates for an inquiry's category (null: uncategorized), general ones included. */
  forCategory: (category: string | null) =>
    templateQueries.list(category === null ? { uncategorized: '1' } : { category }),
}
