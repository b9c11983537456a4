/**
 * A user's notifications (the bell): computed when read from the audit trail, their drafts and
 * disclosure answer documents, their extension requests and their due dates (domain notification.ts says what concerns whom), with
 * the read marks they have stored. No scheduler: due notices appear when the list is read.
 */
import {
  NOTIFICATION_WINDOW_MS,
  addCalendarDays,
  dueNotice,
  formatInstant,
  notificationKey,
  startOfZonedDay,
  toZonedDate,
  type MarkNotificationsReadInput,
  type NotificationKind,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import * as repo from './notifications.repo.ts'

export type Notification = {
  /** the key it is marked read under */
  key: string
  kind: NotificationKind
  inquiryId: number
  subject: string
  /** when it happened; for a due notice, the due instant (ISO 8601, +08:00) */
  at: string
  /** who did it (null: the system or a channel) */
  actor: string | null
  /** the department transferred to, the reviewer's comment, the message's first words … */
  detail: string | null
  isRead: boolean
}

const PREVIEW = 60
const preview = (text: string | null | undefined) =>
  !text ? null : text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text

function parse(data: string): Record<string, unknown> {
  try {
    return JSON.parse(data) as Record<string, unknown>
  } catch {
    return {}
  }
}

type Unread = Omit<Notification, 'isRead'>

async function computeNotifications(db: Db, user: repo.Recipient, now: number): Promise<Unread[]> {
  const since = now - NOTIFICATION_WINDOW_MS
  const today = toZonedDate(now)
  const [events, drafts, answers, extensions, due] = await Promise.all([
    repo.listEventsFor(db, user, since),
    repo.listReviewedDrafts(db, user.id, since),
    repo.listReviewedAnswers(db, user.id, since),
    repo.listDecidedExtensions(db, user.id, since),
    repo.listDueSoon(db, user.id, startOfZonedDay(addCalendarDays(today, 2))),
  ])
  const dueNotices = due.flatMap((r) => {
    const kind = dueNotice(r.dueAt, now)
    return kind
      ? [
          {
            key: notificationKey.due(r.inquiryId, kind, today),
            kind,
            inquiryId: r.inquiryId,
            subject: r.subject,
            at: formatInstant(r.dueAt),
            actor: null,
            detail: null,
          },
        ]
      : []
  })
  const happened = [
    ...events.map((e) => {
      const data = parse(e.data)
      const kind: NotificationKind =
        e.type === 'message_received'
          ? data.kind === 'platform'
            ? 'platform_urge'
            : 'citizen_message'
          : (e.type as 'assigned' | 'transferred')
      const detail =
        e.type === 'transferred'
          ? preview(typeof data.to === 'string' ? data.to : null)
          : e.type === 'message_received'
            ? preview(typeof data.body === 'string' ? data.body : null)
            : null
      return { key: notificationKey.event(e.id), kind, ms: e.at, e, detail }
    }),
    ...drafts.map((d) => {
      const kind = d.status === 'approved' ? 'draft_approved' : 'draft_sent_back'
      return {
        key: notificationKey.draft(d.id, kind),
        kind,
        ms: d.at ?? 0,
        e: d,
        detail: preview(d.comment),
      } as const
    }),
    ...answers.map((a) => {
      const kind = a.status === 'signed' ? 'answer_signed' : 'answer_sent_back'
      return {
        key: notificationKey.answer(a.id, kind),
        kind,
        ms: a.at ?? 0,
        e: a,
        detail: preview(a.comment),
      } as const
    }),
    ...extensions.map(
      (x) =>
        ({
          key: notificationKey.extension(x.id),
          kind: x.status === 'approved' ? 'extension_approved' : 'extension_rejected',
          ms: x.at ?? 0,
          e: x,
          detail: preview(x.note),
        }) as const,
    ),
  ]
    .sort((a, b) => b.ms - a.ms)
    .map(({ key, kind, ms, e, detail }) => ({
      key,
      kind,
      inquiryId: e.inquiryId,
      subject: e.subject,
      at: formatInstant(ms),
      actor: e.actor ?? null,
      detail,
    }))
  // what needs doing first (overdue, today, tomorrow by due date), then what happened, newest first
  return [...dueNotices, ...happened].slice(0, 100)
}

/**
 * `{ items, unread }` for the user at `now` (UTC ms): at most 100 notifications, due notices first.
 */
export async function listNotifications(db: Db, user: repo.Recipient, now: number) {
  const items = await computeNotifications(db, user, now)
  const read = await repo.listReadKeys(
    db,
    user.id,
    items.map((i) => i.key),
  )
  const withRead: Notification[] = items.map((i) => ({ ...i, isRead: read.has(i.key) }))
  return { items: withRead, unread: withRead.filter((i) => !i.isRead).length }
}

/**
 * Marks the given keys read, or (`all`) every notification the list holds now; answers the list
 * as it is afterwards. Keys the list does not hold are stored all the same (harmless: a key names
 * nothing else).
 */
export async function markNotificationsRead(
  db: Db,
  user: repo.Recipient,
  input: MarkNotificationsReadInput,
  now: number,
) {
  const keys =
    'all' in input
      ? (await computeNotifications(db, user, now)).map((i) => i.key)
      : [...new Set(input.keys)]
  await repo.insertReadKeys(db, user.id, keys, now)
  return listNotifications(db, user, now)
}
