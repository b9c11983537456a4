/**
 * The rows an inquiry and its history leave in the database when they go through the real write
 * paths: `ingestInquiries` (arrival, without a source reply), then `claimInquiry`,
 * `replyToInquiry` and `closeInquiry` (modules/inquiries). Built here without the database so
 * that history.repo.ts can write thousands of them with reused prepared statements;
 * history-rows.test.ts proves that the result equals the services' rows, column for column.
 * The deadline columns are not built here: they come from the deadline resolver. Pure: no I/O.
 */
import {
  startOfZonedDay,
  toZonedDate,
  type InquiryEventType,
  type InquiryStatus,
  type NewInquiry,
} from '@desk/domain'
import { messageColumns } from './ingest.service.ts'

type Step = { at: number; userId: number }

/** What happened after arrival (UTC ms instants, in this order, each optional). */
export type HistorySteps = {
  /** 转办 from no department to this one (the arrival's dispatch); `userId` is the dispatcher */
  dispatch?: (Step & { department: { id: number; name: string }; note: string }) | undefined
  claim?: Step | undefined
  reply?: (Step & { body: string }) | undefined
  /** The reply marked posted on the channel's platform on the Asia/Shanghai day of `at` */
  post?: Step | undefined
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
    departmentId: number | null
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
   * and a `posted` event name the id of the reply (`replyId`), which the writer adds once the reply
   * row has its id.
   */
  events: {
    actorId: number | null
    type: InquiryEventType
    data: Record<string, unknown>
    createdAt: number
  }[]
  replies: {
    body: string
    authorId: number
    origin: 'desk'
    createdAt: number
    postedAt: number | null
    postedBy: number | null
  }[]
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
    departmentId: null,
    status: 'new',
    receivedAt: item.receivedAt,
    repliedAt: null,
    closedAt: null,
    version: 1,
    createdAt: arrival.now,
    updatedAt: arrival.now,
    ...messageColumns(item),
  }
  const events: HistoryRows['events'] = [
    { actorId: null, type: arrival.eventType, data: {}, createdAt: arrival.now },
  ]
  const replies: HistoryRows['replies'] = []
  const change = (
    step: Step,
    type: InquiryEventType,
    patch: Partial<HistoryRows['inquiry']>,
    data = {},
  ) => {
    Object.assign(inquiry, patch, { updatedAt: step.at, version: inquiry.version + 1 })
    events.push({ actorId: step.userId, type, data, createdAt: step.at })
  }
  const { dispatch, claim, reply, post, close } = steps
  if (dispatch) {
    const data = {
      fromDepartmentId: null,
      from: null,
      toDepartmentId: dispatch.department.id,
      to: dispatch.department.name,
      note: dispatch.note,
      previousAssignee: null,
    }
    change(
      dispatch,
      'transferred',
      { departmentId: dispatch.department.id, assigneeId: null, status: 'new' },
      data,
    )
  }
  if (claim) change(claim, 'claimed', { status: 'assigned', assigneeId: claim.userId })
  if (reply) {
    replies.push({
      body: reply.body,
      authorId: reply.userId,
      origin: 'desk',
      createdAt: reply.at,
      postedAt: null,
      postedBy: null,
    })
    const patch = {
      status: 'replied' as const,
      assigneeId: inquiry.assigneeId ?? reply.userId,
      repliedAt: inquiry.repliedAt ?? reply.at,
    }
    change(reply, 'replied', patch, { length: reply.body.length })
  }
  const posted = replies[0]
  if (post && posted) {
    const postedOn = toZonedDate(post.at)
    Object.assign(posted, { postedAt: startOfZonedDay(postedOn), postedBy: post.userId })
    // markPosted appends its event without touching the inquiry row
    events.push({ actorId: post.userId, type: 'posted', data: { postedOn }, createdAt: post.at })
  }
  if (close) change(close, 'closed', { status: 'closed', closedAt: close.at })
  return { inquiry, events, replies }
}
