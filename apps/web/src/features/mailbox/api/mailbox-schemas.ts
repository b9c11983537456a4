/**
 * The lazy chunk behind load-schemas.ts: the two mailbox schemas only (with libphonenumber),
 * named one by one so the bundler leaves the rest of the domain out of this chunk.
 */
export { mailboxSubmissionSchema, mailboxTrackSchema } from '@desk/domain'
