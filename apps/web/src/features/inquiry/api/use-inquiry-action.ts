/**
 * The one way the inquiry page changes an inquiry: every action (claim, close, reopen, reply,
 * transfer, return, recategorise, note, merge, draft, sign-off, follow-up, posted, delivery retry, clock pause
 * and resume, extension request and decision), each sending the `version` the page loaded where
 * the API asks for one. When it settles (success or a 409 such as stale_version or claimed) the
 * inquiry, its workflow view, every queue list and count and the deadline lists are reloaded, so
 * the page and the badges show the inquiry as it is now. Errors are shown by the caller beside the
 * control that failed (`actionErrorText`), not toasted.
 * Actions that take the inquiry out of the user's sight (transfer, return, merge) only mark its page
 * stale instead of reloading it (a reload would fetch a 404); the caller leaves for the queue.
 * Each component using the hook is one form: its sends carry an `Idempotency-Key` that a double
 * click or a retry reuses (lib/idempotency-key.ts), so the API writes the action once.
 */
import type { FollowUpOutcome } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { idempotencyHeader, useSubmissionKeys } from '../../../lib/idempotency-key.ts'
import {
  attachmentRootKeys,
  deadlineRootKeys,
  inquiryRootKeys,
  queueRootKeys,
} from '../../../lib/query-keys.ts'

export type InquiryAction =
  | { kind: 'claim' | 'close' | 'reopen'; version: number }
  | { kind: 'reply'; version: number; body: string }
  | { kind: 'replyWithFiles'; version: number; body: string; attachments: { token: string }[] }
  | { kind: 'transfer'; version: number; departmentId: number; note: string }
  | { kind: 'return'; version: number; reasonId: number; note: string }
  | { kind: 'note'; version: number; text: string }
  | { kind: 'merge'; version: number; mainId: number }
  | { kind: 'recategorise'; version: number; category: string | null }
  | { kind: 'draft'; version: number; body: string; attachments?: { token: string }[] }
  | { kind: 'approve'; version: number; draftId: number }
  | { kind: 'sendBack'; version: number; draftId: number; comment: string }
  | { kind: 'followUp'; version: number; outcome: FollowUpOutcome; note: string; reopen: boolean }
  | { kind: 'posted'; replyId: number; postedOn: string }
  | { kind: 'retry'; deliveryId: number }
  | { kind: 'pause'; version: number; reason: string }
  | { kind: 'resume'; version: number }
  | { kind: 'extend'; reason: string }
  | { kind: 'decideExtension'; requestId: number; approve: boolean; note: string }

/** The actions after which the inquiry may no longer be visible to the user. */
export const LEAVING_ACTIONS = new Set<InquiryAction['kind']>(['transfer', 'return', 'merge'])

/** Sends one action under idempotency `key`; the answer is not used (the page reloads the inquiry). */
function send(id: number, a: InquiryAction, key: string): Promise<unknown> {
  const inquiry = api.inquiries[':id']
  const param = { id: String(id) }
  const o = idempotencyHeader(key)
  switch (a.kind) {
    case 'claim':
    case 'close':
    case 'reopen':
      return unwrap(inquiry[a.kind].$post({ param, json: { version: a.version } }, o))
    case 'reply':
      return unwrap(inquiry.replies.$post({ param, json: { version: a.version, body: a.body } }, o))
    case 'replyWithFiles':
      return unwrap(
        inquiry['reply-with-files'].$post(
          { param, json: { version: a.version, body: a.body, attachments: a.attachments } },
          o,
        ),
      )
    case 'transfer':
      return unwrap(
        inquiry.transfer.$post(
          {
            param,
            json: { version: a.version, departmentId: a.departmentId, note: a.note },
          },
          o,
        ),
      )
    case 'return':
      return unwrap(
        inquiry.return.$post(
          {
            param,
            json: { version: a.version, reasonId: a.reasonId, note: a.note },
          },
          o,
        ),
      )
    case 'note':
      return unwrap(inquiry.notes.$post({ param, json: { version: a.version, text: a.text } }, o))
    case 'merge':
      return unwrap(
        inquiry.merge.$post({ param, json: { version: a.version, mainId: a.mainId } }, o),
      )
    case 'recategorise':
      return unwrap(
        inquiry.recategorise.$post(
          { param, json: { version: a.version, category: a.category } },
          o,
        ),
      )
    case 'draft':
      return unwrap(
        inquiry.drafts.$post(
          {
            param,
            json: {
              version: a.version,
              body: a.body,
              ...(a.attachments?.length ? { attachments: a.attachments } : {}),
            },
          },
          o,
        ),
      )
    case 'approve':
      return unwrap(
        inquiry.drafts[':draftId'].approve.$post(
          {
            param: { ...param, draftId: String(a.draftId) },
            json: { version: a.version },
          },
          o,
        ),
      )
    case 'sendBack':
      return unwrap(
        inquiry.drafts[':draftId']['send-back'].$post(
          {
            param: { ...param, draftId: String(a.draftId) },
            json: { version: a.version, comment: a.comment },
          },
          o,
        ),
      )
    case 'followUp':
      return unwrap(
        inquiry['follow-ups'].$post(
          {
            param,
            json: { version: a.version, outcome: a.outcome, note: a.note, reopen: a.reopen },
          },
          o,
        ),
      )
    case 'posted':
      return unwrap(
        inquiry.replies[':replyId'].posted.$post(
          {
            param: { ...param, replyId: String(a.replyId) },
            json: { postedOn: a.postedOn },
          },
          o,
        ),
      )
    case 'retry':
      return unwrap(
        inquiry.deliveries[':deliveryId'].retry.$post(
          {
            param: { ...param, deliveryId: String(a.deliveryId) },
          },
          o,
        ),
      )
    case 'pause':
      return unwrap(
        inquiry.pause.$post({ param, json: { version: a.version, reason: a.reason } }, o),
      )
    case 'resume':
      return unwrap(inquiry.resume.$post({ param, json: { version: a.version } }, o))
    case 'extend':
      return unwrap(inquiry.extensions.$post({ param, json: { reason: a.reason } }, o))
    case 'decideExtension':
      return unwrap(
        api.deadlines.extensions[':id'].decision.$post(
          {
            param: { id: String(a.requestId) },
            json: { approve: a.approve, ...(a.note ? { note: a.note } : {}) },
          },
          o,
        ),
      )
  }
}

/** Actions on inquiry `id` (the extension list passes each row's inquiry). */
export function useInquiryAction(id: number) {
  const queryClient = useQueryClient()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: (action: InquiryAction) => submissions.send(action, (key) => send(id, action, key)),
    onSettled: (_data, error, action) => {
      const leaves = !error && LEAVING_ACTIONS.has(action.kind)
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: inquiryRootKeys.detail(id),
          refetchType: leaves ? 'none' : 'active',
        }),
        queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
        queryClient.invalidateQueries({ queryKey: deadlineRootKeys.all() }),
        ...(action.kind === 'replyWithFiles'
          ? [queryClient.invalidateQueries({ queryKey: attachmentRootKeys.all() })]
          : []),
      ])
    },
    meta: { silent: true },
  })
}

/** Shows the citizen's contact in clear (`POST /api/inquiries/:id/contact`); the API records the look. */
export function useRevealContact(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      unwrap(api.inquiries[':id'].contact.$post({ param: { id: String(id) } })).then(
        (r) => r.contact,
      ),
    // the timeline gains a contact_revealed event
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiryRootKeys.detail(id) }),
  })
}
