/**
 * The statements of the ingest path, set-based: a batch of new inquiries, their replies and their
 * events go in as multi-row INSERT … RETURNING statements per table, prepared once and executed
 * per run of rows (db/bulk-insert.ts), and the duplicates of a batch are found by one select.
 * On PostgreSQL each statement is a round trip, so a row-by-row write of a 20,000-row import made
 * about 100,000 of them; on SQLite the same statements cost about what reused prepared ones did.
 */
import { externalIdKey } from '@desk/domain'
import { and, eq, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { insertRows } from '../../db/bulk-insert.ts'
import { copyRows } from '../../db/copy-rows.ts'
import { externalIdIn } from '../../db/external-key.ts'
import { statementChunks } from '../../db/rows.ts'
import { phoneHmac } from '../../db/phone-key.ts'
import { searchDocumentsOf, writeSearchIndexes } from '../../db/search-index.ts'
import { engineOf, tables } from '../../db/engine.ts'
import type * as schema from '../../db/schema.ts'
import type { InquiryInsert } from './inquiries.repo.ts'

export type EventInsert = typeof schema.inquiryEvents.$inferInsert
export type ReplyInsert = typeof schema.replies.$inferInsert

/** The key a channel knows an inquiry by. */
export type InquiryKey = { channelCode: string; externalId: string }

/**
 * One string per (channel, external id), for maps keyed by inquiry: the id without ASCII case
 * (domain externalIdKey), as the unique index compares it.
 */
export const keyOf = (k: InquiryKey): string =>
  `${k.channelCode}\u0000${externalIdKey(k.externalId)}`

/** The ids of the inquiries among `keys` that the desk holds, by `keyOf`. */
export async function findInquiryIds(
  db: Db,
  keys: readonly InquiryKey[],
): Promise<Map<string, number>> {
  const { inquiries } = tables(db)
  const found = new Map<string, number>()
  // one parameter per external id and one per channel in a run
  for (const part of statementChunks(keys, 2)) {
    const byChannel = new Map<string, string[]>()
    for (const k of part) {
      const ids = byChannel.get(k.channelCode)
      if (ids) ids.push(k.externalId)
      else byChannel.set(k.channelCode, [k.externalId])
    }
    const rows = await db
      .select({
        id: inquiries.id,
        channelCode: inquiries.channelCode,
        externalId: inquiries.externalId,
      })
      .from(inquiries)
      .where(
        or(
          ...Array.from(byChannel, ([channel, ids]) =>
            and(eq(inquiries.channelCode, channel), externalIdIn(db, ids)),
          ),
        ),
      )
    for (const r of rows) found.set(keyOf(r), r.id)
  }
  return found
}

/**
 * Inserts `rows` (distinct keys, none stored before) with their phones' HMACs, and indexes their
 * texts for search. A row whose key another transaction wrote meanwhile (PostgreSQL, where
 * writers run side by side) is left out rather than failing the batch.
 * @returns the new ids by `keyOf`; a key left out is missing
 * @throws the driver's error on any other constraint violation, e.g. an unknown channel
 */
export async function insertInquiries(
  db: Db,
  rows: readonly InquiryInsert[],
): Promise<Map<string, number>> {
  const { inquiries } = tables(db)
  const ids = new Map<string, number>()
  const withHmac = rows.map((r) => ({ citizenPhoneHmac: phoneHmac(db, r.citizenPhone), ...r }))
  // side by side: on PostgreSQL the server inserts while the search documents are made (in one
  // Promise.all, so a failed insert is never a rejection left unhandled meanwhile)
  const [written, documents] = await Promise.all([
    insertRows<{ id: number } & InquiryKey, InquiryInsert>(
      db,
      'ingest.inquiries',
      withHmac,
      (values, tx) =>
        tx
          .insert(inquiries)
          .values(values)
          // no target: the (channel, folded external id) index is the table's one unique key
          // besides the id, and drizzle names a PostgreSQL target by columns, not its expression
          .onConflictDoNothing()
          .returning({
            id: inquiries.id,
            channelCode: inquiries.channelCode,
            externalId: inquiries.externalId,
          }),
    ),
    searchDocumentsOf(db, rows),
  ])
  for (const r of written) ids.set(keyOf(r), r.id)
  await writeSearchIndexes(
    db,
    rows.flatMap((r, i) => {
      const id = ids.get(keyOf(r))
      return id === undefined
        ? []
        : [{ id, subject: r.subject, body: r.body, documents: documents[i] }]
    }),
  )
  return ids
}

/**
 * Inserts `rows`, at most one reply per inquiry.
 * @returns the new ids by inquiry id
 */
export async function insertReplies(
  db: Db,
  rows: readonly ReplyInsert[],
): Promise<Map<number, number>> {
  const { replies } = tables(db)
  const ids = new Map<number, number>()
  const written = await insertRows<{ id: number; inquiryId: number }, ReplyInsert>(
    db,
    'ingest.replies',
    rows,
    (values, tx) =>
      tx.insert(replies).values(values).returning({ id: replies.id, inquiryId: replies.inquiryId }),
  )
  for (const r of written) ids.set(r.inquiryId, r.id)
  return ids
}

/**
 * Inserts `rows`, in their order (their ids drawn in that order). On PostgreSQL by one COPY
 * (db/copy-rows.ts): an event conflicts with nothing and no id is needed back.
 */
export async function insertEvents(db: Db, rows: readonly EventInsert[]): Promise<void> {
  if (rows.length === 0) return
  if (engineOf(db) === 'postgres') {
    await copyRows(
      db,
      'inquiry_events',
      ['inquiry_id', 'actor_id', 'type', 'data', 'created_at'],
      rows.map((r) => [r.inquiryId, r.actorId ?? null, r.type, r.data ?? '{}', r.createdAt]),
    )
    return
  }
  const { inquiryEvents } = tables(db)
  await insertRows(db, 'ingest.events', rows, (values, tx) =>
    tx.insert(inquiryEvents).values(values),
  )
}
