/**
 * The one gate for every change to an inquiry (`act`): it loads the inquiry within what the user
 * may see, checks the version the client saw (optimistic locking) and the lifecycle's `canDo`,
 * runs the change and appends its event, all in one transaction. Other modules ask this module;
 * only its repos write `inquiries` and `inquiry_events`. Here too: claim (and a manager's take-over),
 * assign, release, reply, close, reopen, reveal the citizen's contact.
 * Errors: NOT_FOUND (no such inquiry, or outside the user's scope: same answer), FORBIDDEN (the
 * action needs a higher role: `details.reason` 'role'), CONFLICT (stale version, naming who changed
 * it; or the lifecycle refuses: `details.reason` one of the domain's LIFECYCLE_REFUSALS).
 */
import {
  canDo,
  canHappen,
  departmentOnTaking,
  reopenedStatus,
  maskEmail,
  maskName,
  maskPhone,
  type LifecycleAction,
  type LifecycleRefusal,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { getActiveUser } from '../users/users.service.ts'
import * as repo from './inquiries.repo.ts'
import type { Viewer } from '../../lib/context.ts'
import { releaseReply, requireFreeTextAnswer, startDirectReply } from './release-reply.service.ts'

export type Current = NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>

/** The inquiry; NOT_FOUND when it does not exist or is outside `viewer`'s scope (same answer). */
export async function load(db: Db, id: number, viewer?: Viewer): Promise<Current> {
  const row = await repo.findInquiry(db, id, viewer)
  if (!row) throw new AppError('NOT_FOUND', `Inquiry ${id} does not exist`)
  return row
}

/** CONFLICT for a client (or a write) that saw `row` at a version since changed: who changed it, and the version now. */
async function staleError(db: Db, row: Current): Promise<AppError> {
  // the row may be the one this transaction loaded before a concurrent commit (PostgreSQL's read
  // committed): read the version again so the client learns the one to retry with
  const now = (await repo.findInquiry(db, row.id)) ?? row
  const last = await repo.findLastActor(db, row.id)
  const who = last?.displayName ?? 'someone'
  return new AppError(
    'CONFLICT',
    `Inquiry ${row.id} was changed by ${who} (${last?.type ?? 'update'}); reload it`,
    {
      reason: 'stale_version',
      changedBy: who,
      action: last?.type,
      currentVersion: now.version,
    },
  )
}

/** Each action in the API's English messages, as a verb phrase taking the inquiry as its object. */
const ACTION_PHRASES: Record<LifecycleAction, string> = {
  claim: 'claim',
  release: 'release',
  assign: 'assign',
  transfer: 'transfer',
  recategorise: 'recategorise',
  return: 'return',
  reply: 'reply to',
  submit_draft: 'submit a draft reply to',
  approve: 'approve the reply to',
  send_back: 'send back the draft of',
  close: 'close',
  reopen: 'reopen',
  pause_clock: 'pause the clock of',
  resume_clock: 'resume the clock of',
  request_extension: 'request an extension for',
  decide_extension: 'decide on an extension for',
  follow_up: 'follow up',
  merge: 'merge',
  mark_posted: 'mark as posted',
  note: 'add a note to',
  reveal_contact: 'reveal the contact details of',
  reopen_on_message: 'reopen on a message',
  urge: 'urge',
  send_opinion: 'send an opinion on',
  record_consultation: 'record a consultation on',
  draft_answer: 'draft the answer to',
  sign_off_answer: 'sign off the answer to',
  rate: 'rate',
  record_delivery: 'record the delivery of',
  record_review_case: 'record a review case on',
  correct_outcome: 'correct the outcome of',
}

/**
 * The lifecycle's refusal as the API's error: 403 for a missing role, else 409, with
 * `details.reason`. `what` names what the caller tried (default: the action's phrase).
 */
function refusal(
  row: Current,
  action: LifecycleAction,
  reason: LifecycleRefusal,
  what = ACTION_PHRASES[action],
): AppError {
  if (reason === 'role')
    return new AppError('FORBIDDEN', `Only a manager may ${what} inquiry ${row.id}`, {
      reason,
      action,
    })
  if (reason === 'claimed' || reason === 'not_holder') {
    const holder = row.assigneeName ?? 'another user'
    return new AppError(
      'CONFLICT',
      `Inquiry ${row.id} is held by ${holder}: only they or a manager may ${what} it`,
      { reason, holder },
    )
  }
  return new AppError('CONFLICT', `Cannot ${what} inquiry ${row.id}: ${reason} (${row.status})`, {
    reason,
    status: row.status,
  })
}

/**
 * Runs `change` on inquiry `id` in a transaction, after the scope check, the version check (when
 * the action carries the version the client saw) and the lifecycle's `canDo(action)`.
 * `change` writes through `write` and appends its events with `repo.insertEvent` (or the helpers
 * of this module) on `tx`. `how.phrase` names the step in a refusal when it is not the action itself
 * (a disclosure clock's extension is taken under `decide_extension`).
 * @returns the inquiry as it is after the change
 */
export function act(
  ctx: Ctx,
  id: number,
  how: { action: LifecycleAction; version?: number | undefined; phrase?: string },
  change: (row: Current, tx: Db) => void | Promise<void>,
): Promise<Current> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await load(tx, id, ctx.user)
    // a missing role is refused whatever the version; a stale client then learns what changed
    // before being told what the lifecycle allows now
    const answer = canDo(how.action, row, ctx.user)
    if (!answer.ok && answer.reason === 'role')
      throw refusal(row, how.action, answer.reason, how.phrase)
    if (how.version !== undefined && row.version !== how.version) throw await staleError(tx, row)
    if (!answer.ok) throw refusal(row, how.action, answer.reason, how.phrase)
    await change(row, tx)
    return load(tx, id)
  })
}

/**
 * The gate for what the desk does by itself on an outside event (a channel's later message), in
 * the caller's transaction `tx`: loads the inquiry and runs `change` when the lifecycle's
 * `canHappen(action)` allows it. @returns whether it ran (a refusal is no error: the message is
 * kept on the timeline all the same)
 */
export async function happen(
  tx: Db,
  id: number,
  action: LifecycleAction,
  change: (row: Current) => Promise<void>,
): Promise<boolean> {
  const row = await load(tx, id)
  if (!canHappen(action, row).ok) return false
  await change(row)
  return true
}

/** Applies `patch` to the loaded `row` and bumps its version; CONFLICT when it changed meanwhile. */
export async function write(
  db: Db,
  row: Current,
  patch: Parameters<typeof repo.updateInquiryIfVersion>[3],
) {
  if (!(await repo.updateInquiryIfVersion(db, row.id, row.version, patch)))
    throw await staleError(db, row)
}

/** Appends one event to the inquiry's trail, inside the caller's transaction (`actorId` null: the system). */
export async function recordEvent(tx: Db, e: Parameters<typeof repo.insertEvent>[1]) {
  await repo.insertEvent(tx, e)
}

/**
 * 签收: takes the inquiry. A manager may take over one another user holds; the event then names
 * the previous holder. CONFLICT `claimed` naming the holder when a responder tries that. An
 * inquiry of no department goes to the claimer's (domain `departmentOnTaking`; the event names it
 * as `toDepartmentId`), so it leaves the intake pool other departments see.
 */
export function claimInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, { action: 'claim', version }, async (row, db) => {
    if (row.assigneeId === ctx.user.id) return
    const departmentId = departmentOnTaking(row.departmentId, ctx.user.departmentId)
    await write(db, row, {
      status: 'assigned',
      assigneeId: ctx.user.id,
      departmentId,
      updatedAt: ctx.now,
    })
    const data = {
      ...(row.assigneeId === null ? {} : { fromId: row.assigneeId, from: row.assigneeName }),
      ...(departmentId === row.departmentId ? {} : { toDepartmentId: departmentId }),
    }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'claimed',
      data,
      createdAt: ctx.now,
    })
  })
}

/**
 * A manager hands the inquiry to a named active user; the event names the previous holder and the
 * new one, and the new holder's department when the inquiry had none and goes there
 * (`departmentOnTaking`).
 */
export function assignInquiry(
  ctx: Ctx,
  id: number,
  input: { version: number; assigneeId: number },
) {
  return act(ctx, id, { action: 'assign', version: input.version }, async (row, db) => {
    const to = await getActiveUser(db, input.assigneeId)
    if (row.assigneeId === to.id) return
    const departmentId = departmentOnTaking(row.departmentId, to.departmentId)
    await write(db, row, {
      status: 'assigned',
      assigneeId: to.id,
      departmentId,
      updatedAt: ctx.now,
    })
    const data = {
      toId: to.id,
      to: to.displayName,
      fromId: row.assigneeId,
      from: row.assigneeName,
      ...(departmentId === row.departmentId ? {} : { toDepartmentId: departmentId }),
    }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'assigned',
      data,
      createdAt: ctx.now,
    })
  })
}

/** Gives a claimed inquiry back to the unassigned queue (its holder, or a manager). */
export function releaseInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, { action: 'release', version }, async (row, db) => {
    await write(db, row, { status: 'new', assigneeId: null, updatedAt: ctx.now })
    const data = { fromId: row.assigneeId, from: row.assigneeName }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'released',
      data,
      createdAt: ctx.now,
    })
  })
}

/**
 * Sends a reply: the inquiry becomes `replied` (and leaves the pending counts at once), its
 * duplicates are answered with it, and channels with a webhook get it through the outbox.
 * CONFLICT when the channel requires sign-off (submit a draft) or the kind is answered by its
 * decision (a disclosure request); VALIDATION when a placeholder is left unfilled.
 */
export function replyToInquiry(ctx: Ctx, id: number, version: number, body: string) {
  return act(ctx, id, { action: 'reply', version }, async (row, db) => {
    requireFreeTextAnswer(row)
    await startDirectReply(db, row)
    await releaseReply(db, row, { body, authorId: ctx.user.id, approvedBy: null, now: ctx.now })
  })
}

export function closeInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, { action: 'close', version }, async (row, db) => {
    await write(db, row, { status: 'closed', closedAt: ctx.now, updatedAt: ctx.now })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'closed',
      createdAt: ctx.now,
    })
  })
}

/**
 * Reopens a replied, closed or returned (re-dispatched) inquiry: back to its assignee, or to the
 * unassigned queue; a merged duplicate back to `merged`, answered with its main inquiry's next reply.
 */
export function reopenInquiry(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, { action: 'reopen', version }, async (row, db) => {
    await write(db, row, { status: reopenedStatus(row), closedAt: null, updatedAt: ctx.now })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'reopened',
      data: { from: row.status },
      createdAt: ctx.now,
    })
  })
}

/**
 * The citizen's contact in clear; the look is recorded as an event (who, when; `via` says what
 * showed it when it was not the reveal itself, e.g. `answer_document`: a disclosure answer
 * document names the applicant in full). FORBIDDEN / NOT_FOUND as the gate's `reveal_contact`.
 */
export async function revealContact(ctx: Ctx, id: number, via?: string) {
  const row = await act(ctx, id, { action: 'reveal_contact' }, async (_row, db) => {
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'contact_revealed',
      ...(via ? { data: { via } } : {}),
      createdAt: ctx.now,
    })
  })
  return { name: row.citizenName, phone: row.citizenPhone, email: row.citizenEmail }
}

/**
 * One `contact_revealed` event per exported inquiry (`via: 'export'`): one INSERT statement, so
 * all or none, written as each page of the export is read.
 */
export async function recordExportReveals(
  db: Db,
  inquiryIds: readonly number[],
  actorId: number,
  now: number,
  format: string,
) {
  if (inquiryIds.length > 0) await repo.insertRevealEvents(db, inquiryIds, actorId, now, format)
}

/** The masked contact shown by default. */
export function maskedContact(row: {
  citizenName: string | null
  citizenPhone?: string | null
  citizenEmail?: string | null
}) {
  return {
    name: maskName(row.citizenName) ?? null,
    phone: maskPhone(row.citizenPhone) ?? null,
    email: maskEmail(row.citizenEmail) ?? null,
  }
}
