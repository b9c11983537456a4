import { describe, expect, it } from 'vitest'
import type { UserRole } from '../user.ts'
import {
  DISCLOSURE_STATUSES,
  answeredByDecision,
  receivedOnDay,
  LIFECYCLE_ACTIONS,
  MESSAGE_LIFECYCLE,
  LIFECYCLES,
  MESSAGE_STATUSES,
  canDo,
  canDoIn,
  canHappen,
  duplicateAnswerStatuses,
  isAnswered,
  isPending,
  mergedStatuses,
  reopenedStatus,
  type KindLifecycle,
  type LifecycleAction,
  type LifecycleSubject,
  type LifecycleViewer,
} from './lifecycle.ts'

// the separated roles (安全管理员, 审计管理员) may do nothing to an inquiry: no cell names their letters
const ROLES: readonly UserRole[] = ['responder', 'manager', 'admin', 'security_admin', 'auditor']
const viewer = (role: UserRole, departmentId: number | null = 1): LifecycleViewer => ({
  id: 7,
  role,
  departmentId,
})
const message = (patch: Partial<LifecycleSubject> = {}): LifecycleSubject => ({
  kind: 'message',
  status: 'new',
  assigneeId: null,
  departmentId: null,
  duplicateOfId: null,
  pausedAt: null,
  ...patch,
})

/**
 * Who may take each action in each status, on an unclaimed, undispatched message with a running
 * clock: r = responder, m = manager, a = admin, . = nobody. Written out by hand from the bureau's
 * practice, so a change to the table must change this too.
 */
//                                                  new  assigned replied closed returned merged
const EXPECTED: Record<LifecycleAction, string> = {
  claim: /*                                   */ 'rma rma ... ... ... ...',
  release: /*      (nobody holds it)          */ '... ... ... ... ... ...',
  assign: /*                                  */ '.ma .ma ... ... ... ...',
  transfer: /*                                */ 'rma rma ... ... ... ...',
  recategorise: /*                            */ 'rma rma ... ... ... ...',
  return: /*                                  */ 'rma rma ... ... ... ...',
  reply: /*                                   */ 'rma rma rma ... ... ...',
  submit_draft: /*                            */ 'rma rma rma ... ... ...',
  approve: /*                                 */ '.ma .ma .ma ... ... ...',
  send_back: /*                               */ '.ma .ma .ma .ma .ma .ma',
  close: /*                                   */ '... ... rma ... ... ...',
  reopen: /*                                  */ '... ... rma rma rma ...',
  pause_clock: /*                             */ 'rma rma ... ... ... ...',
  resume_clock: /* (the clock runs)           */ '... ... ... ... ... ...',
  request_extension: /*                       */ 'rma rma ... ... ... ...',
  decide_extension: /*                        */ '.ma .ma ... ... ... ...',
  follow_up: /*                               */ '... ... rma rma ... ...',
  merge: /*                                   */ 'rma rma ... ... ... ...',
  mark_posted: /*                             */ 'rma rma rma rma rma rma',
  note: /*                                    */ 'rma rma rma rma rma rma',
  reveal_contact: /*                          */ 'rma rma rma rma rma rma',
  reopen_on_message: /* (by the desk)         */ '... ... rma rma ... ...',
  urge: /*             (by the desk)          */ 'rma rma ... ... ... ...',
  send_opinion: /*     (proposals only)       */ '... ... ... ... ... ...',
  record_consultation: /* (proposals only)    */ '... ... ... ... ... ...',
  draft_answer: /*     (proposals, disclosure) */ '... ... ... ... ... ...',
  sign_off_answer: /*  (proposals, disclosure) */ '... ... ... ... ... ...',
  rate: /*             (proposals only)       */ '... ... ... ... ... ...',
  record_delivery: /*  (disclosure only)      */ '... ... ... ... ... ...',
  record_review_case: /* (disclosure only)    */ '... ... ... ... ... ...',
  correct_outcome: /*  (disclosure only)      */ '... ... ... ... ... ...',
}
const LETTER: Record<UserRole, string> = {
  responder: 'r',
  manager: 'm',
  admin: 'a',
  security_admin: 's',
  auditor: 'u',
}

describe('the message lifecycle, every action × status × role', () => {
  const cells = LIFECYCLE_ACTIONS.flatMap((action) =>
    MESSAGE_STATUSES.flatMap((status, i) =>
      ROLES.map((role) => ({
        action,
        status,
        role,
        allowed: EXPECTED[action].split(' ')[i]!.includes(LETTER[role]),
      })),
    ),
  )

  it.each(cells)('$action in $status by a $role: $allowed', ({ action, status, role, allowed }) => {
    const answer = canDo(action, message({ status }), viewer(role))
    expect(answer.ok).toBe(allowed)
  })

  it('refuses with the reason the API and the SPA show', () => {
    expect(canDo('close', message({ status: 'new' }), viewer('manager'))).toEqual({
      ok: false,
      reason: 'invalid_status',
    })
    expect(canDo('approve', message({ status: 'assigned' }), viewer('responder'))).toEqual({
      ok: false,
      reason: 'role',
    })
    expect(canDo('release', message({ status: 'assigned' }), viewer('manager'))).toEqual({
      ok: false,
      reason: 'not_claimed',
    })
    expect(canDo('resume_clock', message(), viewer('responder'))).toEqual({
      ok: false,
      reason: 'not_paused',
    })
    expect(canDo('pause_clock', message({ pausedAt: 1 }), viewer('responder'))).toEqual({
      ok: false,
      reason: 'paused',
    })
  })
})

describe('the holder rule', () => {
  // claimed by user 99; each action in the first status it is allowed in
  const claimed = (action: LifecycleAction) =>
    message({ status: MESSAGE_LIFECYCLE.actions[action].statuses[0]!, assigneeId: 99 })
  const HOLDER_ONLY: Partial<Record<LifecycleAction, string>> = {
    claim: 'claimed',
    release: 'not_holder',
    transfer: 'not_holder',
    recategorise: 'not_holder',
    return: 'not_holder',
    reply: 'not_holder',
    submit_draft: 'not_holder',
    close: 'not_holder',
  }

  const messageActions = LIFECYCLE_ACTIONS.filter(
    (a) => MESSAGE_LIFECYCLE.actions[a].statuses.length > 0,
  )
  it.each(
    messageActions.filter(
      (a) => !['resume_clock', 'approve', 'send_back', 'assign', 'decide_extension'].includes(a),
    ),
  )('%s on an inquiry another responder holds', (action) => {
    const refused = HOLDER_ONLY[action]
    expect(canDo(action, claimed(action), viewer('responder'))).toEqual(
      refused ? { ok: false, reason: refused } : { ok: true },
    )
  })

  it.each(messageActions.filter((a) => a !== 'resume_clock'))(
    'a manager may %s whoever holds it',
    (action) => {
      expect(canDo(action, claimed(action), viewer('manager'))).toEqual({ ok: true })
    },
  )

  it('lets the holder act on what they hold, outside their department too', () => {
    const held = message({ status: 'assigned', assigneeId: 7, departmentId: 5 })
    for (const action of ['reply', 'close', 'transfer', 'return', 'release'] as const) {
      const status = action === 'close' ? 'replied' : 'assigned'
      expect(canDo(action, { ...held, status }, viewer('responder'))).toEqual({ ok: true })
    }
  })
})

describe('scope and duplicates', () => {
  it('refuses a responder outside the inquiry department, not a manager', () => {
    const elsewhere = message({ departmentId: 5 })
    expect(canDo('note', elsewhere, viewer('responder', 1))).toEqual({
      ok: false,
      reason: 'out_of_scope',
    })
    expect(canDo('note', elsewhere, viewer('responder', 5))).toEqual({ ok: true })
    expect(canDo('note', elsewhere, viewer('manager', null))).toEqual({ ok: true })
  })

  it('answers a duplicate through its main inquiry only', () => {
    const dup = message({ status: 'replied', duplicateOfId: 3 })
    expect(canDo('reply', dup, viewer('manager'))).toEqual({ ok: false, reason: 'duplicate' })
    expect(canDo('note', dup, viewer('responder'))).toEqual({ ok: true })
  })

  it('follows the message section for a kind without its own', () => {
    expect(canDo('return', message({ kind: 'suggestion' }), viewer('responder'))).toEqual({
      ok: true,
    })
  })
})

describe('merged duplicates', () => {
  const sections = Object.entries(LIFECYCLES)

  it.each(sections)(
    'the %s section names a merged status exactly when it can merge, never pending',
    (_kind, section) => {
      const canMerge = section.actions.merge.statuses.length > 0
      expect(section.merged !== undefined).toBe(canMerge)
      if (section.merged === undefined) return
      expect(section.statuses).toContain(section.merged)
      expect(section.pending).not.toContain(section.merged)
    },
  )

  it.each(sections)('the %s section allows actions only in its own statuses', (_kind, section) => {
    for (const action of LIFECYCLE_ACTIONS)
      for (const status of section.actions[action].statuses)
        expect(section.statuses, `${action} ${status}`).toContain(status)
  })

  it('leaves the pending queue when merged and comes back to it merged when reopened', () => {
    expect(isPending('message', 'merged')).toBe(false)
    expect(isPending('message', 'assigned')).toBe(true)
    expect(reopenedStatus({ kind: 'message', assigneeId: 7, duplicateOfId: 3 })).toBe('merged')
    expect(reopenedStatus({ kind: 'message', assigneeId: 7, duplicateOfId: null })).toBe('assigned')
    expect(reopenedStatus({ kind: 'proposal', assigneeId: null, duplicateOfId: null })).toBe('new')
  })

  it('knows answered statuses apart from pending and merged ones', () => {
    for (const [, section] of sections)
      for (const s of section.answered) {
        expect(section.pending).not.toContain(s)
        expect(s).not.toBe(section.merged)
      }
    expect(isAnswered('message', 'closed')).toBe(true)
    expect(isAnswered('message', 'merged')).toBe(false)
    expect(isAnswered('message', 'returned')).toBe(false)
  })

  it('answers a duplicate with its main inquiry while merged or answered before', () => {
    expect(duplicateAnswerStatuses('message')).toEqual(['merged', 'replied'])
    expect(mergedStatuses()).toEqual(['merged'])
    expect(duplicateAnswerStatuses('disclosure')).toEqual([])
  })
})

describe('a second kind in the same shape', () => {
  // a made-up kind: its own statuses and pending set; only the rules that differ matter here
  const STATUSES = ['received', 'awaiting_correction', 'decided'] as const
  type S = (typeof STATUSES)[number]
  const everywhere = { statuses: STATUSES, role: 'responder', holder: 'anyone' } as const
  const TEST_KIND: KindLifecycle<S> = {
    statuses: STATUSES,
    pending: ['received', 'awaiting_correction'],
    answered: ['decided'],
    actions: {
      ...(Object.fromEntries(LIFECYCLE_ACTIONS.map((a) => [a, everywhere])) as Record<
        LifecycleAction,
        typeof everywhere
      >),
      reply: { statuses: ['received'], role: 'responder', holder: 'holder' },
      pause_clock: {
        statuses: ['received'],
        role: 'responder',
        holder: 'anyone',
        clock: 'running',
      },
      decide_extension: {
        statuses: ['received', 'awaiting_correction'],
        role: 'manager',
        holder: 'anyone',
      },
    },
  }
  const item = (status: S, patch: Partial<LifecycleSubject> = {}) =>
    message({ kind: 'test', status, ...patch })

  it('answers from its own section', () => {
    expect(canDoIn(TEST_KIND, 'reply', item('received'), viewer('responder'))).toEqual({ ok: true })
    expect(canDoIn(TEST_KIND, 'reply', item('awaiting_correction'), viewer('responder'))).toEqual({
      ok: false,
      reason: 'invalid_status',
    })
    expect(
      canDoIn(TEST_KIND, 'reply', item('received', { assigneeId: 99 }), viewer('responder')),
    ).toEqual({ ok: false, reason: 'not_holder' })
    expect(
      canDoIn(TEST_KIND, 'pause_clock', item('received', { pausedAt: 5 }), viewer('responder')),
    ).toEqual({ ok: false, reason: 'paused' })
    expect(canDoIn(TEST_KIND, 'decide_extension', item('decided'), viewer('manager'))).toEqual({
      ok: false,
      reason: 'invalid_status',
    })
    expect(canDoIn(TEST_KIND, 'decide_extension', item('received'), viewer('responder'))).toEqual({
      ok: false,
      reason: 'role',
    })
    expect(canDoIn(TEST_KIND, 'note', item('decided'), viewer('responder'))).toEqual({ ok: true })
  })

  it('says which of its statuses are pending', () => {
    expect(TEST_KIND.pending).toEqual(['received', 'awaiting_correction'])
    expect(MESSAGE_LIFECYCLE.pending).toEqual(['new', 'assigned'])
  })
})

describe('canHappen: what the desk does by itself on a later message', () => {
  it('reopens an answered message, not a pending, returned or merged one', () => {
    expect(canHappen('reopen_on_message', message({ status: 'replied' }))).toEqual({ ok: true })
    expect(canHappen('reopen_on_message', message({ status: 'closed', assigneeId: 3 }))).toEqual({
      ok: true,
    })
    for (const status of ['new', 'assigned', 'returned'])
      expect(canHappen('reopen_on_message', message({ status }))).toEqual({
        ok: false,
        reason: 'invalid_status',
      })
    expect(
      canHappen('reopen_on_message', message({ status: 'replied', duplicateOfId: 4 })),
    ).toEqual({ ok: false, reason: 'duplicate' })
  })

  it('urges what is pending only, and never a disclosure request', () => {
    expect(canHappen('urge', message({ status: 'assigned' }))).toEqual({ ok: true })
    expect(canHappen('urge', message({ status: 'replied' })).ok).toBe(false)
    expect(canHappen('urge', message({ kind: 'disclosure', status: 'new' })).ok).toBe(false)
    expect(
      canHappen('reopen_on_message', message({ kind: 'disclosure', status: 'replied' })).ok,
    ).toBe(false)
  })
})

describe('the disclosure section', () => {
  it('is answered by its decision, the other kinds by a reply', () => {
    expect(Object.keys(LIFECYCLES).filter((kind) => answeredByDecision(kind))).toEqual([
      'disclosure',
    ])
  })

  it('is received on a day, as a proposal is; a message (and an unknown kind) at a moment', () => {
    expect(
      Object.keys(LIFECYCLES)
        .filter((kind) => receivedOnDay(kind))
        .sort(),
    ).toEqual(['disclosure', 'proposal'])
    expect(receivedOnDay('message')).toBe(false)
    expect(receivedOnDay('unknown')).toBe(false)
  })

  const request = (patch: Partial<LifecycleSubject> = {}) =>
    message({ kind: 'disclosure', status: 'assigned', assigneeId: 7, ...patch })
  //                                                  new  assigned replied closed
  const DISCLOSURE: Partial<Record<LifecycleAction, string>> = {
    reply: /*          decide the outcome, once  */ 'rma rma ... ...',
    reopen: /*         the first decision stays  */ '... ... ... ...',
    return: /*         no 退单                    */ '... ... ... ...',
    follow_up: /*      no 回访                    */ '... ... ... ...',
    merge: /*          重复申请 is an outcome      */ '... ... ... ...',
    reopen_on_message: /* a new request        */ '... ... ... ...',
    urge: /*                                     */ '... ... ... ...',
    decide_extension: /* head of the office      */ '.ma .ma ... ...',
    close: /*                                    */ '... ... rma ...',
    draft_answer: /*   the answer document, decided */ '... ... rma ...',
    sign_off_answer: /* 签发 by a manager           */ '... ... .ma ...',
    send_back: /*      the document back to redraft */ '.ma .ma .ma .ma',
    record_delivery: /* 送达, also once closed      */ '... ... rma rma',
    record_review_case: /* 复议/诉讼, also 不作为    */ '.ma .ma .ma .ma',
    correct_outcome: /* decided, nothing signed yet */ '... ... .ma .ma',
  }
  it.each(Object.entries(DISCLOSURE))('%s by status and role', (action, row) => {
    DISCLOSURE_STATUSES.forEach((status, i) => {
      for (const role of ROLES) {
        const answer = canDo(action as LifecycleAction, request({ status }), viewer(role))
        expect(answer.ok, `${action} ${status} ${role}`).toBe(
          row.split(' ')[i]!.includes(LETTER[role]),
        )
      }
    })
  })
  it('resumes and pauses the clock by its holder, and leaves the outcome while paused to the clock (a lapsed 补正)', () => {
    expect(canDo('reply', request({ pausedAt: 5 }), viewer('responder'))).toEqual({ ok: true })
    expect(canDo('resume_clock', request({ pausedAt: 5 }), viewer('responder'))).toEqual({
      ok: true,
    })
    expect(canDo('pause_clock', request({ pausedAt: 5 }), viewer('responder'))).toEqual({
      ok: false,
      reason: 'paused',
    })
    expect(canDo('pause_clock', request({ assigneeId: 99 }), viewer('responder'))).toEqual({
      ok: false,
      reason: 'not_holder',
    })
  })
})
