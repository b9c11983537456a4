/**
 * The actions on one inquiry (claim, reply, close, reopen), each sending the `version` the page
 * loaded. On success the page shows the answer at once and every queue list and count is
 * invalidated, so the badges move. On a 409 the inquiry is reloaded (the page names who changed
 * it, see conflict-text.ts). Errors are shown by the page, not toasted.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, isApiError, unwrap } from '../../../lib/api-client.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'
import { inquiryQueries } from './inquiry-queries.ts'

export type InquiryAction =
  | { kind: 'claim' | 'close' | 'reopen'; version: number }
  | { kind: 'reply'; version: number; body: string }

function send(id: number, action: InquiryAction) {
  const inquiry = api.inquiries[':id']
  const param = { id: String(id) }
  const { version } = action
  switch (action.kind) {
    case 'claim':
      return unwrap(inquiry.claim.$post({ param, json: { version } }))
    case 'reply':
      return unwrap(inquiry.replies.$post({ param, json: { version, body: action.body } }))
    case 'close':
      return unwrap(inquiry.close.$post({ param, json: { version } }))
    case 'reopen':
      return unwrap(inquiry.reopen.$post({ param, json: { version } }))
  }
}

export function useInquiryAction(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: InquiryAction) => send(id, action),
    onSuccess: (view) => {
      queryClient.setQueryData(inquiryQueries.detail(id).queryKey, view)
      return queryClient.invalidateQueries({ queryKey: queueRootKeys.all() })
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        void queryClient.invalidateQueries({ queryKey: inquiryQueries.detail(id).queryKey })
        void queryClient.invalidateQueries({ queryKey: queueRootKeys.all() })
      }
    },
    meta: { silent: true },
  })
}

/** Shows the citizen's contact in clear (`POST /api/inquiries/:id/contact`); the API records the look. */
export function useRevealContact(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.inquiries[':id'].contact.$post({ param: { id: String(id) } })).then((r) => r.contact),
    // the timeline gains a contact_revealed event
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryQueries.detail(id).queryKey }),
  })
}
