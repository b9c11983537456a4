/**
 * What a staff member's notification list holds (the bell in the header). Nothing is sent or
 * scheduled: the list is computed from the audit trail, drafts, extension requests and due dates
 * each time it is read, so a closed network needs no mail server and no job runner.
 *
 * Kinds: an inquiry assigned to the user, or transferred to the user's department; a draft of
 * theirs approved or sent back (审核); a disclosure answer document of theirs signed off (签发) or
 * sent back, with the manager's reason; an extension they asked for decided; a message from the
 * citizen (补充/追问) or the platform (催办) on an inquiry they hold; and their open inquiries
 * overdue, due today or due tomorrow (Asia/Shanghai calendar days).
 */
import { z } from 'zod'
import { addCalendarDays, toZonedDate } from './time.ts'

export const NOTIFICATION_KINDS = [
  'assigned',
  'transferred',
  'draft_approved',
  'draft_sent_back',
  'answer_signed',
  'answer_sent_back',
  'extension_approved',
  'extension_rejected',
  'citizen_message',
  'platform_urge',
  'overdue',
  'due_today',
  'due_tomorrow',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** How far back the list looks for events (ms): two weeks. */
export const NOTIFICATION_WINDOW_MS = 14 * 24 * 3_600_000

/**
 * The due notice of an open inquiry held by the user, by the Asia/Shanghai calendar day of its
 * due instant against `now` (both UTC ms): `overdue` once the instant has passed, `due_today` /
 * `due_tomorrow` by day, otherwise null.
 */
export function dueNotice(
  dueAt: number,
  now: number,
): 'overdue' | 'due_today' | 'due_tomorrow' | null {
  if (dueAt < now) return 'overdue'
  const today = toZonedDate(now)
  const day = toZonedDate(dueAt)
  if (day === today) return 'due_today'
  if (day === addCalendarDays(today, 1)) return 'due_tomorrow'
  return null
}

/**
 * The key a notification is marked read under. An event-based one is read once for good; a due
 * notice is keyed by its kind and the day, so an overdue inquiry comes back the next morning.
 */
export const notificationKey = {
  event: (eventId: number) => `event:${eventId}`,
  draft: (draftId: number, kind: 'draft_approved' | 'draft_sent_back') => `${kind}:${draftId}`,
  answer: (answerId: number, kind: 'answer_signed' | 'answer_sent_back') => `${kind}:${answerId}`,
  extension: (requestId: number) => `extension:${requestId}`,
  due: (inquiryId: number, kind: string, today: string) => `${kind}:${inquiryId}:${today}`,
}

/** `POST /api/notifications/read`: the keys the user has seen, or every notification listed now. */
export const markNotificationsReadSchema = z.union([
  z.object({ keys: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
])
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>
