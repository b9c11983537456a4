/**
 * Releasing a reply to the citizen, the one path for direct replies and approved drafts: the
 * inquiry becomes `replied`, the reply and a `replied` event are written, the outbox gets a
 * message for channels with a webhook, and every duplicate merged into the inquiry is answered
 * with the same text on its own channel (each still counts once in its channel's tallies).
 * Runs inside the caller's transaction.
 */
import {
  answeredByDecision,
  duplicateAnswerStatuses,
  fillTemplate,
  replyUnfilled,
  formatChineseDate,
  toZonedDate,
  type TemplateValues,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getChannelSettings } from '../channel-settings/channel-settings.service.ts'
import { enqueueReplyDelivery } from '../outbox/outbox.service.ts'
import * as repo from './inquiries.repo.ts'
import type { Current } from './inquiries.service.ts'
import * as workflowRepo from './workflow.repo.ts'

export type ReleasedText = {
  body: string
  authorId: number
  /** The manager who signed the text off; null when the channel needs no sign-off */
  approvedBy: number | null
  draftId?: number | undefined
  now: number
}

/**
 * CONFLICT (`decision_required`) when the inquiry's kind is answered by its decision (a disclosure
 * request: domain `answeredByDecision`), so a free-text reply or draft would leave it answered with
 * no outcome.
 */
export function requireFreeTextAnswer(row: Current): void {
  if (answeredByDecision(row.kind)) {
    throw new AppError('CONFLICT', `A ${row.kind} inquiry is answered by deciding its outcome`, {
      reason: 'decision_required',
    })
  }
}

/**
 * Readies a direct reply (one not signed off): CONFLICT `sign_off_required` when the inquiry's
 * channel needs sign-off (submit a draft); otherwise drafts of the inquiry still awaiting sign-off
 * become `superseded`, since the direct reply answers what they would have: approving one later
 * would send the citizen a second, different reply (the channel may have required sign-off when
 * it was submitted).
 */
export async function startDirectReply(db: Db, row: Current) {
  if ((await getChannelSettings(db, row.channelCode)).requiresSignOff) {
    throw new AppError(
      'CONFLICT',
      `Replies on channel ${row.channelCode} need sign-off: submit a draft`,
      {
        reason: 'sign_off_required',
      },
    )
  }
  await workflowRepo.supersedeSubmittedDrafts(db, row.id)
}

/** Releases `text` on `row` and its answerable duplicates. @returns the main reply's id */
export async function releaseReply(db: Db, row: Current, text: ReleasedText): Promise<number> {
  const replyId = await answer(db, row, text, {})
  // a duplicate takes the reply while merged, and again when answered before (a later reply)
  for (const dup of await workflowRepo.listDuplicateIds(
    db,
    row.id,
    duplicateAnswerStatuses(row.kind),
  )) {
    const dupRow = await repo.findInquiry(db, dup.id)
    if (dupRow) await answer(db, dupRow, text, { viaInquiryId: row.id })
  }
  return replyId
}

/** The placeholders' values for one inquiry, from its unmasked record (domain TEMPLATE_PLACEHOLDERS). */
export function templateValuesOf(
  row: Pick<Current, 'citizenName' | 'receivedAt' | 'externalId' | 'departmentName'>,
): TemplateValues {
  return {
    citizenName: row.citizenName,
    receivedDate: formatChineseDate(toZonedDate(row.receivedAt)),
    trackingNumber: row.externalId,
    department: row.departmentName,
  }
}

/**
 * The text as released to `row`'s citizen: its placeholders filled from the unmasked record (the
 * composer kept the citizen's name a placeholder). VALIDATION naming each known placeholder still
 * unfilled (a value the inquiry lacks, domain `replyUnfilled`): nothing is written. Braces around
 * any other name are the responder's text and are sent as typed.
 */
function releasedText(body: string, row: Current): string {
  const filled = fillTemplate(body, templateValuesOf(row))
  const unfilled = replyUnfilled(filled)
  if (unfilled.length === 0) return filled.text
  const names = unfilled.map((n) => `{${n}}`).join(', ')
  throw new AppError(
    'VALIDATION',
    `The reply to inquiry ${row.id} still has ${names}: type the text in`,
    unfilled.map((n) => ({
      path: ['body'],
      message: `{${n}} is not filled for inquiry ${row.id}`,
      placeholder: n,
      inquiryId: row.id,
    })),
  )
}

/** Answers one inquiry (the main one or a duplicate), its placeholders filled from its own record; version-checked. */
export async function answer(
  db: Db,
  row: Current,
  released: ReleasedText,
  data: Record<string, unknown>,
): Promise<number> {
  const text = { ...released, body: releasedText(released.body, row) }
  const ok = await repo.updateInquiryIfVersion(db, row.id, row.version, {
    status: 'replied',
    assigneeId: row.assigneeId ?? text.authorId,
    // the first reply stays the one the on-time rate judges; a later round's reply is its event
    repliedAt: row.repliedAt ?? text.now,
    // answered: a 催办 received before no longer stands
    urgedAt: null,
    updatedAt: text.now,
  })
  if (!ok)
    throw new AppError('CONFLICT', `Inquiry ${row.id} changed meanwhile; reload it`, {
      reason: 'stale_version',
    })
  const replyId = await repo.insertReply(db, {
    inquiryId: row.id,
    body: text.body,
    authorId: text.authorId,
    origin: 'desk',
    createdAt: text.now,
    approvedBy: text.approvedBy,
  })
  await repo.insertEvent(db, {
    inquiryId: row.id,
    actorId: text.approvedBy ?? text.authorId,
    type: 'replied',
    data: {
      length: text.body.length,
      replyId,
      ...(text.draftId ? { draftId: text.draftId } : {}),
      ...(row.round > 1 ? { round: row.round, onTime: text.now <= row.dueAt } : {}),
      ...data,
    },
    createdAt: text.now,
  })
  await enqueueReplyDelivery(db, {
    inquiryId: row.id,
    replyId,
    channelCode: row.channelCode,
    externalId: row.externalId,
    body: text.body,
    repliedAt: text.now,
    now: text.now,
  })
  return replyId
}
