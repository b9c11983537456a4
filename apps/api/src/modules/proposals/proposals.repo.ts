/**
 * Suggestions and proposals (建议提案) in SQL: the `proposals`, `proposal_co_units` and
 * `proposal_consultations` rows.
 */
import { externalIdKey } from '@desk/domain'
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm'
import { externalIdIn } from '../../db/external-key.ts'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

export type ProposalRow = typeof schema.proposals.$inferSelect
export type ProposalInsert = typeof schema.proposals.$inferInsert
export type ConsultationInsert = typeof schema.proposalConsultations.$inferInsert

export async function insertProposal(db: Db, row: ProposalInsert) {
  const { proposals } = tables(db)
  await db.insert(proposals).values(row)
}

export async function findProposal(db: Db, inquiryId: number): Promise<ProposalRow | undefined> {
  const { proposals } = tables(db)
  return (await db.select().from(proposals).where(eq(proposals.inquiryId, inquiryId)).limit(1))[0]
}

export async function updateProposal(
  db: Db,
  inquiryId: number,
  patch: Partial<Omit<ProposalInsert, 'inquiryId'>>,
) {
  const { proposals } = tables(db)
  await db.update(proposals).set(patch).where(eq(proposals.inquiryId, inquiryId))
}

export async function insertConsultation(db: Db, row: ConsultationInsert): Promise<number> {
  const { proposalConsultations } = tables(db)
  return returnedRow(
    await db.insert(proposalConsultations).values(row).returning({ id: proposalConsultations.id }),
  ).id
}

export async function listConsultations(db: Db, inquiryId: number) {
  const { proposalConsultations, users } = tables(db)
  return await db
    .select({
      id: proposalConsultations.id,
      heldOn: proposalConsultations.heldOn,
      form: proposalConsultations.form,
      participants: proposalConsultations.participants,
      note: proposalConsultations.note,
      createdBy: users.displayName,
      createdAt: proposalConsultations.createdAt,
    })
    .from(proposalConsultations)
    .leftJoin(users, eq(users.id, proposalConsultations.createdBy))
    .where(eq(proposalConsultations.inquiryId, inquiryId))
    .orderBy(asc(proposalConsultations.id))
}

/**
 * The proposals assigned in [fromMs, toMs) (UTC ms of the assignment = the inquiry's receipt), with
 * the inquiry's columns a register lists, newest first.
 */
export async function listProposalsAssigned(db: Db, fromMs: number, toMs: number) {
  const { inquiries, proposals } = tables(db)
  return await db
    .select({
      id: inquiries.id,
      session: proposals.session,
      number: proposals.number,
      title: inquiries.subject,
      deputyName: inquiries.citizenName,
      status: inquiries.status,
      dueAt: inquiries.dueAt,
      repliedAt: inquiries.repliedAt,
      version: inquiries.version,
      source: proposals.source,
      role: proposals.role,
      leadUnit: proposals.leadUnit,
      isKey: proposals.isKey,
      assignedOn: proposals.assignedOn,
      answerCategory: proposals.answerCategory,
      rating: proposals.rating,
    })
    .from(proposals)
    .innerJoin(inquiries, eq(inquiries.id, proposals.inquiryId))
    .where(and(gte(inquiries.receivedAt, fromMs), lt(inquiries.receivedAt, toMs)))
    .orderBy(desc(inquiries.receivedAt), desc(inquiries.id))
}

/**
 * Which of `references` (external ids: domain proposalIdentity) the desk has on `channelCode`
 * already, as domain `externalIdKey`s (compared without ASCII case).
 */
export async function listKnownReferences(
  db: Db,
  channelCode: string,
  references: readonly string[],
): Promise<Set<string>> {
  const { inquiries } = tables(db)
  const known = new Set<string>()
  // in slices: SQLite binds at most 32,766 parameters a statement
  for (let i = 0; i < references.length; i += 500) {
    const rows = await db
      .select({ externalId: inquiries.externalId })
      .from(inquiries)
      .where(
        and(eq(inquiries.channelCode, channelCode), externalIdIn(db, references.slice(i, i + 500))),
      )
    for (const r of rows) known.add(externalIdKey(r.externalId))
  }
  return known
}

/** Writes the co-units of proposal `inquiryId` (positions 0…), in the caller's transaction. */
export async function insertCoUnits(db: Db, inquiryId: number, units: readonly string[]) {
  if (units.length === 0) return
  const { proposalCoUnits } = tables(db)
  await db
    .insert(proposalCoUnits)
    .values(units.map((unit, position) => ({ inquiryId, position, unit })))
}

/** The co-units of each of `inquiryIds`, in their order (ids without co-units are absent). */
export async function listCoUnits(
  db: Db,
  inquiryIds: readonly number[],
): Promise<Map<number, string[]>> {
  const { proposalCoUnits } = tables(db)
  const byId = new Map<number, string[]>()
  // in slices: SQLite binds at most 32,766 parameters a statement
  for (let i = 0; i < inquiryIds.length; i += 500) {
    const rows = await db
      .select({ inquiryId: proposalCoUnits.inquiryId, unit: proposalCoUnits.unit })
      .from(proposalCoUnits)
      .where(inArray(proposalCoUnits.inquiryId, inquiryIds.slice(i, i + 500)))
      .orderBy(asc(proposalCoUnits.inquiryId), asc(proposalCoUnits.position))
    for (const r of rows) byId.set(r.inquiryId, [...(byId.get(r.inquiryId) ?? []), r.unit])
  }
  return byId
}
