/**
 * The rows an inquiry and its history leave in the database when they go through the real write
 * paths: `ingestInquiries` (arrival, without a source reply), then `claimInquiry`,
 * `replyToInquiry` and `closeInquiry` (modules/inquiries). Built here without the database so
 * that seed.repo.ts can write thousands of them with reused prepared statements;
 * history-rows.test.ts proves that the result equals the services' rows, column for column.
 * The deadline columns are not built here: they come from the deadline resolver. Pure: no I/O.
 */
import type { InquiryEventType, InquiryStatus, NewInquiry } from '@desk/domain'
import { messageColumns } from '../inquiries/ingest.service.ts'

type Step = { at: number; userId: number }

/** What happened after arrival (UTC ms instants, in this order, each optional). */
export type HistorySteps = {
  claim?: Step | undefined
  reply?: (Step & { body: string }) | undefined
  close?: Step | undefined
}

export type HistoryRows = {
  inquiry: {
    channelCode: string
    externalId: string
    subject: string
    body: string
    citizenName: string | null
    citizenPhone: string | null
    citizenEmail: string | null
    category: string | null
    assigneeId: number | null
    status: InquiryStatus
    receivedAt: number
    repliedAt: number | null
    closedAt: number | null
    version: number
    createdAt: number
    updatedAt: number
  }
  /**
   * In the order the services append them. `data` is the event's details; a `replied` event also
   * names the id of its reply (`replyId`), which the writer adds once the reply row has its id.
   */
  events: { actorId: number | null; type: InquiryEventType; data: Record<string, unknown>; createdAt: number }[]
  replies: { body: string; authorId: number; origin: 'desk'; createdAt: number }[]
}

/**
 * The rows of `item` (without a source reply) ingested at `arrival.now` with `arrival.eventType`,
 * then taken through `steps`: the inquiry as it ends up, its events (the arrival event first) and
 * its replies.
 */
export function buildHistoryRows(
  item: Omit<NewInquiry, 'reply'>,
  arrival: { now: number; eventType: 'received' | 'imported' },
  steps: HistorySteps,
): HistoryRows {
  // the spread last keeps a fast object (see ingest.service.ts)
  const inquiry: HistoryRows['inquiry'] = {
    assigneeId: null,
    status: 'new',
    receivedAt: item.receivedAt,
    repliedAt: null,
    closedAt: null,
    version: 1,
    createdAt: arrival.now,
    updatedAt: arrival.now,
    ...messageColumns(item),
  }
  const events: HistoryRows['events'] = [{ actorId: null, type: arrival.eventType, data: {}, createdAt: arrival.now }]
  const replies: HistoryRows['replies'] = []
  const change = (step: Step, type: InquiryEventType, patch: Partial<HistoryRows['inquiry']>, data = {}) => {
    Object.assign(inquiry, patch, { updatedAt: step.at, version: inquiry.version + 1 })
    events.push({ actorId: step.userId, type, data, createdAt: step.at })
  }
  const { claim, reply, close } = steps
  if (claim) change(claim, 'claimed', { status: 'assigned', assigneeId: claim.userId })
  if (reply) {
    replies.push({ body: reply.body, authorId: reply.userId, origin: 'desk', createdAt: reply.at })
    const patch = { status: 'replied' as const, assigneeId: inquiry.assigneeId ?? reply.userId, repliedAt: inquiry.repliedAt ?? reply.at }
    change(reply, 'replied', patch, { length: reply.body.length })
  }
  if (close) change(close, 'closed', { status: 'closed', closedAt: close.at })
  return { inquiry, events, replies }
}
