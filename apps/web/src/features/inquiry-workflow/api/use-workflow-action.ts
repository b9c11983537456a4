/**
 * The workflow actions on one inquiry, each sending the `version` the page loaded; the API answers
 * `{ id, version, status }` and the page reloads the inquiry (with its workflow view) and every queue
 * list and count. On a 409 (stale_version, claimed, sign_off_required, duplicate …) the inquiry is
 * reloaded as well; the caller shows the error (meta silent: no global toast).
 */
import type { FollowUpOutcome } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

export type WorkflowAction =
  | { kind: 'reply'; version: number; body: string }
  | { kind: 'transfer'; version: number; departmentId: number; note: string }
  | { kind: 'return'; version: number; reasonId: number; note: string }
  | { kind: 'note'; version: number; text: string }
  | { kind: 'merge'; version: number; mainId: number }
  | { kind: 'draft'; version: number; body: string }
  | { kind: 'approve'; version: number; draftId: number }
  | { kind: 'sendBack'; version: number; draftId: number; comment: string }
  | { kind: 'followUp'; version: number; outcome: FollowUpOutcome; note: string; reopen: boolean }
  | { kind: 'posted'; replyId: number; postedOn: string }
  | { kind: 'retry'; deliveryId: number }

/** Sends one action; the answer is not used (the page reloads the inquiry). */
function send(id: number, a: WorkflowAction): Promise<unknown> {
  const inquiry = api.inquiries[':id']
  const param = { id: String(id) }
  switch (a.kind) {
    case 'reply':
      return unwrap(inquiry.replies.$post({ param, json: { version: a.version, body: a.body } }))
    case 'transfer':
      return unwrap(inquiry.transfer.$post({ param, json: { version: a.version, departmentId: a.departmentId, note: a.note } }))
    case 'return':
      return unwrap(inquiry.return.$post({ param, json: { version: a.version, reasonId: a.reasonId, note: a.note } }))
    case 'note':
      return unwrap(inquiry.notes.$post({ param, json: { version: a.version, text: a.text } }))
    case 'merge':
      return unwrap(inquiry.merge.$post({ param, json: { version: a.version, mainId: a.mainId } }))
    case 'draft':
      return unwrap(inquiry.drafts.$post({ param, json: { version: a.version, body: a.body } }))
    case 'approve':
      return unwrap(
        inquiry.drafts[':draftId'].approve.$post({ param: { ...param, draftId: String(a.draftId) }, json: { version: a.version } }),
      )
    case 'sendBack':
      return unwrap(
        inquiry.drafts[':draftId']['send-back'].$post({
          param: { ...param, draftId: String(a.draftId) },
          json: { version: a.version, comment: a.comment },
        }),
      )
    case 'followUp':
      return unwrap(
        inquiry['follow-ups'].$post({ param, json: { version: a.version, outcome: a.outcome, note: a.note, reopen: a.reopen } }),
      )
    case 'posted':
      return unwrap(
        inquiry.replies[':replyId'].posted.$post({ param: { ...param, replyId: String(a.replyId) }, json: { postedOn: a.postedOn } }),
      )
    case 'retry':
      return unwrap(inquiry.deliveries[':deliveryId'].retry.$post({ param: { ...param, deliveryId: String(a.deliveryId) } }))
  }
}

export function useWorkflowAction(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: WorkflowAction) => send(id, action),
    // success and 409 alike: the page must show the inquiry as it is now
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inquiryRootKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
      ]),
    meta: { silent: true },
  })
}
