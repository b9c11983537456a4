/**
 * The columns of an inquiry's message fields (domain MESSAGE_FIELDS; receivedAt in UTC ms), for a
 * select that compares a resent or imported message with the stored one (the channel API's
 * resend check, the import's differs-from-desk check), so both read the same fields.
 */
import type { Db } from './client.ts'
import { tables } from './engine.ts'

export function messageFieldColumns(db: Db) {
  const { inquiries } = tables(db)
  return {
    subject: inquiries.subject,
    body: inquiries.body,
    receivedAt: inquiries.receivedAt,
    citizenName: inquiries.citizenName,
    citizenPhone: inquiries.citizenPhone,
    citizenEmail: inquiries.citizenEmail,
    category: inquiries.category,
  }
}
