/**
 * The one write path for new inquiries, whatever they came by (channel API, file import, public
 * form, manual entry): dedupe on (channel, external id), due date, inquiry + event (+ the source's
 * reply) in one transaction. Callers validate and normalise first.
 */
import type { NewInquiry } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { deadlineResolver, type NewDeadline } from '../deadlines/deadlines.service.ts'
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
export function ingestInquiries(db: Db, items: readonly NewInquiry[], ctx: IngestContext): IngestResult[] {
  return db.transaction((tx) => {
    const dueFor = deadlineResolver(tx as unknown as Db)
    return items.map((item) => ingestOne(tx as unknown as Db, item, ctx, dueFor))
  })
}

/** One item, in the caller's transaction or its own; same rules as `ingestInquiries`. */
export function ingestInquiry(db: Db, item: NewInquiry, ctx: IngestContext): IngestResult {
  return db.transaction((tx) => ingestOne(tx as unknown as Db, item, ctx, deadlineResolver(tx as unknown as Db)))
}

function ingestOne(db: Db, item: NewInquiry, ctx: IngestContext, dueFor: (item: NewInquiry) => NewDeadline): IngestResult {
  const existing = repo.findInquiryByExternalId(db, item.channelCode, item.externalId)
  if (existing) return { externalId: item.externalId, id: existing.id, created: false }
  const id = repo.insertInquiry(db, {
    channelCode: item.channelCode,
    externalId: item.externalId,
    subject: item.subject,
    body: item.body,
    citizenName: item.citizenName ?? null,
    citizenPhone: item.citizenPhone ?? null,
    citizenEmail: item.citizenEmail ?? null,
    category: item.category ?? null,
    status: item.reply ? 'replied' : 'new',
    assigneeId: item.reply?.authorId ?? null,
    receivedAt: item.receivedAt,
    ...dueFor(item),
    repliedAt: item.reply?.repliedAt ?? null,
    importBatchId: ctx.importBatchId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  repo.insertEvent(db, {
    inquiryId: id,
    actorId: ctx.actorId,
    type: ctx.eventType,
    data: ctx.importBatchId ? { importBatchId: ctx.importBatchId } : {},
    createdAt: ctx.now,
  })
  if (item.reply?.authorId !== undefined) {
    repo.insertEvent(db, { inquiryId: id, actorId: item.reply.authorId, type: 'replied', data: { length: item.reply.body.length }, createdAt: ctx.now })
  }
  if (item.reply) {
    repo.insertReply(db, {
      inquiryId: id,
      body: item.reply.body,
      authorId: item.reply.authorId ?? null,
      origin: item.reply.authorId === undefined ? 'source' : 'desk',
      createdAt: item.reply.repliedAt,
    })
  }
  return { externalId: item.externalId, id, created: true }
}
