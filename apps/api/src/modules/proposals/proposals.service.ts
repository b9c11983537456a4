/**
 * Suggestions and proposals (建议提案) as inquiries of kind `proposal` on the `proposals` channel:
 * registering an assignment (one by one, from a year's assignment list, or the 2017 seed), the
 * register of a year, one proposal with its consultations, and the year's counts for the annual
 * report. The inquiry takes the title, the deputy (as the citizen: masked alike in the queue; the
 * register names them), the assignment
 * date (as the receipt, 09:00 Beijing time) and 主办/协办 (as the category, which selects the
 * deadline policy); the rest is the `proposals` row, written in the same transaction.
 * An item's identity is the domain's proposalIdentity (source body, session, number normalised),
 * kept as its inquiry's external id on the proposals channel.
 * Errors: CONFLICT (a proposal of that identity exists), VALIDATION (an assignment date after
 * today), NOT_FOUND (no such proposal).
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  ASSIGNMENT_LIST_COLUMNS,
  PROPOSAL_CHANNEL,
  readAssignmentList,
  toZonedDate,
  PROPOSAL_ROLE_CATEGORY,
  isFutureAssignment,
  listedDueRule,
  proposalIdentity,
  proposalReference,
  startOfZonedDay,
  yearRange,
  addCalendarDays,
  zonedTimeToInstant,
  type NewInquiry,
  type ProposalInput,
  externalIdKey,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { deadlineResolver } from '../deadlines/deadlines.service.ts'
import { AppError } from '../../lib/errors.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { ingestInquiries, type IngestContext } from '../inquiries/ingest.service.ts'
import type { ImportFileInput } from '../imports/imports.service.ts'
import { readRegisterFile, type RegisterImportSummary } from '../imports/register-file.ts'
import * as repo from './proposals.repo.ts'

/** A proposal as registered, optionally with what was done already (the 2017 seed's answered items). */
export type ProposalRegistration = ProposalInput & {
  answered?: { category: 'A' | 'B' | 'C'; body: string; sentAt: number } | undefined
  opinion?: { sentOn: string; text: string } | undefined
}

/** The instant an item assigned on `assignedOn` is received: 09:00 Beijing time that day. */
const assignmentInstant = (assignedOn: string) => zonedTimeToInstant(assignedOn, undefined, 9)

/** The inquiry a proposal becomes. */
function inquiryOf(p: ProposalRegistration): NewInquiry {
  const sent =
    p.answered ??
    (p.opinion
      ? { body: p.opinion.text, sentAt: zonedTimeToInstant(p.opinion.sentOn, undefined, 17) }
      : undefined)
  return {
    kind: 'proposal',
    channelCode: PROPOSAL_CHANNEL.code,
    externalId: proposalIdentity(p),
    subject: p.title,
    body: p.body || p.title,
    receivedAt: assignmentInstant(p.assignedOn),
    citizenName: p.deputyName,
    citizenPhone: p.deputyContact,
    category: PROPOSAL_ROLE_CATEGORY[p.role],
    reply: sent ? { body: sent.body, repliedAt: sent.sentAt } : undefined,
    deadline: p.dueOn === undefined ? undefined : listedDueRule(p.assignedOn, p.dueOn),
  }
}

/**
 * Registers proposals in one transaction; one already registered (same proposalIdentity) is left
 * as it is. @returns per item its inquiry id and whether it was created now
 * @throws the driver's error (and writes nothing) when a write fails
 */
export async function registerProposals(
  db: Db,
  items: readonly ProposalRegistration[],
  ctx: IngestContext,
) {
  return await withTransaction(db, async (t) => {
    await ensureChannels(t, [PROPOSAL_CHANNEL], ctx.now)
    const results = await ingestInquiries(t, items.map(inquiryOf), ctx)
    for (const [i, r] of results.entries()) {
      const p = items[i]
      if (!r.created || !p) continue
      await repo.insertProposal(t, {
        inquiryId: r.id,
        source: p.source,
        session: p.session,
        number: p.number,
        role: p.role,
        leadUnit: p.role === 'co' ? (p.leadUnit ?? null) : null,
        isKey: p.isKey,
        assignedOn: p.assignedOn,
        opinionSentOn: p.opinion?.sentOn ?? null,
        opinionText: p.opinion?.text ?? null,
        answerCategory: p.answered?.category ?? null,
        answerText: p.answered?.body ?? null,
        answerSentAt: p.answered?.sentAt ?? null,
      })
      await repo.insertCoUnits(t, r.id, p.coUnits)
    }
    return results
  })
}

/**
 * Registers one proposal entered by `actorId`.
 * @throws AppError VALIDATION naming `assignedOn` when it is after today (Asia/Shanghai): the
 *   deadline runs from it; CONFLICT (`reason: 'duplicate'`, the existing item's `id` and
 *   `reference`) when an item of the same identity (source, session, number: proposalIdentity) is
 *   registered, e.g. 市人大's 十六届五次第0123号 entered again as 第123号
 */
export async function createProposal(db: Db, input: ProposalInput, actorId: number, now: number) {
  if (isFutureAssignment(input.assignedOn, toZonedDate(now)))
    throw new AppError('VALIDATION', `assignedOn ${input.assignedOn} is in the future`, [
      { path: ['assignedOn'], message: 'in the future' },
    ])
  const [r] = await registerProposals(db, [input], { actorId, now, eventType: 'received' })
  if (!r?.created) {
    const existing = r ? await repo.findProposal(db, r.id) : undefined
    const reference = existing
      ? `${existing.source} ${proposalReference(existing.session, existing.number)}`
      : proposalIdentity(input)
    throw new AppError(
      'CONFLICT',
      `${input.source} ${proposalReference(input.session, input.number)} is registered already as ${reference} (inquiry ${r?.id})`,
      { reason: 'duplicate', id: r?.id, reference },
    )
  }
  return { id: r.id }
}

/** The proposal facts of inquiry `id`, with its consultations. NOT_FOUND when it is not a proposal. */
export async function getProposal(db: Db, id: number) {
  const row = await repo.findProposal(db, id)
  if (!row) throw new AppError('NOT_FOUND', `Inquiry ${id} is not a suggestion or proposal`)
  const coUnits = (await repo.listCoUnits(db, [id])).get(id) ?? []
  return {
    ...row,
    reference: proposalReference(row.session, row.number),
    coUnits,
    // what the co-units owe the bureau: their opinions, by the co-unit (协办) deadline policy
    coUnitOpinionsDueAt:
      row.role === 'lead' && coUnits.length > 0
        ? await coUnitOpinionDueAt(db, row.assignedOn)
        : null,
    consultations: await repo.listConsultations(db, id),
  }
}

/** UTC ms a co-unit's opinion on an item assigned on `assignedOn` is due: the 协办 policy's date. */
async function coUnitOpinionDueAt(db: Db, assignedOn: string): Promise<number> {
  const dueFor = await deadlineResolver(db)
  const item = { channelCode: PROPOSAL_CHANNEL.code, externalId: '', subject: '', body: '' }
  return dueFor({
    ...item,
    kind: 'proposal',
    receivedAt: assignmentInstant(assignedOn),
    category: PROPOSAL_ROLE_CATEGORY.co,
  }).dueAt
}

/** UTC ms bounds of a year's Asia/Shanghai days: [1 Jan 00:00, next 1 Jan 00:00). */
function yearBounds(year: number) {
  const { from, to } = yearRange(year)
  return [startOfZonedDay(from), startOfZonedDay(addCalendarDays(to, 1))] as const
}

/**
 * The register of proposals assigned in `year`, newest first. Deputies' names are shown: they
 * act here in their public office (domain proposal.ts); their contact is not listed.
 */
export async function listProposals(db: Db, year: number) {
  const [from, to] = yearBounds(year)
  const rows = await repo.listProposalsAssigned(db, from, to)
  const coUnits = await repo.listCoUnits(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    ...r,
    // as the body wrote it (第0123号); the external id is the normalised identity
    reference: proposalReference(r.session, r.number),
    coUnits: coUnits.get(r.id) ?? [],
  }))
}

/**
 * Imports a year's assignment list (交办清单) from a CSV or XLSX file (columns: domain
 * proposal/assignment-import.ts): read and validate (any row error rejects the file: VALIDATION
 * naming row and column), check which items (proposalIdentity) the desk has (left as they are),
 * register the rest in one transaction — or stop before the write (`dryRun`).
 * @throws AppError VALIDATION (unreadable file, a limit, row errors), PAYLOAD_TOO_LARGE
 */
export async function importAssignmentList(
  db: Db,
  file: ImportFileInput,
  opts: { dryRun: boolean },
  ctx: IngestContext,
): Promise<RegisterImportSummary> {
  const today = toZonedDate(ctx.now)
  const items = await readRegisterFile(file, (headers, rows) =>
    readAssignmentList(headers, rows, today),
  )
  const known = await repo.listKnownReferences(
    db,
    PROPOSAL_CHANNEL.code,
    items.map((i) => proposalIdentity(i.value)),
  )
  const fresh = items
    .map((i) => i.value)
    .filter((p) => !known.has(externalIdKey(proposalIdentity(p))))
  const summary = { dryRun: opts.dryRun, rows: items.length, created: 0, existing: known.size }
  if (opts.dryRun || fresh.length === 0) return summary
  const results = await registerProposals(db, fresh, ctx)
  return { ...summary, created: results.filter((r) => r.created).length }
}

/**
 * The sample list's rows: a lead item with co-units, a co-unit item, a key proposal with its own
 * due date.
 */
const SAMPLE_ROWS: readonly (readonly string[])[] = [
  [
    '市十六届人大二次会议',
    '0123',
    '关于加快老旧小区改造的建议',
    '张某',
    '市人大',
    '主办',
    '',
    '市住建局、市财政局',
    '',
    '2024-03-15',
    '',
  ],
  [
    '市十六届人大二次会议',
    '0188',
    '关于优化公交线网的建议',
    '李某',
    '市人大',
    '协办',
    '市交通局',
    '',
    '',
    '2024-03-15',
    '',
  ],
  [
    '市政协十四届三次会议',
    '0042',
    '关于加强历史街区保护的提案',
    '王某',
    '市政协',
    '主办',
    '',
    '',
    '是',
    '2024-03-20',
    '2024-06-28',
  ],
]

/** The header and rows of the assignment list's sample (written as a spreadsheet by the route). */
export function assignmentListSample(): { headers: string[]; rows: (readonly string[])[] } {
  return { headers: ASSIGNMENT_LIST_COLUMNS.map((c) => c.headers[0]), rows: [...SAMPLE_ROWS] }
}
