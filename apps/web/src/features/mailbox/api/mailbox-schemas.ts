/**
 * The lazy chunk behind load-schemas.ts: the mailbox schemas only (with libphonenumber),
 * named one by one so the bundler leaves the rest of the domain out of this chunk.
 */
export { mailboxMessageSchema, mailboxSubmissionSchema, mailboxTrackSchema } from '@desk/domain'
