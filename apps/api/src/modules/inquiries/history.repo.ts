/**
 * Bulk writes of generated inquiries and their histories (demo data, benchmark fill), with statements
 * prepared once and reused for every row instead of being built by drizzle per call, and a whole
 * batch in one transaction. The rows come from history-rows.ts: the same columns the services
 * write (history-rows.test.ts compares them), search tokens and phone HMAC included.
 */
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import { phoneHmac } from '../../db/phone-key.ts'
import { indexFts } from '../../db/search-fts.ts'
import type { HistoryRows } from './history-rows.ts'

/** The deadline columns of a new inquiry, as the deadline resolver gives them. */
export type DeadlineColumns = {
  dueAt: number
  kind: string
  deadlinePolicyId: number | null
  deadlineRule: string | null
}

/** The statements, on better-sqlite3's own API (SQLite only: the bulk path has one form per engine). */
function statements(db: Db) {
  const sqlite = db.$client
  return {
    insertInquiry: sqlite.prepare(`insert into inquiries (channel_code, external_id, subject, body,
        citizen_name, citizen_phone, citizen_phone_hmac, citizen_email, category, assignee_id, department_id, status, received_at, due_at,
        replied_at, closed_at, version, created_at, updated_at, kind, deadline_policy_id, deadline_rule)
      values (@channelCode, @externalId, @subject, @body, @citizenName, @citizenPhone, @citizenPhoneHmac, @citizenEmail,
        @category, @assigneeId, @departmentId, @status, @receivedAt, @dueAt, @repliedAt, @closedAt, @version, @createdAt,
        @updatedAt, @kind, @deadlinePolicyId, @deadlineRule)
      on conflict (channel_code, external_id) do nothing`),
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
