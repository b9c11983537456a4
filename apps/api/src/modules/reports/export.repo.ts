/**
 * Reads and writes of the inquiry export: keyset pages of the queue's filter ordered by
 * (received_at, id) (served by inquiries_received_idx; id breaks ties), and the audit events of
 * an export that reveals personal data.
 */
import type { InquiryFilter, InquiryStatus, Satisfaction } from '@desk/domain'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { aliasTable, tables, type Tables } from '../../db/engine.ts'
import { filterPredicate } from '../../db/inquiry-filter.ts'
import type { Viewer } from './report-counts.repo.ts'

export type ExportKey = { receivedAt: number; id: number }

/** The export's columns, in the order of its raw rows; `assignee` is the joined users alias. */
function exportColumns(db: Db, assignee: AnyAlias) {
  const { channels, departments, inquiries } = tables(db)
  return {
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
    firstDueAt: inquiries.firstDueAt,
  }
}
type AnyAlias = ReturnType<typeof aliasTable<Tables['users'], 'assignee'>>

/** One exported inquiry (times UTC ms; department and assignee null when none). */
export type ExportRow = {
  id: number
  channelName: string
  externalId: string
  receivedAt: number
  dueAt: number
  status: InquiryStatus
  departmentName: string | null
  assigneeName: string | null
  repliedAt: number | null
  satisfaction: Satisfaction | null
  category: string | null
  subject: string
  body: string
  citizenName: string | null
  citizenPhone: string | null
  citizenEmail: string | null
  /** the first round's due instant once a later round began */
  firstDueAt: number | null
}

/** How many rows the export of `filter` (as `viewer` sees it) holds now. */
export async function countExportRows(
  db: Db,
  viewer: Viewer,
  filter: InquiryFilter,
): Promise<number> {
  const { inquiries } = tables(db)
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inquiries)
    .where(filterPredicate(db, filter, viewer))
  return row?.n ?? 0
}

/**
 * A reader of the pages of `filter` (as `viewer` sees it), oldest receipt first: one statement
 * with placeholders, run once per page (dialect `preparedRows`: on SQLite prepared once, its raw
 * rows keyed here, since drizzle's per-row mapping costs more than the read at 10^6 rows). The
 * reader answers up to `limit` rows after `after` (from the first row without it).
 */
export function exportPageReader(db: Db, viewer: Viewer, filter: InquiryFilter) {
  const { channels, departments, inquiries, users } = tables(db)
  const assignee = aliasTable(users, 'assignee')
  const columns = exportColumns(db, assignee)
  const keyset = sql`(${inquiries.receivedAt}, ${inquiries.id}) > (${sql.placeholder('afterAt')}, ${sql.placeholder('afterId')})`
  const query = db
    .select(columns)
    .from(inquiries)
    .innerJoin(channels, eq(channels.code, inquiries.channelCode))
    .leftJoin(departments, eq(departments.id, inquiries.departmentId))
    .leftJoin(assignee, eq(assignee.id, inquiries.assigneeId))
    .where(and(filterPredicate(db, filter, viewer), keyset))
    .orderBy(asc(inquiries.receivedAt), asc(inquiries.id))
    .limit(sql.placeholder('limit'))
  const read = dialectOf(db).preparedRows<ExportRow>(
    query,
    Object.keys(columns) as (keyof ExportRow)[],
  )
  return async (after: ExportKey | undefined, limit: number): Promise<ExportRow[]> =>
    await read({
      afterAt: after?.receivedAt ?? Number.MIN_SAFE_INTEGER,
      afterId: after?.id ?? 0,
      limit,
    })
}

/**
 * The display names of the files of each inquiry in `inquiryIds` (one page of the export), in the
 * order they were added: one read per page, not one per row.
 */
export async function attachmentNamesOf(
  db: Db,
  inquiryIds: readonly number[],
): Promise<Map<number, string[]>> {
  const { attachments } = tables(db)
  const names = new Map<number, string[]>()
  if (inquiryIds.length === 0) return names
  const rows = await db
    .select({ inquiryId: attachments.inquiryId, name: attachments.name })
    .from(attachments)
    .where(inArray(attachments.inquiryId, [...inquiryIds]))
    .orderBy(asc(attachments.id))
  for (const r of rows) {
    if (r.inquiryId === null) continue
    const list = names.get(r.inquiryId)
    if (list) list.push(r.name)
    else names.set(r.inquiryId, [r.name])
  }
  return names
}
