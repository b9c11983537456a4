/** Reply templates (答复模板): every template (active or not) for the managers' screen; create, edit. */
import type { ReplyTemplateInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type ReplyTemplate = InferResponseType<typeof api.templates.$get, 200>['templates'][number]

export const templateQueries = {
  /** All templates: no `category` query, so inactive ones are listed too. */
  all: () =>
    queryOptions({
      queryKey: [...configKeys.area('templates'), 'all'] as const,
      queryFn: ({ signal }) => unwrap(api.templates.$get({ query: {} }, { init: { signal } })).then((r) => r.templates),
      staleTime: 60_000,
    }),
}

export function useSaveTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ReplyTemplateInput }) =>
      id === null
        ? unwrap(api.templates.$post({ json: input }))
        : unwrap(api.templates[':id'].$patch({ param: { id: String(id) }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('templates') }),
  })
}
