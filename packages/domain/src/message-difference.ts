/**
 * When two sends of a message under one external id are the same message: a source platform
 * resends (a timeout, a retry, a re-import of last month's file) and the desk, which keeps the
 * first, must tell a repeat from a changed message, whose change would otherwise be dropped
 * unseen. Compared as stored: texts trimmed, absent optional texts (null or undefined) alike,
 * the receipt as a UTC instant (ms), so `+08:00` and `Z` spellings of one instant agree.
 */

/** What the citizen wrote and when: a resend must repeat these. */
export const MESSAGE_OWN_FIELDS = [
  'subject',
  'body',
  'receivedAt',
  'citizenName',
  'citizenPhone',
  'citizenEmail',
] as const

/**
 * Every field a source states about the message: its own and the category. The category is
 * compared where a difference is only reported (the import's list); a live channel's resend is
 * compared on MESSAGE_OWN_FIELDS alone, since staff may have re-categorised the item (改分类)
 * since it arrived, and a repeat of the platform's first category must not read as a change.
 */
export const MESSAGE_FIELDS = [...MESSAGE_OWN_FIELDS, 'category'] as const
export type MessageField = (typeof MESSAGE_FIELDS)[number]

/** A message's fields as stored or as sent (absent optional texts as null or undefined). */
export type MessageFields = { [F in MessageField]?: string | number | null | undefined }

/** The fields among `fields` (in that order) in which `a` and `b` differ; [] for the same message. */
export function messageDifferences(
  a: MessageFields,
  b: MessageFields,
  fields: readonly MessageField[] = MESSAGE_FIELDS,
): MessageField[] {
  return fields.filter((f) => (a[f] ?? null) !== (b[f] ?? null))
}

/** The first field of MESSAGE_FIELDS in which `a` and `b` differ, if any. */
export function firstMessageDifference(
  a: MessageFields,
  b: MessageFields,
): MessageField | undefined {
  return messageDifferences(a, b)[0]
}
