/**
 * The lifecycle actions on one inquiry: claim, reply, close, reopen, reveal the citizen's contact.
 * Each checks the version the client saw (optimistic locking), changes the row and appends the
 * event in one transaction.
 * Errors: NOT_FOUND (no such inquiry), CONFLICT (stale version, or the action does not apply in
 * the inquiry's status; the message says who changed it / why).
 */
import { maskEmail, maskName, maskPhone, type InquiryStatus } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './inquiries.repo.ts'
import type { Viewer } from './inquiry-filter.repo.ts'
import { releaseReply, requireReplyWithoutSignOff } from './release-reply.service.ts'

export type Ctx = { db: Db; user: SessionUser; now: number }
export type Current = NonNullable<ReturnType<typeof repo.findInquiry>>

/** The inquiry; NOT_FOUND when it does not exist or is outside `viewer`'s scope (same answer). */
export function load(db: Db, id: number, viewer?: Viewer): Current {
  const row = repo.findInquiry(db, id, viewer)
  if (!row) throw new AppError('NOT_FOUND', `Inquiry ${id} does not exist`)
  return row
}

export function staleError(db: Db, row: Current): AppError {
  const last = repo.findLastActor(db, row.id)
  const who = last?.displayName ?? 'someone'
  return new AppError('CONFLICT', `Inquiry ${row.id} was changed by ${who} (${last?.type ?? 'update'}); reload it`, {
    reason: 'stale_version',
    changedBy: who,
    action: last?.type,
    currentVersion: row.version,
  })
}

export function requireStatus(row: Current, allowed: readonly InquiryStatus[], action: string) {
  if (!allowed.includes(row.status)) {
    throw new AppError('CONFLICT', `Cannot ${action} an inquiry that is ${row.status}`, {
      reason: 'invalid_status',
      status: row.status,
    })
  }
}

/**
 * Runs `change` in a transaction after the scope check (NOT_FOUND outside the user's scope) and
 * the version check; returns the updated inquiry.
 */
export function act(ctx: Ctx, id: number, version: number, change: (row: Current, db: Db) => void) {
  return ctx.db.transaction((tx) => {
    const db = tx as unknown as Db
    const row = load(db, id, ctx.user)
    if (row.version !== version) throw staleError(db, row)
    change(row, db)
    return load(db, id)
  })
}

export function write(db: Db, row: Current, patch: Parameters<typeof repo.updateInquiryIfVersion>[3]) {
  if (!repo.updateInquiryIfVersion(db, row.id, row.version, patch)) throw staleError(db, row)
}

/** 签收: takes an unassigned inquiry. CONFLICT naming the holder when someone else has it. */
export function claimInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, version, (row, db) => {
    requireStatus(row, ['new', 'assigned'], 'claim')
    if (row.assigneeId !== null && row.assigneeId !== ctx.user.id) {
      throw new AppError('CONFLICT', `Already claimed by ${row.assigneeName ?? 'another user'}`, {
        reason: 'claimed',
        holder: row.assigneeName,
      })
    }
    write(db, row, { status: 'assigned', assigneeId: ctx.user.id, updatedAt: ctx.now })
    repo.insertEvent(db, { inquiryId: id, actorId: ctx.user.id, type: 'claimed', createdAt: ctx.now })
  })
}

/**
 * Sends a reply: the inquiry becomes `replied` (and leaves the pending counts at once), its
 * duplicates are answered with it, and channels with a webhook get it through the outbox.
 * CONFLICT when the channel requires sign-off (submit a draft) or the inquiry is a duplicate.
 */
export function replyToInquiry(ctx: Ctx, id: number, version: number, body: string) {
  return act(ctx, id, version, (row, db) => {
    requireStatus(row, ['new', 'assigned', 'replied'], 'reply to')
    requireReplyWithoutSignOff(db, row)
    releaseReply(db, row, { body, authorId: ctx.user.id, approvedBy: null, now: ctx.now })
  })
}

export function closeInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, version, (row, db) => {
    requireStatus(row, ['replied'], 'close')
    write(db, row, { status: 'closed', closedAt: ctx.now, updatedAt: ctx.now })
    repo.insertEvent(db, { inquiryId: id, actorId: ctx.user.id, type: 'closed', createdAt: ctx.now })
  })
}

/** Reopens a replied, closed or returned (re-dispatched) inquiry: back to its assignee, or to the unassigned queue. */
export function reopenInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, version, (row, db) => {
    requireStatus(row, ['replied', 'closed', 'returned'], 'reopen')
    const status = row.assigneeId === null ? 'new' : 'assigned'
    write(db, row, { status, closedAt: null, updatedAt: ctx.now })
    repo.insertEvent(db, { inquiryId: id, actorId: ctx.user.id, type: 'reopened', data: { from: row.status }, createdAt: ctx.now })
  })
}

/** The citizen's contact in clear; the look is recorded as an event (who, when). */
export function revealContact(ctx: Ctx, id: number) {
  return ctx.db.transaction((tx) => {
    const db = tx as unknown as Db
    const row = load(db, id, ctx.user)
    repo.insertEvent(db, { inquiryId: id, actorId: ctx.user.id, type: 'contact_revealed', createdAt: ctx.now })
    return { name: row.citizenName, phone: row.citizenPhone, email: row.citizenEmail }
  })
}

/** The masked contact shown by default. */
export function maskedContact(row: { citizenName: string | null; citizenPhone?: string | null; citizenEmail?: string | null }) {
  return {
    name: maskName(row.citizenName) ?? null,
    phone: maskPhone(row.citizenPhone) ?? null,
    email: maskEmail(row.citizenEmail) ?? null,
  }
}
