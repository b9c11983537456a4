/**
 * Reads of the reply queue: a keyset page, the per-channel counts (same predicate as the page),
 * and one inquiry with its timeline. Errors: VALIDATION (bad cursor, unknown channel), NOT_FOUND.
 */
import type { InquiryFilter, QueueQuery } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { listChannelCodes } from '../channels/channels.service.ts'
import { getDeadlineView, withDueWindow } from '../deadlines/deadlines.service.ts'
import * as repo from './inquiries.repo.ts'
import type { Viewer } from '../../lib/context.ts'
import { maskedContact } from './inquiries.service.ts'
import { toDetail, toListItem } from './inquiry-view.ts'
import { decodeCursor, encodeCursor } from './queue-cursor.ts'

/**
 * `{ items, nextCursor }`; `nextCursor` is null on the last page. `now` (UTC ms) resolves the `due` filter.
 * @throws AppError VALIDATION for a channel code the desk does not have, or a bad cursor
 */
export async function getQueuePage(db: Db, query: QueueQuery, viewer: Viewer, now = Date.now()) {
  const { sort, limit, cursor, ...filter } = query
  const rows = await repo.listInquiries(db, {
    filter: await withDueWindow(db, filter, now),
    viewer,
    sort,
    limit,
    cursor: cursor ? decodeCursor(cursor, sort) : undefined,
  })
  // an unknown channel is told apart from an empty one only when nothing matched (no extra read per page)
  if (
    rows.length === 0 &&
    filter.channel !== undefined &&
    !(await listChannelCodes(db)).includes(filter.channel)
  ) {
    throw new AppError('VALIDATION', `Unknown channel: ${filter.channel}`, [
      { path: ['channel'], message: 'unknown channel' },
    ])
  }
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ sort, key: sort === 'due_asc' ? last.dueAt : last.receivedAt, id: last.id })
      : null
  return { items: page.map(toListItem), nextCursor }
}

/**
 * `{ total, byChannel, capped }` with every channel present (0 when none match). A text search
 * that matches more than `cap` rows (repo SEARCH_COUNT_CAP) is not counted to its end: `capped`
 * is true, `total` is `cap` (there are more) and each channel's count is null (not counted).
 */
export async function getQueueCounts(
  db: Db,
  filter: Omit<InquiryFilter, 'channel'>,
  viewer: Viewer,
  now = Date.now(),
  cap = repo.SEARCH_COUNT_CAP,
): Promise<{ total: number; byChannel: Record<string, number | null>; capped: boolean }> {
  const codes = await listChannelCodes(db)
  const { rows, capped } = await repo.countByChannel(
    db,
    await withDueWindow(db, filter, now),
    viewer,
    cap,
  )
  if (capped)
    return { total: cap, byChannel: Object.fromEntries(codes.map((c) => [c, null])), capped }
  const byChannel: Record<string, number | null> = Object.fromEntries(codes.map((c) => [c, 0]))
  let total = 0
  for (const { channelCode, n } of rows) {
    byChannel[channelCode] = n
    total += n
  }
  return { total, byChannel, capped }
}

/** `{ inquiry, contact, deadline }`: the inquiry with events and replies; the contact masked; how the due date was computed. */
export async function getInquiryView(db: Db, id: number, viewer: Viewer) {
  // out of the viewer's scope answers like a missing id: 404 reveals nothing
  const row = await repo.findInquiry(db, id, viewer)
  if (!row) throw new AppError('NOT_FOUND', `Inquiry ${id} does not exist`)
  return {
    inquiry: toDetail(row, await repo.listEvents(db, id), await repo.listReplies(db, id)),
    contact: maskedContact(row),
    deadline: await getDeadlineView(db, id, row),
  }
}
