/**
 * Reply templates (答复模板): create and edit. The list is the shared one (lib/templates.ts); a save
 * invalidates every template list, the reply composer's included.
 */
import type { ReplyTemplateInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { templateQueries } from '../../../lib/templates.ts'

export function useSaveTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ReplyTemplateInput }) =>
      id === null
        ? unwrap(api.templates.$post({ json: input }))
        : unwrap(api.templates[':id'].$patch({ param: { id: String(id) }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateQueries.all() }),
  })
}
