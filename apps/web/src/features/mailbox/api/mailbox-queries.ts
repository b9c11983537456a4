/**
 * The public mailbox's calls, as mutations (POSTs with personal data, never cached): submit
 * (`POST /api/public/mailbox`: 201 new, 200 for a key already seen), track
 * (`POST /api/public/mailbox/track`) and a later message from the tracking page
 * (`POST /api/public/mailbox/messages`, 201 new, 200 for a key already seen). The pages show their own errors (`meta.silent`), so no toast.
 */
import type { MailboxMessageInput, MailboxSubmission, MailboxTrackInput } from '@desk/domain'
import { useMutation } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

export type MailboxReceipt = InferResponseType<typeof api.public.mailbox.$post, 201>
export type TrackedMessage = InferResponseType<typeof api.public.mailbox.track.$post, 200>

export function useSubmitMailbox() {
  return useMutation({
    mutationFn: (body: MailboxSubmission) => unwrap(api.public.mailbox.$post({ json: body })),
    meta: { silent: true },
  })
}

export function useTrackMailbox() {
  return useMutation({
    mutationFn: (input: MailboxTrackInput) =>
      unwrap(api.public.mailbox.track.$post({ json: input })),
    meta: { silent: true },
  })
}

export function useAddMailboxMessage() {
  return useMutation({
    mutationFn: (body: MailboxMessageInput) =>
      unwrap(api.public.mailbox.messages.$post({ json: body })),
    meta: { silent: true },
  })
}
