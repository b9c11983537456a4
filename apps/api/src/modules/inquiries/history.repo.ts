/**
 * Bulk writes of generated inquiries and their histories (demo data, benchmark fill), with statements
 * prepared once and reused for every row instead of being built by drizzle per call, and a whole
 * batch in one transaction. The rows come from history-rows.ts: the same columns the services
 * write (history-rows.test.ts compares them), search tokens and phone HMAC included.
 */
import type { InquiryKind } from '@desk/domain'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { engineOf, tables } from '../../db/engine.ts'
import { withTransaction } from '../../db/transaction.ts'
import { phoneHmac } from '../../db/phone-key.ts'
import { clientOf } from '../../db/connection.ts'
import { columnsOf, statementChunks } from '../../db/rows.ts'
import { indexFts } from '../../db/search-fts.ts'
import { insertSearchRows, type Queryable } from '../../db/search-pg.ts'
import type { HistoryRows } from './history-rows.ts'

/** The deadline columns of a new inquiry, as the deadline resolver gives them. */
export type DeadlineColumns = {
  dueAt: number
  kind: InquiryKind
  deadlinePolicyId: number | null
  deadlineRule: string | null
}

/** The statements, on better-sqlite3's own API (SQLite's form of the bulk path; see insertBatchPostgres). */
function statements(db: Db) {
  const sqlite = db.$client
  return {
    insertInquiry: sqlite.prepare(`insert into inquiries (channel_code, external_id, subject, body,
        citizen_name, citizen_phone, citizen_phone_hmac, citizen_email, category, assignee_id, department_id, status, received_at, due_at,
        replied_at, closed_at, version, created_at, updated_at, kind, deadline_policy_id, deadline_rule)
      values (@channelCode, @externalId, @subject, @body, @citizenName, @citizenPhone, @citizenPhoneHmac, @citizenEmail,
        @category, @assigneeId, @departmentId, @status, @receivedAt, @dueAt, @repliedAt, @closedAt, @version, @createdAt,
        @updatedAt, @kind, @deadlinePolicyId, @deadlineRule)
      on conflict (channel_code, lower(external_id)) do nothing`),
    insertEvent:
      sqlite.prepare(`insert into inquiry_events (inquiry_id, actor_id, type, data, created_at)
      values (?, ?, ?, ?, ?)`),
    insertReply:
      sqlite.prepare(`insert into replies (inquiry_id, body, author_id, origin, created_at, posted_at, posted_by)
      values (?, ?, ?, ?, ?, ?, ?)`),
  }
}

/**
 * Inserts new inquiries with their whole history, in one transaction. How this differs from
 * `ingestInquiries`: no per-item dedupe query (an inquiry whose (channel, external id) exists is
 * skipped by `on conflict do nothing`, with its history), no per-call statement building, and the
 * deadline columns are the caller's (from `deadlineResolver`, as ingest gets them).
 * @returns how many inquiries were created and how many were skipped as duplicates
 * @throws the driver's error (and writes nothing of the batch) on a constraint violation, e.g. an unknown channel
 */
export async function insertHistoryBatch(
  db: Db,
  batch: Iterable<{ rows: HistoryRows; deadline: DeadlineColumns }>,
): Promise<{ created: number; duplicates: number }> {
  return engineOf(db) === 'postgres'
    ? await insertBatchPostgres(db, [...batch])
    : await insertBatchSqlite(db, batch)
}

type BatchItem = { rows: HistoryRows; deadline: DeadlineColumns }

async function insertBatchSqlite(db: Db, batch: Iterable<BatchItem>) {
  const s = statements(db)
  return await withTransaction(db, () => {
    let created = 0
    let duplicates = 0
    for (const { rows, deadline } of batch) {
      const citizenPhoneHmac = phoneHmac(db, rows.inquiry.citizenPhone)
      const res = s.insertInquiry.run({ citizenPhoneHmac, ...rows.inquiry, ...deadline })
      if (res.changes === 0) {
        duplicates += 1
        continue
      }
      created += 1
      const id = res.lastInsertRowid
      indexFts(db, id, rows.inquiry.subject, rows.inquiry.body)
      const replyIds = rows.replies.map(
        (r) =>
          s.insertReply.run(id, r.body, r.authorId, r.origin, r.createdAt, r.postedAt, r.postedBy)
            .lastInsertRowid,
      )
      let replied = 0
      for (const e of rows.events) {
        // the services' key order: `replied` names the reply last, `posted` first
        const data =
          e.type === 'replied'
            ? { ...e.data, replyId: Number(replyIds[replied++]) }
            : e.type === 'posted'
              ? { replyId: Number(replyIds[replied - 1]), ...e.data }
              : e.data
        s.insertEvent.run(id, e.actorId, e.type, JSON.stringify(data), e.createdAt)
      }
    }
    return { created, duplicates }
  })
}

/**
 * PostgreSQL's form: one multi-row statement per table and chunk instead of a round trip per row
 * (node-postgres waits for each answer). The replies' ids are drawn from their sequence first,
 * so the events can name them without reading the inserted rows back in order.
 */
async function insertBatchPostgres(db: Db, batch: readonly BatchItem[]) {
  return await withTransaction(db, async (tx) => {
    const { inquiries, inquiryEvents, replies } = tables(tx)
    const key = (r: { channelCode: string; externalId: string }) =>
      `${r.channelCode}\u0000${r.externalId}`
    const ids = new Map<string, number>()
    const inquiryRows = batch.map(({ rows, deadline }) => ({
      citizenPhoneHmac: phoneHmac(tx, rows.inquiry.citizenPhone),
      ...rows.inquiry,
      ...deadline,
    }))
    for (const part of statementChunks(inquiryRows, columnsOf(inquiries))) {
      const written = await tx.insert(inquiries).values(part).onConflictDoNothing().returning({
        id: inquiries.id,
        channelCode: inquiries.channelCode,
        externalId: inquiries.externalId,
      })
      for (const r of written) ids.set(key(r), r.id)
    }
    // an item whose key came earlier in the batch was skipped like one already stored
    const created: { id: number; rows: HistoryRows }[] = []
    for (const { rows } of batch) {
      const id = ids.get(key(rows.inquiry))
      if (id === undefined) continue
      ids.delete(key(rows.inquiry))
      created.push({ id, rows })
    }
    await insertSearchRows(
      clientOf(tx) as unknown as Queryable,
      created.map(({ id, rows }) => ({
        id,
        subject: rows.inquiry.subject,
        body: rows.inquiry.body,
      })),
    )
    const replyCount = created.reduce((n, c) => n + c.rows.replies.length, 0)
    const replyIds =
      replyCount === 0
        ? []
        : (
            await dialectOf(tx).rows<{ id: number }>(
              tx,
              sql`select nextval(pg_get_serial_sequence('replies', 'id')) as id from generate_series(1, ${replyCount})`,
            )
          ).map((r) => Number(r.id))
    const replyRows: (typeof replies.$inferInsert)[] = []
    const eventRows: (typeof inquiryEvents.$inferInsert)[] = []
    for (const { id, rows } of created) {
      const mine = rows.replies.map((r) => {
        const replyId = replyIds[replyRows.length] as number
        replyRows.push({ id: replyId, inquiryId: id, ...r })
        return replyId
      })
      let replied = 0
      for (const e of rows.events) {
        // the services' key order: `replied` names the reply last, `posted` first
        const data =
          e.type === 'replied'
            ? { ...e.data, replyId: mine[replied++] }
            : e.type === 'posted'
              ? { replyId: mine[replied - 1], ...e.data }
              : e.data
        eventRows.push({
          inquiryId: id,
          actorId: e.actorId,
          type: e.type,
          data: JSON.stringify(data),
          createdAt: e.createdAt,
        })
      }
    }
    for (const part of statementChunks(replyRows, columnsOf(replies)))
      await tx.insert(replies).values(part)
    for (const part of statementChunks(eventRows, columnsOf(inquiryEvents)))
      await tx.insert(inquiryEvents).values(part)
    return { created: created.length, duplicates: batch.length - created.length }
  })
}
