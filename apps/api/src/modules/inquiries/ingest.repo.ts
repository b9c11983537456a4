/**
 * The statements of the ingest path, prepared once per batch and run for every item: building
 * and compiling the SQL per row cost more than the inserts themselves (profile of a 100,000-row
 * import). Same tables and columns as the single-row functions of inquiries.repo.ts.
 */
import { and, eq, sql, type Placeholder } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { returnedRow } from '../../db/rows.ts'
import { phoneHmac } from '../../db/phone-key.ts'
import { writeSearchIndex } from '../../db/search-index.ts'
import { tables } from '../../db/engine.ts'
import type { InquiryInsert } from './inquiries.repo.ts'

type EventRow = {
  inquiryId: number
  actorId: number | null
  type: string
  data: string
  createdAt: number
}
type ReplyRow = {
  inquiryId: number
  body: string
  authorId: number | null
  origin: 'desk' | 'source'
  createdAt: number
}

function placeholders<K extends string>(keys: readonly K[]): Record<K, Placeholder> {
  const out = {} as Record<K, Placeholder>
  for (const k of keys) out[k] = sql.placeholder(k)
  return out
}

const EVENT_KEYS = ['inquiryId', 'actorId', 'type', 'data', 'createdAt'] as const
const REPLY_KEYS = ['inquiryId', 'body', 'authorId', 'origin', 'createdAt'] as const

/** Prepared writers bound to `db` (a database or a transaction); valid while it is. */
export function prepareIngestWriter(db: Db) {
  const { inquiries, inquiryEvents, replies } = tables(db)
  const findId = db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(
      and(
        eq(inquiries.channelCode, sql.placeholder('channelCode')),
        eq(inquiries.externalId, sql.placeholder('externalId')),
      ),
    )
    .prepare()
  const insertEvent = db.insert(inquiryEvents).values(placeholders(EVENT_KEYS)).prepare()
  const insertReply = db
    .insert(replies)
    .values(placeholders(REPLY_KEYS))
    .returning({ id: replies.id })
    .prepare()
  // the inquiry insert is prepared for the column set of the first row (callers always give the same set)
  let insertInquiry: { keys: string; run: (row: InquiryInsert) => Promise<number> } | undefined

  return {
    findInquiryId: async (channelCode: string, externalId: string): Promise<number | undefined> =>
      (await findId.execute({ channelCode, externalId }))[0]?.id,
    /** Inserts the inquiry with its phone's HMAC, and indexes its text for search. */
    async insertInquiry(message: InquiryInsert): Promise<number> {
      const row = { citizenPhoneHmac: phoneHmac(db, message.citizenPhone), ...message }
      const keys = Object.keys(row).sort().join(',')
      if (insertInquiry?.keys !== keys) {
        const stmt = db
          .insert(inquiries)
          .values(placeholders(Object.keys(row)) as unknown as InquiryInsert)
          .returning({ id: inquiries.id })
          .prepare()
        insertInquiry = { keys, run: async (r) => returnedRow(await stmt.execute(r)).id }
      }
      const id = await insertInquiry.run(row)
      await writeSearchIndex(db, id, row.subject, row.body)
      return id
    },
    insertEvent: async (e: EventRow): Promise<void> => {
      await insertEvent.execute(e)
    },
    insertReply: async (r: ReplyRow): Promise<number> =>
      returnedRow(await insertReply.execute(r)).id,
  }
}
export type IngestWriter = ReturnType<typeof prepareIngestWriter>
