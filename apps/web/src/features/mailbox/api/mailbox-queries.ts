/**
 * The public mailbox's two calls, as mutations (both are POSTs with personal data, never cached):
 * submit (`POST /api/public/mailbox`: 201 new, 200 for a key already seen) and track
 * (`POST /api/public/mailbox/track`). The pages show their own errors (`meta.silent`), so no toast.
 */
import type { MailboxSubmission, MailboxTrackInput } from '@desk/domain'
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
