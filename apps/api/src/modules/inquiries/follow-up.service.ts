/**
 * 回访: records the follow-up call after a reply. A satisfaction outcome becomes the inquiry's
 * latest `satisfaction` (未联系上 leaves it), and an unsatisfied citizen's inquiry can be reopened
 * for re-handling (重办: event `rehandled`, back to its assignee or the unassigned queue, a merged
 * duplicate back to `merged`; the first reply's time stays for the tallies).
 * One result per handling round (followUpResultInRound): a second is a manager's correction.
 * Errors: NOT_FOUND, CONFLICT (stale version; not replied or closed; `follow_up_recorded`: a result
 * is already recorded in this round and the user is not a manager, naming by whom and when),
 * VALIDATION (reopen without `unsatisfied`).
 */
import {
  FOLLOW_UP_CORRECTION_ROLE,
  SATISFACTIONS,
  followUpResultInRound,
  formatInstant,
  hasRole,
  reopenedStatus,
  type FollowUpInput,
  type Satisfaction,
} from '@desk/domain'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { insertFollowUp } from '../follow-ups/follow-ups.service.ts'
import * as repo from './inquiries.repo.ts'
import { act, write } from './inquiries.service.ts'

const isSatisfaction = (o: string): o is Satisfaction =>
  (SATISFACTIONS as readonly string[]).includes(o)

export function recordFollowUp(ctx: Ctx, id: number, input: FollowUpInput) {
  if (input.reopen && input.outcome !== 'unsatisfied') {
    throw new AppError('VALIDATION', 'Only an unsatisfied follow-up can reopen the inquiry', [
      { path: ['reopen'], message: 'needs outcome unsatisfied' },
    ])
  }
  return act(ctx, id, { action: 'follow_up', version: input.version }, async (row, db) => {
    const events = (await repo.listEvents(db, id)).map((e) => ({ ...e, data: JSON.parse(e.data) }))
    const recorded = followUpResultInRound(events)
    if (recorded && !hasRole(ctx.user.role, FOLLOW_UP_CORRECTION_ROLE)) {
      const by = recorded.actorName ?? 'unknown'
      const at = formatInstant(recorded.createdAt)
      throw new AppError(
        'CONFLICT',
        `A 回访 result is already recorded for this round by ${by} at ${at}; a manager may correct it`,
        { reason: 'follow_up_recorded', by, at },
      )
    }
    const patch = isSatisfaction(input.outcome) ? { satisfaction: input.outcome } : {}
    if (input.reopen) {
      await write(db, row, {
        ...patch,
        status: reopenedStatus(row),
        closedAt: null,
        updatedAt: ctx.now,
      })
    } else {
      await write(db, row, { ...patch, updatedAt: ctx.now })
    }
    const followUpId = await insertFollowUp(db, {
      inquiryId: id,
      outcome: input.outcome,
      note: input.note,
      reopened: input.reopen,
      createdBy: ctx.user.id,
      createdAt: ctx.now,
    })
    const data = { followUpId, outcome: input.outcome, note: input.note }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'followed_up',
      data,
      createdAt: ctx.now,
    })
    if (input.reopen) {
      await repo.insertEvent(db, {
        inquiryId: id,
        actorId: ctx.user.id,
        type: 'rehandled',
        data: { followUpId, from: row.status },
        createdAt: ctx.now,
      })
    }
  })
}
