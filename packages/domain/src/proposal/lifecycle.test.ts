import { describe, expect, it } from 'vitest'
import {
  LIFECYCLE_ACTIONS,
  PROPOSAL_STATUSES,
  canDo,
  type LifecycleAction,
  type LifecycleSubject,
} from '../inquiry/lifecycle.ts'
import type { UserRole } from '../user.ts'

// the separated roles (安全管理员, 审计管理员) may do nothing to an inquiry: no cell names their letters
const ROLES: readonly UserRole[] = ['responder', 'manager', 'admin', 'security_admin', 'auditor']
const LETTER: Record<UserRole, string> = {
  responder: 'r',
  manager: 'm',
  admin: 'a',
  security_admin: 's',
  auditor: 'u',
}
const viewer = (role: UserRole) => ({ id: 7, role, departmentId: 1 })
const proposal = (
  category: '主办' | '协办',
  patch: Partial<LifecycleSubject> = {},
): LifecycleSubject => ({
  kind: 'proposal',
  category,
  status: 'new',
  assigneeId: null,
  departmentId: null,
  duplicateOfId: null,
  pausedAt: null,
  ...patch,
})

/**
 * Who may take each action on an unclaimed suggestion or proposal, per status, for the lead unit
 * (主办) | a co-unit (协办): r = responder, m = manager, a = admin, . = nobody. Written out by hand
 * from the handling rules (assigned -> co-unit opinion -> consultation -> answer drafted, signed off
 * and sent -> rating -> closed; re-handled when 不满意).
 */
//                            lead: new assigned replied closed returned | co-unit: the same
const EXPECTED: Record<LifecycleAction, string> = {
  claim: /*               */ 'rma rma ... ... ... | rma rma ... ... ...',
  release: /*             */ '... ... ... ... ... | ... ... ... ... ...',
  assign: /*              */ '.ma .ma ... ... ... | .ma .ma ... ... ...',
  transfer: /*            */ 'rma rma ... ... ... | rma rma ... ... ...',
  recategorise: /*        */ '... ... ... ... ... | ... ... ... ... ...',
  return: /*              */ 'rma rma ... ... ... | rma rma ... ... ...',
  reply: /*               */ '... ... ... ... ... | ... ... ... ... ...',
  submit_draft: /*        */ '... ... ... ... ... | ... ... ... ... ...',
  approve: /*             */ '... ... ... ... ... | ... ... ... ... ...',
  send_back: /*           */ '... ... ... ... ... | ... ... ... ... ...',
  close: /*               */ '... ... rma ... ... | ... ... rma ... ...',
  reopen: /*              */ '... ... rma rma rma | ... ... rma rma rma',
  pause_clock: /*         */ '... ... ... ... ... | ... ... ... ... ...',
  resume_clock: /*        */ '... ... ... ... ... | ... ... ... ... ...',
  request_extension: /*   */ 'rma rma ... ... ... | rma rma ... ... ...',
  decide_extension: /*    */ '.ma .ma ... ... ... | .ma .ma ... ... ...',
  follow_up: /*           */ '... ... ... ... ... | ... ... ... ... ...',
  merge: /*               */ '... ... ... ... ... | ... ... ... ... ...',
  mark_posted: /*         */ '... ... ... ... ... | ... ... ... ... ...',
  note: /*                */ 'rma rma rma rma rma | rma rma rma rma rma',
  reveal_contact: /*      */ 'rma rma rma rma rma | rma rma rma rma rma',
  reopen_on_message: /*   */ '... ... ... ... ... | ... ... ... ... ...',
  urge: /*                */ 'rma rma ... ... ... | rma rma ... ... ...',
  send_opinion: /*        */ '... ... ... ... ... | rma rma ... ... ...',
  record_consultation: /* */ 'rma rma ... ... ... | rma rma ... ... ...',
  draft_answer: /*        */ 'rma rma ... ... ... | ... ... ... ... ...',
  sign_off_answer: /*     */ '.ma .ma ... ... ... | ... ... ... ... ...',
  rate: /*                */ '... ... rma ... ... | ... ... ... ... ...',
  record_delivery: /*     */ '... ... ... ... ... | ... ... ... ... ...',
  record_review_case: /*  */ '... ... ... ... ... | ... ... ... ... ...',
  correct_outcome: /*     */ '... ... ... ... ... | ... ... ... ... ...',
}

describe('the proposal lifecycle, every action × status × role for lead and co-unit items', () => {
  const cells = LIFECYCLE_ACTIONS.flatMap((action) =>
    (['主办', '协办'] as const).flatMap((category, half) =>
      PROPOSAL_STATUSES.flatMap((status, i) =>
        ROLES.map((role) => ({
          action,
          category,
          status,
          role,
          allowed: EXPECTED[action].split(' | ')[half]!.split(' ')[i]!.includes(LETTER[role]),
        })),
      ),
    ),
  )
  it.each(cells)(
    '$action on a $category item in $status by a $role: $allowed',
    ({ action, category, status, role, allowed }) => {
      expect(canDo(action, proposal(category, { status }), viewer(role)).ok).toBe(allowed)
    },
  )

  it("says why: the other role's step, a manager's sign-off, another holder", () => {
    expect(canDo('draft_answer', proposal('协办'), viewer('responder'))).toEqual({
      ok: false,
      reason: 'category',
    })
    expect(canDo('send_opinion', proposal('主办'), viewer('manager'))).toEqual({
      ok: false,
      reason: 'category',
    })
    expect(canDo('sign_off_answer', proposal('主办'), viewer('responder'))).toEqual({
      ok: false,
      reason: 'role',
    })
    expect(
      canDo(
        'draft_answer',
        proposal('主办', { status: 'assigned', assigneeId: 99 }),
        viewer('responder'),
      ),
    ).toEqual({ ok: false, reason: 'not_holder' })
    expect(canDo('reply', proposal('主办'), viewer('manager'))).toEqual({
      ok: false,
      reason: 'invalid_status',
    })
  })
})
