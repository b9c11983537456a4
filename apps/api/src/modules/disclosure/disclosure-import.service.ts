/**
 * Requests entered from a register rather than one by one (a register kept in a spreadsheet, the
 * 2017 seed): the inquiry through the one ingest path (kind `disclosure`) on the disclosure office's
 * channel and the register row, in one transaction. A decided request is answered at its decision
 * and keeps it as its first decision; one still open (carried over past the register's year end)
 * is open in the queue with its statutory clock from its receipt date. An external id seen before
 * is not written again.
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  DISCLOSURE_CHANNEL,
  decisionInstant,
  readDisclosureRegister,
  startOfZonedDay,
  toZonedDate,
  type ApplicantType,
  type OutcomeCode,
  type ReceiptMethod,
  type ReviewCaseInput,
  type DisclosureRegisterRow,
  type ImportIssue,
  DISCLOSURE_REGISTER_COLUMNS,
  externalIdKey,
  importIssue,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import {
  ingestInquiries,
  type IngestContext,
  type IngestResult,
} from '../inquiries/ingest.service.ts'
import type { ImportFileInput } from '../imports/imports.service.ts'
import { readRegisterFile, type RegisterImportSummary } from '../imports/register-file.ts'
import * as repo from './disclosure.repo.ts'

export type RegisteredRequest = {
  externalId: string
  subject: string
  body: string
  applicantName: string
  applicantType: ApplicantType
  receiptMethod: ReceiptMethod
  /** The 第三十一条 receipt date, YYYY-MM-DD */
  receivedOn: string
  /** Its first decision; null: still open */
  decision: { outcome: OutcomeCode; /** UTC ms */ decidedAt: number } | null
}

const ANSWERED = '已依法答复。'

/** Writes the new ones. @returns one result per item (`created: false` for one seen before) */
export async function registerRequests(
  db: Db,
  items: readonly RegisteredRequest[],
  ctx: IngestContext,
): Promise<IngestResult[]> {
  return await withTransaction(db, async (t) => {
    await ensureChannels(t, [DISCLOSURE_CHANNEL], ctx.now)
    await repo.ensureOutcomeLabels(t, ctx.now)
    const inquiries = items.map((p) => ({
      kind: 'disclosure' as const,
      channelCode: DISCLOSURE_CHANNEL.code,
      externalId: p.externalId,
      subject: p.subject,
      body: p.body,
      receivedAt: startOfZonedDay(p.receivedOn),
      citizenName: p.applicantName,
      ...(p.decision && { reply: { body: ANSWERED, repliedAt: p.decision.decidedAt } }),
    }))
    const results = await ingestInquiries(t, inquiries, ctx)
    for (const [i, r] of results.entries()) {
      const p = items[i]
      if (!r.created || !p) continue
      await repo.insertRequest(t, {
        inquiryId: r.id,
        applicantType: p.applicantType,
        receiptMethod: p.receiptMethod,
        receivedOn: p.receivedOn,
        createdAt: ctx.now,
      })
      if (p.decision) await repo.setFirstDecision(t, r.id, p.decision.outcome, p.decision.decidedAt)
    }
    return results
  })
}

/** Files a concluded or pending case on a request that has none yet (idempotent seeding). */
export async function fileReviewCaseOnce(
  db: Db,
  inquiryId: number,
  c: Required<Omit<ReviewCaseInput, 'concludedOn' | 'version'>> & { concludedOn?: string },
  now: number,
) {
  if ((await repo.listReviewCasesOf(db, inquiryId)).length > 0) return
  const noon = (d: string) => startOfZonedDay(d) + 12 * 3_600_000
  await repo.insertReviewCase(db, {
    inquiryId,
    kind: c.kind,
    filedAt: noon(c.filedOn),
    result: c.result,
    concludedAt: c.concludedOn === undefined ? null : noon(c.concludedOn),
    note: c.note,
    createdAt: now,
    createdBy: null,
  })
}

/**
 * A known request's row whose decision differs from the one the desk records: a
 * `differs_from_desk` issue on 办理结果 (outcome, including decided vs still open), else on
 * 答复日期 (the decision day, Asia/Shanghai). The desk keeps its own: a decision is corrected on
 * the request's page (or through a review case), never by a file.
 */
function decisionDifferences(
  row: number,
  file: DisclosureRegisterRow,
  stored: repo.KnownDecision,
): ImportIssue[] {
  const storedDay = stored.decidedAt === null ? null : toZonedDate(stored.decidedAt)
  const field =
    file.outcome !== stored.outcome ? 'outcome' : file.decidedOn !== storedDay ? 'decidedOn' : null
  if (field === null) return []
  const idColumn = registerHeader('externalId')
  const column = registerHeader(field)
  const params = { idColumn, id: file.externalId, inquiryId: stored.inquiryId, column }
  return [importIssue('differs_from_desk', params, { row, column })]
}

/** The sample file's header of a register field. */
function registerHeader(field: 'externalId' | 'outcome' | 'decidedOn'): string {
  return DISCLOSURE_REGISTER_COLUMNS.find((c) => c.field === field)?.headers[0] ?? field
}

/**
 * Imports a year's register from a CSV or XLSX file (columns: domain disclosure/register-import.ts):
 * read and validate (any row error rejects the file: VALIDATION naming row and column), check which
 * register numbers the desk has (left as they are; those whose decision differs are listed in
 * `differing`), write the rest in one transaction — or stop
 * before the write (`dryRun`). A decision is recorded at domain `decisionInstant` of its day, which
 * decides the table's year; a row without one is a request still open (carried over), due by its
 * statutory clock from its receipt date.
 * @throws AppError VALIDATION (unreadable file, a limit, row errors), PAYLOAD_TOO_LARGE
 */
export async function importDisclosureRegister(
  db: Db,
  file: ImportFileInput,
  opts: { dryRun: boolean },
  ctx: IngestContext,
): Promise<RegisterImportSummary> {
  const today = toZonedDate(ctx.now)
  const items = await readRegisterFile(file, (headers, rows) =>
    readDisclosureRegister(headers, rows, today),
  )
  const known = await repo.listKnownDecisions(
    db,
    DISCLOSURE_CHANNEL.code,
    items.map((i) => i.value.externalId),
  )
  const fresh = items
    .filter((i) => !known.has(externalIdKey(i.value.externalId)))
    .map((i) => i.value)
  const differing = items.flatMap((i) => {
    const stored = known.get(externalIdKey(i.value.externalId))
    return stored ? decisionDifferences(i.row, i.value, stored) : []
  })
  const summary = {
    dryRun: opts.dryRun,
    rows: items.length,
    created: 0,
    existing: known.size,
    differing,
  }
  if (opts.dryRun || fresh.length === 0) return summary
  const results = await registerRequests(
    db,
    fresh.map((r) => ({
      externalId: r.externalId,
      subject: r.subject,
      body: r.subject,
      applicantName: r.applicantName,
      applicantType: r.applicantType,
      receiptMethod: r.receiptMethod,
      receivedOn: r.receivedOn,
      decision:
        r.outcome === null || r.decidedOn === null
          ? null
          : { outcome: r.outcome, decidedAt: decisionInstant(r.decidedOn, ctx.now) },
    })),
    ctx,
  )
  return { ...summary, created: results.filter((r) => r.created).length }
}
