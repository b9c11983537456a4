/**
 * A responder's and a manager's actions on an inquiry's deadline: pause and resume
 * the clock (补正, third-party opinion), request an extension (延期) with a reason, approve or
 * reject it. Each is one transaction with its event; pause/resume check the version the client
 * saw. Errors: NOT_FOUND, CONFLICT (stale version, not open, already paused / not paused, an
 * extension pending or already approved, a policy without extension, a decided request).
 */
import { formatInstant } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { deadlineOf, ruleOf } from './deadline-of.ts'
import * as repo from './deadlines.repo.ts'

type Ctx = { db: Db; userId: number; now: number }

function loadOpen(db: Db, id: number, action: string) {
  const row = repo.findInquiryDeadline(db, id)
  if (!row) throw new AppError('NOT_FOUND', `Inquiry ${id} does not exist`)
  if (row.status !== 'new' && row.status !== 'assigned') {
    throw new AppError('CONFLICT', `Cannot ${action} an inquiry that is ${row.status}`, { reason: 'invalid_status', status: row.status })
  }
  return row
}

function inTx<T>(ctx: Ctx, fn: (db: Db) => T): T {
  return ctx.db.transaction((tx) => fn(tx as unknown as Db))
}

function takeVersion(db: Db, id: number, version: number, now: number) {
  if (!repo.claimVersion(db, id, version, now)) {
    throw new AppError('CONFLICT', `Inquiry ${id} was changed meanwhile; reload it`, { reason: 'stale_version' })
  }
}

/** Stops the clock; the inquiry is neither overdue nor counted while paused. */
export function pauseClock(ctx: Ctx, id: number, version: number, reason: string) {
  inTx(ctx, (db) => {
    const row = loadOpen(db, id, 'pause')
    if (row.pausedAt !== null) throw new AppError('CONFLICT', `Inquiry ${id} is already paused`, { reason: 'paused' })
    takeVersion(db, id, version, ctx.now)
    repo.insertPause(db, { inquiryId: id, reason, pausedAt: ctx.now, pausedBy: ctx.userId })
    repo.updateInquiryDeadline(db, id, { pausedAt: ctx.now, updatedAt: ctx.now }, false)
    repo.insertDeadlineEvent(db, { inquiryId: id, actorId: ctx.userId, type: 'clock_paused', data: { reason }, createdAt: ctx.now })
  })
}

/** Restarts the clock; the due date moves by the paused time (in the rule's unit). */
export function resumeClock(ctx: Ctx, id: number, version: number) {
  inTx(ctx, (db) => {
    const row = loadOpen(db, id, 'resume')
    if (row.pausedAt === null) throw new AppError('CONFLICT', `Inquiry ${id} is not paused`, { reason: 'not_paused' })
    takeVersion(db, id, version, ctx.now)
    repo.closeOpenPause(db, id, ctx.now, ctx.userId)
    const { dueAt } = deadlineOf(db, { ...row, pausedAt: null }, loadCalendar(db))
    repo.updateInquiryDeadline(db, id, { pausedAt: null, dueAt, updatedAt: ctx.now }, false)
    const data = { pausedAt: formatInstant(row.pausedAt), from: formatInstant(row.dueAt), to: formatInstant(dueAt) }
    repo.insertDeadlineEvent(db, { inquiryId: id, actorId: ctx.userId, type: 'clock_resumed', data, createdAt: ctx.now })
  })
}

/** Asks for an extension; a manager decides. @returns the request id */
export function requestExtension(ctx: Ctx, id: number, reason: string): number {
  return inTx(ctx, (db) => {
    const row = loadOpen(db, id, 'extend')
    if (ruleOf(row).extensionAmount === null) {
      throw new AppError('CONFLICT', `The deadline policy of inquiry ${id} allows no extension`, { reason: 'not_extendable' })
    }
    if (repo.findPendingExtension(db, id)) throw new AppError('CONFLICT', `Inquiry ${id} has a pending extension request`, { reason: 'pending' })
    if (repo.hasApprovedExtension(db, id)) throw new AppError('CONFLICT', `Inquiry ${id} was extended already`, { reason: 'extended' })
    const requestId = repo.insertExtension(db, { inquiryId: id, reason, requestedBy: ctx.userId, requestedAt: ctx.now })
    repo.insertDeadlineEvent(db, { inquiryId: id, actorId: ctx.userId, type: 'extension_requested', data: { requestId, reason }, createdAt: ctx.now })
    return requestId
  })
}

/**
 * Approves (the due date moves by the policy's extension amount) or rejects a pending request.
 * @returns the inquiry id
 */
export function decideExtension(ctx: Ctx, requestId: number, approve: boolean, note: string | null): number {
  return inTx(ctx, (db) => {
    const request = repo.findExtension(db, requestId)
    if (!request) throw new AppError('NOT_FOUND', `Extension request ${requestId} does not exist`)
    if (request.status !== 'pending') {
      throw new AppError('CONFLICT', `Extension request ${requestId} was ${request.status} already`, { reason: 'decided' })
    }
    const row = loadOpen(db, request.inquiryId, 'extend')
    const decided = { decidedBy: ctx.userId, decidedAt: ctx.now, decisionNote: note }
    if (!approve) {
      repo.decideExtension(db, requestId, { ...decided, status: 'rejected', oldDueAt: null, newDueAt: null })
      repo.insertDeadlineEvent(db, { inquiryId: row.id, actorId: ctx.userId, type: 'extension_rejected', data: { requestId, note }, createdAt: ctx.now })
      return row.id
    }
    // while paused the due date stays; the resume computes it, extension included
    const dueAt = row.pausedAt === null ? deadlineOf(db, row, loadCalendar(db), true).dueAt : row.dueAt
    repo.decideExtension(db, requestId, { ...decided, status: 'approved', oldDueAt: row.dueAt, newDueAt: dueAt })
    repo.updateInquiryDeadline(db, row.id, { dueAt, updatedAt: ctx.now }, true)
    const data = { requestId, from: formatInstant(row.dueAt), to: formatInstant(dueAt), note }
    repo.insertDeadlineEvent(db, { inquiryId: row.id, actorId: ctx.userId, type: 'extension_approved', data, createdAt: ctx.now })
    return row.id
  })
}

export function listPendingExtensions(db: Db) {
  return repo.listPendingExtensions(db).map((e) => ({ ...e, requestedAt: formatInstant(e.requestedAt) }))
}
