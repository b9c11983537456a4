/**
 * Reads and writes of the inquiry export: keyset pages of the queue's filter ordered by
 * (received_at, id) (served by inquiries_received_idx; id breaks ties), and the audit events of
 * an export that reveals personal data.
 */
import type { InquiryFilter } from '@desk/domain'
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client.ts'
import { channels, departments, inquiries, inquiryEvents, users } from '../../db/schema.ts'
import { filterPredicate } from '../inquiries/inquiry-filter.repo.ts'
import type { Viewer } from './report-counts.repo.ts'

export type ExportKey = { receivedAt: number; id: number }

const assignee = alias(users, 'assignee')

/** Up to `limit` rows of `filter` (as `viewer` sees it) after `after`, oldest receipt first. */
export function listExportPage(db: Db, viewer: Viewer, filter: InquiryFilter, after: ExportKey | undefined, limit: number) {
  const keyset: SQL | undefined = after
    ? sql`(${inquiries.receivedAt}, ${inquiries.id}) > (${after.receivedAt}, ${after.id})`
    : undefined
  return db
    .select({
      id: inquiries.id,
      channelName: channels.nameZh,
      externalId: inquiries.externalId,
      receivedAt: inquiries.receivedAt,
      dueAt: inquiries.dueAt,
      status: inquiries.status,
      departmentName: departments.name,
      assigneeName: assignee.displayName,
      repliedAt: inquiries.repliedAt,
      satisfaction: inquiries.satisfaction,
      category: inquiries.category,
      subject: inquiries.subject,
      body: inquiries.body,
      citizenName: inquiries.citizenName,
      citizenPhone: inquiries.citizenPhone,
      citizenEmail: inquiries.citizenEmail,
    })
    .from(inquiries)
    .innerJoin(channels, eq(channels.code, inquiries.channelCode))
    .leftJoin(departments, eq(departments.id, inquiries.departmentId))
    .leftJoin(assignee, eq(assignee.id, inquiries.assigneeId))
    .where(and(filterPredicate(filter, viewer), keyset))
    .orderBy(asc(inquiries.receivedAt), asc(inquiries.id))
    .limit(limit)
    .all()
}

export type ExportRow = ReturnType<typeof listExportPage>[number]

/** One `contact_revealed` event per exported inquiry, in one transaction. */
export function insertRevealEvents(db: Db, inquiryIds: readonly number[], actorId: number, now: number, format: string) {
  if (inquiryIds.length === 0) return
  const data = JSON.stringify({ via: 'export', format })
  db.transaction((tx) => {
    tx.insert(inquiryEvents)
      .values(inquiryIds.map((inquiryId) => ({ inquiryId, actorId, type: 'contact_revealed', data, createdAt: now })))
      .run()
  })
}
