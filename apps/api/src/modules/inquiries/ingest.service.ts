/**
 * The one write path for new inquiries, whatever they came by (channel API, file import, public
 * form, manual entry): dedupe on (channel, external id), due date, inquiry + event (+ the source's
 * reply) in one transaction. Callers validate and normalise first.
 */
import { withTransaction } from '../../db/transaction.ts'
import type { NewInquiry } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { deadlineResolver, type NewDeadline } from '../deadlines/deadlines.service.ts'
import { prepareIngestWriter, type IngestWriter } from './ingest.repo.ts'
import * as historyRepo from './history.repo.ts'
import * as repo from './inquiries.repo.ts'

export type IngestResult = { externalId: string; id: number; created: boolean }

export type IngestContext = {
  actorId: number | null
  now: number
  /** 'received' for live channels, 'imported' for files */
  eventType: 'received' | 'imported'
  importBatchId?: number | undefined
}

/**
 * Writes the items that are new, in one transaction, and reports each item's id.
 * An item whose (channel, external id) exists already, in the database or earlier in `items`,
 * is not written again: it comes back with `created: false` and the existing id.
 * @throws the driver's error (and writes nothing) when a row violates a constraint, e.g. an unknown channel
 */
export async function ingestInquiries(
  db: Db,
  items: readonly NewInquiry[],
  ctx: IngestContext,
): Promise<IngestResult[]> {
  return await withTransaction(db, async (t) => {
    const write = { writer: prepareIngestWriter(t), dueFor: await deadlineResolver(t) }
    const results: IngestResult[] = []
    for (const item of items) results.push(await ingestOne(write, item, ctx))
    return results
  })
}

/** One item, in the caller's transaction or its own; same rules as `ingestInquiries`. */
export async function ingestInquiry(
  db: Db,
  item: NewInquiry,
  ctx: IngestContext,
): Promise<IngestResult> {
  return (await ingestInquiries(db, [item], ctx))[0] as IngestResult
}

/** The columns an inquiry takes from the message itself (absent optional texts are null). */
export function messageColumns(item: Omit<NewInquiry, 'reply'>) {
  return {
    channelCode: item.channelCode,
    externalId: item.externalId,
    subject: item.subject,
    body: item.body,
    citizenName: item.citizenName ?? null,
    citizenPhone: item.citizenPhone ?? null,
    citizenEmail: item.citizenEmail ?? null,
    category: item.category ?? null,
  }
}

type Write = { writer: IngestWriter; dueFor: (item: NewInquiry) => NewDeadline }

async function ingestOne(
  { writer, dueFor }: Write,
  item: NewInquiry,
  ctx: IngestContext,
): Promise<IngestResult> {
  const existing = await writer.findInquiryId(item.channelCode, item.externalId)
  if (existing !== undefined) return { externalId: item.externalId, id: existing, created: false }
  // spreads last: V8 turns `{ ...x, a, b, … }` into a slow dictionary object, which cost the
  // import ~30 µs a row (bench/import.bench.ts); `{ a, b, …x }` stays a fast one
  const id = await writer.insertInquiry({
    status: item.reply ? 'replied' : 'new',
    assigneeId: item.reply?.authorId ?? null,
    receivedAt: item.receivedAt,
    repliedAt: item.reply?.repliedAt ?? null,
    importBatchId: ctx.importBatchId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...dueFor(item),
    ...messageColumns(item),
  })
  await writer.insertEvent({
    inquiryId: id,
    actorId: ctx.actorId,
    type: ctx.eventType,
    data: JSON.stringify(ctx.importBatchId ? { importBatchId: ctx.importBatchId } : {}),
    createdAt: ctx.now,
  })
  if (item.reply) {
    const authorId = item.reply.authorId ?? null
    const replyId = await writer.insertReply({
      inquiryId: id,
      body: item.reply.body,
      authorId,
      origin: authorId === null ? 'source' : 'desk',
      createdAt: item.reply.repliedAt,
    })
    // a reply given by staff while logging the inquiry is an action of theirs, like any reply
    if (authorId !== null) {
      const data = JSON.stringify({ length: item.reply.body.length, replyId })
      await writer.insertEvent({
        inquiryId: id,
        actorId: authorId,
        type: 'replied',
        data,
        createdAt: ctx.now,
      })
    }
  }
  return { externalId: item.externalId, id, created: true }
}

/**
 * Removes an import batch's inquiries except `keepIds`, with their events and replies (their
 * other rows cascade): an import undone or failed. Inside the caller's transaction.
 * @returns how many inquiries were removed
 */
export async function removeBatchInquiries(
  tx: Db,
  batchId: number,
  keepIds: readonly number[],
): Promise<number> {
  return await repo.deleteBatchInquiries(tx, batchId, keepIds)
}

/**
 * The id, version, status and receipt instant (UTC ms) of the inquiry a channel knows as
 * `externalId`, if the desk holds it.
 */
export async function findByExternalId(
  db: Db,
  channelCode: string,
  externalId: string,
): Promise<{ id: number; version: number; status: string; receivedAt: number } | undefined> {
  return await repo.findInquiryByExternalId(db, channelCode, externalId)
}

/**
 * Inserts generated inquiries with their whole history (demo data, benchmark fill) in one
 * transaction: history-rows.ts builds the rows the services would write. See history.repo.ts.
 */
export const insertHistoryBatch = historyRepo.insertHistoryBatch
export type { DeadlineColumns } from './history.repo.ts'
