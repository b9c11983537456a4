/** JSON shapes of inquiries as the API returns them: ISO 8601 times with +08:00, masked names. */
import { formatInstant, maskName } from '@desk/domain'
import type { findInquiry, listEvents, listInquiries, listReplies } from './inquiries.repo.ts'

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms))

type ListRow = Awaited<ReturnType<typeof listInquiries>>[number]

export function toListItem(row: ListRow) {
  return {
    id: row.id,
    channel: row.channelCode,
    externalId: row.externalId,
    subject: row.subject,
    citizenName: maskName(row.citizenName) ?? null,
    category: row.category,
    status: row.status,
    /** what its lifecycle is (message, disclosure, proposal): which statuses are pending */
    kind: row.kind,
    assignee:
      row.assigneeId === null ? null : { id: row.assigneeId, displayName: row.assigneeName ?? '' },
    receivedAt: iso(row.receivedAt) as string,
    dueAt: iso(row.dueAt) as string,
    /** set while the deadline clock is paused (补正, third-party opinion): the row is then neither due nor overdue */
    pausedAt: iso(row.pausedAt),
    repliedAt: iso(row.repliedAt),
    version: row.version,
    department:
      row.departmentId === null ? null : { id: row.departmentId, name: row.departmentName ?? '' },
    duplicateOfId: row.duplicateOfId,
    satisfaction: row.satisfaction,
    /** a desk reply still waits to be posted on the channel's platform (the `unposted` filter's rule) */
    hasUnpostedReply: row.hasUnpostedReply,
    /** the handling round: 1, more once a citizen's later message reopened it (重办) */
    round: row.round,
    /** the first round's due instant once a later round began (`dueAt` is the current round's) */
    firstDueAt: iso(row.firstDueAt),
    /** the platform's last 催办 since the last answer (the `urged` filter) */
    urgedAt: iso(row.urgedAt),
    /** files of the inquiry (the queue's paper clip) */
    attachmentCount: row.attachmentCount,
  }
}
export type InquiryListItem = ReturnType<typeof toListItem>

export function toDetail(
  row: NonNullable<Awaited<ReturnType<typeof findInquiry>>>,
  events: Awaited<ReturnType<typeof listEvents>>,
  replies: Awaited<ReturnType<typeof listReplies>>,
) {
  return {
    ...toListItem(row),
    /** the kind of inquiry: a citizen message, a disclosure request, a proposal (the page adds its panel) */
    kind: row.kind,
    body: row.body,
    closedAt: iso(row.closedAt),
    events: [
      // an imported inquiry's trail starts when it was imported, years after its receipt: the
      // timeline starts with the receipt all the same (id 0: not a stored event)
      ...(events[0]?.type === 'received'
        ? []
        : [{ id: 0, type: 'received', actor: null, at: iso(row.receivedAt) as string, data: {} }]),
      ...events.map((e) => ({
        id: e.id,
        type: e.type,
        actor: e.actorName,
        at: iso(e.createdAt) as string,
        data: JSON.parse(e.data) as Record<string, unknown>,
      })),
    ],
    replies: replies.map((r) => ({
      id: r.id,
      body: r.body,
      origin: r.origin,
      author: r.authorName,
      at: iso(r.createdAt) as string,
      approvedBy: r.approvedByName,
      postedAt: iso(r.postedAt),
    })),
  }
}
