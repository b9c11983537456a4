/**
 * The disclosure register in SQL: register rows, review cases, outcome labels, and the clock's
 * events read back from the audit trail (written by the inquiries module, read here only).
 */
import { externalIdKey, OUTCOMES, type DisclosureClockEvent, type OutcomeCode } from '@desk/domain'
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { externalIdIn } from '../../db/external-key.ts'
import { returnedRow } from '../../db/rows.ts'
import { changedRows } from '../../db/dialect.ts'

export type RequestRow = typeof schema.disclosureRequests.$inferSelect
export type ReviewCaseRow = typeof schema.disclosureReviewCases.$inferSelect

export async function insertRequest(db: Db, row: typeof schema.disclosureRequests.$inferInsert) {
  const { disclosureRequests } = tables(db)
  await db.insert(disclosureRequests).values(row).onConflictDoNothing()
}

export async function findRequest(db: Db, inquiryId: number): Promise<RequestRow | undefined> {
  const { disclosureRequests } = tables(db)
  return (
    await db
      .select()
      .from(disclosureRequests)
      .where(eq(disclosureRequests.inquiryId, inquiryId))
      .limit(1)
  )[0]
}

/** Records the first decision; a request decided already keeps it (returns false). */
export async function setFirstDecision(
  db: Db,
  inquiryId: number,
  outcome: OutcomeCode,
  decidedAt: number,
): Promise<boolean> {
  const { disclosureRequests } = tables(db)
  const res = await db
    .update(disclosureRequests)
    .set({ outcome, decidedAt })
    .where(and(eq(disclosureRequests.inquiryId, inquiryId), isNull(disclosureRequests.decidedAt)))
  return changedRows(res) === 1
}

/**
 * Replaces a decided request's outcome (a correction before sign-off); its decision day stays.
 * @returns the outcome it replaced, or null when the request is not decided
 */
export async function correctOutcome(
  db: Db,
  inquiryId: number,
  outcome: OutcomeCode,
): Promise<OutcomeCode | null> {
  const { disclosureRequests } = tables(db)
  const [before] = await db
    .select({ outcome: disclosureRequests.outcome })
    .from(disclosureRequests)
    .where(eq(disclosureRequests.inquiryId, inquiryId))
    .limit(1)
  if (!before?.outcome) return null
  await db
    .update(disclosureRequests)
    .set({ outcome })
    .where(eq(disclosureRequests.inquiryId, inquiryId))
  return before.outcome
}

export const CLOCK_EVENT_TYPES = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'disclosure_extended',
  'outcome_decided',
] as const
export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number]

/** The audit-trail type each clock event is stored under (toClockEvent reads it back). */
export const AUDIT_TYPE_OF: Record<DisclosureClockEvent['type'], ClockEventType> = {
  correction_requested: 'correction_requested',
  correction_received: 'correction_received',
  consultation_started: 'consultation_started',
  consultation_ended: 'consultation_ended',
  extended: 'disclosure_extended',
  decided: 'outcome_decided',
}

/** A clock event from its audit-trail type and data (as stored, or as about to be stored). */
export const toClockEvent = (
  type: ClockEventType,
  d: Record<string, unknown>,
): DisclosureClockEvent => {
  const on = String(d.on)
  switch (type) {
    case 'correction_requested':
      return { type, on, answerBy: String(d.answerBy) }
    case 'correction_received':
    case 'consultation_ended':
      return { type, on }
    case 'consultation_started':
      return { type, on, party: d.party === 'agency' ? 'agency' : 'third_party' }
    case 'disclosure_extended':
      return { type: 'extended', on, workingDays: Number(d.workingDays) }
    case 'outcome_decided':
      return { type: 'decided', on }
  }
}

/** The request's clock events from its audit trail, in order. */
export async function listClockEvents(db: Db, inquiryId: number): Promise<DisclosureClockEvent[]> {
  const { inquiryEvents } = tables(db)
  return (
    await db
      .select({ type: inquiryEvents.type, data: inquiryEvents.data })
      .from(inquiryEvents)
      .where(
        and(
          eq(inquiryEvents.inquiryId, inquiryId),
          inArray(inquiryEvents.type, [...CLOCK_EVENT_TYPES]),
        ),
      )
      .orderBy(asc(inquiryEvents.id))
  ).map((e) =>
    toClockEvent(e.type as ClockEventType, JSON.parse(e.data) as Record<string, unknown>),
  )
}

/**
 * The requests a year's table can count: received by its last day and not decided before its
 * first instant. `yearStart`/`yearEnd`: UTC ms of the year's bounds in Asia/Shanghai.
 */
export async function listTableRecords(db: Db, lastDay: string, yearStart: number) {
  const { disclosureRequests } = tables(db)
  return await db
    .select({
      id: disclosureRequests.inquiryId,
      applicantType: disclosureRequests.applicantType,
      receivedOn: disclosureRequests.receivedOn,
      decidedAt: disclosureRequests.decidedAt,
      outcome: disclosureRequests.outcome,
    })
    .from(disclosureRequests)
    .where(
      and(
        lte(disclosureRequests.receivedOn, lastDay),
        or(isNull(disclosureRequests.decidedAt), gte(disclosureRequests.decidedAt, yearStart)),
      ),
    )
}

/** Register rows (with the inquiry's subject, applicant and status) of the given request ids, by id. */
export async function listRegisterRows(db: Db, ids: readonly number[]) {
  const { channels, disclosureRequests, inquiries } = tables(db)
  if (ids.length === 0) return []
  return await db
    .select({
      id: inquiries.id,
      subject: inquiries.subject,
      applicantName: inquiries.citizenName,
      channelCode: inquiries.channelCode,
      channelNameZh: channels.nameZh,
      channelNameEn: channels.nameEn,
      status: inquiries.status,
      dueAt: inquiries.dueAt,
      applicantType: disclosureRequests.applicantType,
      receiptMethod: disclosureRequests.receiptMethod,
      receivedOn: disclosureRequests.receivedOn,
      outcome: disclosureRequests.outcome,
      decidedAt: disclosureRequests.decidedAt,
    })
    .from(disclosureRequests)
    .innerJoin(inquiries, eq(inquiries.id, disclosureRequests.inquiryId))
    .innerJoin(channels, eq(channels.code, inquiries.channelCode))
    .where(inArray(disclosureRequests.inquiryId, [...ids]))
    .orderBy(asc(disclosureRequests.inquiryId))
}

export async function insertReviewCase(
  db: Db,
  row: typeof schema.disclosureReviewCases.$inferInsert,
): Promise<ReviewCaseRow> {
  const { disclosureReviewCases } = tables(db)
  return returnedRow(await db.insert(disclosureReviewCases).values(row).returning())
}

/** Gives pending case `id` its result; false when it is not pending (concluded meanwhile). */
export async function concludeReviewCase(
  db: Db,
  id: number,
  patch: { result: ReviewCaseRow['result']; concludedAt: number; note: string },
): Promise<boolean> {
  const { disclosureReviewCases } = tables(db)
  const res = await db
    .update(disclosureReviewCases)
    .set(patch)
    .where(and(eq(disclosureReviewCases.id, id), eq(disclosureReviewCases.result, 'pending')))
  return changedRows(res) === 1
}

export async function listReviewCasesOf(db: Db, inquiryId: number): Promise<ReviewCaseRow[]> {
  const { disclosureReviewCases } = tables(db)
  return await db
    .select()
    .from(disclosureReviewCases)
    .where(eq(disclosureReviewCases.inquiryId, inquiryId))
    .orderBy(asc(disclosureReviewCases.id))
}

/** Cases filed between two instants (UTC ms, inclusive bounds). */
export async function listReviewCasesFiled(
  db: Db,
  from: number,
  to: number,
): Promise<ReviewCaseRow[]> {
  const { disclosureReviewCases } = tables(db)
  return await db
    .select()
    .from(disclosureReviewCases)
    .where(and(gte(disclosureReviewCases.filedAt, from), lte(disclosureReviewCases.filedAt, to)))
    .orderBy(asc(disclosureReviewCases.id))
}

/** Adds the domain's outcome labels that are not stored yet (an admin's edits stay). */
export async function ensureOutcomeLabels(db: Db, now: number) {
  const { disclosureOutcomeLabels } = tables(db)
  for (const o of OUTCOMES) {
    await db
      .insert(disclosureOutcomeLabels)
      .values({
        code: o.code,
        labelZh: o.zh,
        labelEn: o.en,
        source: o.source,
        verified: o.verified,
        updatedAt: now,
      })
      .onConflictDoNothing()
  }
}

export async function listOutcomeLabels(db: Db) {
  const { disclosureOutcomeLabels } = tables(db)
  return await db.select().from(disclosureOutcomeLabels)
}

export async function updateOutcomeLabel(
  db: Db,
  code: OutcomeCode,
  patch: { labelZh?: string; labelEn?: string },
  by: number,
  now: number,
) {
  const { disclosureOutcomeLabels } = tables(db)
  return (
    await db
      .update(disclosureOutcomeLabels)
      .set({ ...patch, updatedBy: by, updatedAt: now })
      .where(eq(disclosureOutcomeLabels.code, code))
      .returning()
  )[0]
}

/**
 * The staff's note on the request's outcome as it stands: the one written with its decision, or
 * with the latest correction of it ('' when none was written or it was imported).
 */
export async function findDecisionNote(db: Db, inquiryId: number): Promise<string> {
  const { inquiryEvents } = tables(db)
  const [row] = await db
    .select({ data: inquiryEvents.data })
    .from(inquiryEvents)
    .where(
      and(
        eq(inquiryEvents.inquiryId, inquiryId),
        inArray(inquiryEvents.type, ['outcome_decided', 'outcome_corrected']),
      ),
    )
    .orderBy(desc(inquiryEvents.id))
    .limit(1)
  const note = row ? (JSON.parse(row.data) as { note?: unknown }).note : undefined
  return typeof note === 'string' ? note : ''
}

/** Which of `externalIds` the desk has on `channelCode` already, as domain `externalIdKey`s. */
/**
 * The recorded decision of each request of `channelCode` whose external id is among `externalIds`,
 * keyed by externalIdKey: its inquiry, outcome and decision instant (null both: still open).
 */
export async function listKnownDecisions(
  db: Db,
  channelCode: string,
  externalIds: readonly string[],
): Promise<Map<string, KnownDecision>> {
  const { inquiries, disclosureRequests } = tables(db)
  const known = new Map<string, KnownDecision>()
  // in slices: SQLite binds at most 32,766 parameters a statement
  for (let i = 0; i < externalIds.length; i += 500) {
    const rows = await db
      .select({
        externalId: inquiries.externalId,
        inquiryId: inquiries.id,
        outcome: disclosureRequests.outcome,
        decidedAt: disclosureRequests.decidedAt,
      })
      .from(inquiries)
      .leftJoin(disclosureRequests, eq(disclosureRequests.inquiryId, inquiries.id))
      .where(
        and(
          eq(inquiries.channelCode, channelCode),
          externalIdIn(db, externalIds.slice(i, i + 500)),
        ),
      )
    for (const { externalId, ...decision } of rows) known.set(externalIdKey(externalId), decision)
  }
  return known
}

/** A known request's recorded decision (outcome and decidedAt null: still open; UTC ms). */
export type KnownDecision = {
  inquiryId: number
  outcome: OutcomeCode | null
  decidedAt: number | null
}
