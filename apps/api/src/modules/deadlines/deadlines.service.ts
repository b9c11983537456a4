/**
 * Deadline policies and the due dates of inquiries (sources in the domain's default-policies.ts). New inquiries get the most
 * specific policy for their kind, channel, category and receipt date (`selectPolicy`), else the
 * desk's fallback rule; the rule is stored with the inquiry as a snapshot, so a later policy edit
 * moves no open deadline. Errors: NOT_FOUND (policy), VALIDATION (an edit that breaks the rule).
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  addCalendarDays,
  addWorkingDays,
  computeDueAt,
  dependsOnReceiptDateOnly,
  DEFAULT_DEADLINE_POLICIES,
  deadlinePolicySchema,
  FALLBACK_POLICY,
  formatInstant,
  scopesOverlap,
  selectPolicy,
  startOfZonedDay,
  toZonedDate,
  type DeadlinePolicy,
  type InquiryKind,
  type DeadlineRule,
  type DueWindow,
  type NewInquiry,
  type UpdateDeadlinePolicyInput,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { toDetails } from '../../lib/validate.ts'
import { ensureCalendar, loadCalendar } from '../calendar/calendar.service.ts'
import { listChannelCodes } from '../channels/channels.service.ts'
import { deadlineOf, ruleOf } from './deadline-of.ts'
import * as repo from './deadlines.repo.ts'

const ruleSnapshot = (r: DeadlineRule): string =>
  JSON.stringify({
    rule: r.rule,
    amount: r.amount,
    start: r.start,
    endOfDay: r.endOfDay,
    extensionAmount: r.extensionAmount,
    source: r.source,
  })

/** Deadline columns of a new inquiry. */
export type NewDeadline = {
  dueAt: number
  kind: InquiryKind
  deadlinePolicyId: number | null
  deadlineRule: string
}

/**
 * A function giving the deadline columns of new inquiries: the rule the item brings (`deadline`,
 * no policy), else its policy's; reads the calendar and policies once (call it inside the ingest
 * transaction, once per batch).
 */
export async function deadlineResolver(db: Db): Promise<(item: NewInquiry) => NewDeadline> {
  const cal = await loadCalendar(db)
  const policies = await repo.listPolicies(db)
  // an import of a year meets each (policy, receipt day) many times: day-based rules are computed once
  const dueByDay = new Map<string, number>()
  const snapshots = new Map<DeadlineRule, string>()
  const snapshotOf = (rule: DeadlineRule) => {
    let snapshot = snapshots.get(rule)
    if (snapshot === undefined) snapshots.set(rule, (snapshot = ruleSnapshot(rule)))
    return snapshot
  }
  return (item) => {
    const kind = item.kind ?? 'message'
    const receivedDate = toZonedDate(item.receivedAt)
    const scope = {
      kind,
      channelCode: item.channelCode,
      category: item.category ?? null,
      receivedDate,
    }
    if (item.deadline) {
      const dueAt = computeDueAt(item.deadline, item.receivedAt, cal)
      return { dueAt, kind, deadlinePolicyId: null, deadlineRule: ruleSnapshot(item.deadline) }
    }
    const policy = selectPolicy(policies, scope)
    const rule = policy ?? FALLBACK_POLICY
    let dueAt: number
    if (dependsOnReceiptDateOnly(rule)) {
      const key = `${policy?.id ?? 'fallback'}|${receivedDate}`
      dueAt = dueByDay.get(key) ?? computeDueAt(rule, item.receivedAt, cal)
      dueByDay.set(key, dueAt)
    } else dueAt = computeDueAt(rule, item.receivedAt, cal)
    return { dueAt, kind, deadlinePolicyId: policy?.id ?? null, deadlineRule: snapshotOf(rule) }
  }
}

/**
 * Seeds the default policies (DEFAULT_DEADLINE_POLICIES) of every kind that has no policy yet: all
 * of them on a new desk, and on an existing one those of a kind added since (its admin's edits of
 * the other kinds stay). @returns rows added
 */
export async function ensureDefaultPolicies(db: Db, now: number): Promise<number> {
  const missing: (typeof DEFAULT_DEADLINE_POLICIES)[number][] = []
  for (const p of DEFAULT_DEADLINE_POLICIES)
    if ((await repo.countPolicies(db, p.kind)) === 0) missing.push(p)
  await withTransaction(db, async (tx) => {
    for (const p of missing) await repo.insertPolicy(tx, p, { by: null, at: now })
  })
  return missing.length
}

export async function listDeadlinePolicies(db: Db) {
  return await repo.listPolicies(db)
}

/**
 * Adds a policy (admin).
 * @throws AppError VALIDATION for a channel that does not exist; CONFLICT when a policy of the same
 *   kind, channel and category has an overlapping validity: only the first of the two would apply
 */
export async function createDeadlinePolicy(db: Db, p: DeadlinePolicy, userId: number, now: number) {
  if (p.channelCode !== null && !(await listChannelCodes(db)).includes(p.channelCode)) {
    throw new AppError('VALIDATION', `Unknown channel ${p.channelCode}`, [
      { path: ['channelCode'], message: 'unknown channel' },
    ])
  }
  const twin = (await repo.listPolicies(db)).find((q) => scopesOverlap(q, p))
  if (twin)
    throw new AppError(
      'CONFLICT',
      `Policy ${twin.id} already applies to these inquiries in an overlapping period`,
      { policyId: twin.id },
    )
  const id = await repo.insertPolicy(db, p, { by: userId, at: now })
  return await repo.findPolicy(db, id)
}

/**
 * Changes a policy's rule (admin); applies to inquiries received from now on.
 * @throws AppError NOT_FOUND, VALIDATION (the merged rule is inconsistent, e.g. hours with an end-of-day time)
 */
export async function updateDeadlinePolicy(
  db: Db,
  id: number,
  patch: UpdateDeadlinePolicyInput,
  userId: number,
  now: number,
) {
  const current = await repo.findPolicy(db, id)
  if (!current) throw new AppError('NOT_FOUND', `Deadline policy ${id} does not exist`)
  const merged = deadlinePolicySchema.safeParse({ ...current, ...patch })
  if (!merged.success) {
    const details = toDetails(merged.error)
    throw new AppError(
      'VALIDATION',
      `Invalid policy: ${details.map((d) => `${d.path.join('.')}: ${d.message}`).join('; ')}`,
      details,
    )
  }
  await repo.updatePolicy(db, id, merged.data, { by: userId, at: now })
  return await repo.findPolicy(db, id)
}

/**
 * The deadline block of the inquiry page: kind, policy, rule, the explanation of the due date,
 * the rule's extension amount, pauses and extension requests. Null when the inquiry does not exist.
 * `known`: the inquiry's deadline columns when the caller has read them already (the page reads
 * the whole row; on PostgreSQL each statement is a round trip that costs more than its query).
 */
export async function getDeadlineView(db: Db, inquiryId: number, known?: repo.InquiryDeadlineRow) {
  const row = known ?? (await repo.findInquiryDeadline(db, inquiryId))
  if (!row) return null
  const { explanation } = await deadlineOf(db, row, await loadCalendar(db))
  return {
    kind: row.kind,
    policyId: row.deadlinePolicyId,
    pausedAt: row.pausedAt === null ? null : formatInstant(row.pausedAt),
    explanation,
    // what an approved extension adds (null: the rule allows none), for the SPA's 申请延期
    extensionAmount: ruleOf(row).extensionAmount,
    pauses: (await repo.listPauses(db, inquiryId)).map((p) => ({
      reason: p.reason,
      pausedAt: formatInstant(p.pausedAt),
      resumedAt: p.resumedAt === null ? null : formatInstant(p.resumedAt),
    })),
    extensions: (await repo.listExtensions(db, inquiryId)).map((e) => ({
      ...e,
      requestedAt: formatInstant(e.requestedAt),
      decidedAt: e.decidedAt === null ? null : formatInstant(e.decidedAt),
      oldDueAt: e.oldDueAt === null ? null : formatInstant(e.oldDueAt),
      newDueAt: e.newDueAt === null ? null : formatInstant(e.newDueAt),
    })),
  }
}

/**
 * The due-date window of the queue's `due` filter at instant `now`: `overdue` is due before now;
 * a number N is due from now to the end of the N-th working day after today (0: the end of today).
 * Paused inquiries are in neither (the predicate excludes them).
 */
export async function resolveDueWindow(
  db: Db,
  due: 'overdue' | number,
  now: number,
): Promise<DueWindow> {
  if (due === 'overdue') return { before: now }
  const today = toZonedDate(now)
  const lastDay = due === 0 ? today : addWorkingDays(await loadCalendar(db), today, due)
  return { notBefore: now, before: startOfZonedDay(addCalendarDays(lastDay, 1)) }
}

/** `filter` with its `due` resolved to a `dueWindow` at `now` (unchanged without `due`). */
export async function withDueWindow<F extends { due?: 'overdue' | number | undefined }>(
  db: Db,
  filter: F,
  now: number,
): Promise<F & { dueWindow?: DueWindow }> {
  return filter.due === undefined
    ? filter
    : { ...filter, dueWindow: await resolveDueWindow(db, filter.due, now) }
}

/**
 * First start: the calendar 2017–2026 from `chinese-days` and the default policies, each only when
 * its table is empty. Call after the channels exist (policies name channels).
 */
export async function ensureDeadlineSetup(
  db: Db,
  now: number,
): Promise<{ years: number; policies: number }> {
  return { years: await ensureCalendar(db, now), policies: await ensureDefaultPolicies(db, now) }
}
