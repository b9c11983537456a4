/**
 * Appending to an inquiry's audit trail from other modules (outbox, follow-ups): always inside the
 * caller's transaction, next to the change the event records.
 */
import * as repo from './inquiries.repo.ts'

/** `{ inquiryId, actorId (null: the system), type, data?, createdAt (UTC ms) }` */
export const recordEvent = repo.insertEvent
