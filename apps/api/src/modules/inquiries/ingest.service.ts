/**
 * The one write path for new inquiries, whatever they came by (channel API, file import, public
 * form, manual entry): dedupe on (channel, external id), due date, inquiry + event (+ the source's
 * reply) in one transaction. Callers validate and normalise first.
 */
import { withTransaction } from '../../db/transaction.ts'
import type { NewInquiry } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { deadlineResolver, type NewDeadline } from '../deadlines/deadlines.service.ts'
import * as ingestRepo from './ingest.repo.ts'
import { keyOf, type EventInsert } from './ingest.repo.ts'
import * as historyRepo from './history.repo.ts'
import * as repo from './inquiries.repo.ts'
import type { InquiryInsert } from './inquiries.repo.ts'

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
 * is not written again: it comes back with `created: false` and the existing id (also when another
 * transaction wrote it while this one ran). Set-based: one select finds the stored duplicates,
 * then one multi-row insert per table writes the inquiries, their replies and their events (see
 * ingest.repo.ts), so a batch costs a few round trips on PostgreSQL instead of several per item.
 * @throws the driver's error (and writes nothing) when a row violates a constraint, e.g. an unknown channel
 */
export async function ingestInquiries(
  db: Db,
  items: readonly NewInquiry[],
  ctx: IngestContext,
): Promise<IngestResult[]> {
  if (items.length === 0) return []
  return await withTransaction(db, async (t) => {
    const dueFor = await deadlineResolver(t)
    const stored = await ingestRepo.findInquiryIds(t, items)
    // the first item of each key the desk does not hold, in order
    const first = new Map<string, NewInquiry>()
    for (const item of items) {
      const key = keyOf(item)
      if (!stored.has(key) && !first.has(key)) first.set(key, item)
    }
    const fresh = [...first.values()]
    const written = await ingestRepo.insertInquiries(
      t,
      fresh.map((item) => inquiryRow(item, ctx, dueFor(item))),
    )
    const raced = fresh.filter((item) => !written.has(keyOf(item)))
    if (raced.length > 0)
      for (const [key, id] of await ingestRepo.findInquiryIds(t, raced)) stored.set(key, id)
    const created = fresh.flatMap((item) => {
      const id = written.get(keyOf(item))
      return id === undefined ? [] : [{ id, item }]
    })
    await writeHistory(t, created, ctx)
    return items.map((item) => {
      const key = keyOf(item)
      const id = written.get(key) ?? stored.get(key)
      if (id === undefined)
        throw new Error(`inquiry ${item.externalId} was neither written nor found`)
      return {
        externalId: item.externalId,
        id,
        created: first.get(key) === item && written.has(key),
      }
    })
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

/** The inquiry row of a new item (the spreads last: see below). */
function inquiryRow(item: NewInquiry, ctx: IngestContext, due: NewDeadline): InquiryInsert {
  // spreads last: V8 turns `{ ...x, a, b, … }` into a slow dictionary object, which cost the
  // import ~30 µs a row (bench/import.bench.ts); `{ a, b, …x }` stays a fast one
  return {
    status: item.reply ? 'replied' : 'new',
    assigneeId: item.reply?.authorId ?? null,
    receivedAt: item.receivedAt,
    repliedAt: item.reply?.repliedAt ?? null,
    importBatchId: ctx.importBatchId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...due,
    ...messageColumns(item),
  }
}

/**
 * The arrival event of each created inquiry, and the reply it came with: a reply given by staff
 * while logging the inquiry is an action of theirs, like any reply, so it has its `replied` event
 * too. Events in item order (arrival, then reply), as a write item by item would add them.
 */
async function writeHistory(
  db: Db,
  created: readonly { id: number; item: NewInquiry }[],
  ctx: IngestContext,
): Promise<void> {
  const replyIds = await ingestRepo.insertReplies(
    db,
    created.flatMap(({ id, item }) => {
      if (!item.reply) return []
      const authorId = item.reply.authorId ?? null
      return [
        {
          inquiryId: id,
          body: item.reply.body,
          authorId,
          origin: authorId === null ? ('source' as const) : ('desk' as const),
          createdAt: item.reply.repliedAt,
        },
      ]
    }),
  )
  const arrival = JSON.stringify(ctx.importBatchId ? { importBatchId: ctx.importBatchId } : {})
  const events: EventInsert[] = []
  for (const { id, item } of created) {
    events.push({
      inquiryId: id,
      actorId: ctx.actorId,
      type: ctx.eventType,
      data: arrival,
      createdAt: ctx.now,
    })
    const authorId = item.reply?.authorId
    if (item.reply && authorId !== null && authorId !== undefined) {
      const data = JSON.stringify({ length: item.reply.body.length, replyId: replyIds.get(id) })
      events.push({ inquiryId: id, actorId: authorId, type: 'replied', data, createdAt: ctx.now })
    }
  }
  await ingestRepo.insertEvents(db, events)
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
