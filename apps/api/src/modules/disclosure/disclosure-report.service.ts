/**
 * The national annual-report table of disclosure requests (sections 三 and 四, computed by the
 * domain from the register), each cell with its labels and the register link that lists exactly
 * its requests (or cases); the report sentences; the outcome labels an admin may correct (filing
 * and concluding cases: disclosure-review-cases.service.ts). Counting rules:
 * packages/domain/src/disclosure/annual-table.ts. Errors: NOT_FOUND (unknown outcome code).
 */
import {
  OUTCOME_CODES,
  outcomeRowLabel,
  REVIEW_COLUMNS,
  REVIEW_COLUMN_LABELS,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  TABLE_COLUMNS,
  TABLE_ROWS,
  computeSectionFour,
  computeSectionThree,
  formatIntakeSentence,
  formatReviewSentence,
  outcomeRow,
  startOfZonedDay,
  tableColumnLabel,
  tableRowLabel,
  toZonedDate,
  type DisclosureRecord,
  type OutcomeCode,
  type OutcomeLabelInput,
  type ReviewCase,
  type TableColumn,
  type TableRow,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import * as answers from './disclosure-answers.repo.ts'
import * as repo from './disclosure.repo.ts'

function bounds(year: number) {
  const start = startOfZonedDay(`${year}-01-01`)
  const end = startOfZonedDay(`${year + 1}-01-01`) - 1
  return { start, end, lastDay: `${year}-12-31` }
}

/** Stores the domain's outcome labels a new desk starts with (an admin's corrections stay). */
export async function ensureDisclosureSetup(db: Db, now: number) {
  await repo.ensureOutcomeLabels(db, now)
}

/** The outcome labels as stored (an admin's corrections over the domain's wording). */
export async function listOutcomeLabels(db: Db) {
  const stored = new Map((await repo.listOutcomeLabels(db)).map((l) => [l.code, l]))
  return OUTCOME_CODES.map((code) => {
    const o = outcomeRow(code)
    const s = stored.get(code)
    return {
      code,
      group: o.group,
      n: o.n,
      labelZh: s?.labelZh ?? o.zh,
      labelEn: s?.labelEn ?? o.en,
      source: s?.source ?? o.source,
      verified: s?.verified ?? o.verified,
    }
  })
}

export async function updateOutcomeLabel(
  db: Db,
  code: string,
  patch: OutcomeLabelInput,
  userId: number,
  now: number,
) {
  if (!(OUTCOME_CODES as readonly string[]).includes(code))
    throw new AppError('NOT_FOUND', `No outcome ${code}`)
  await repo.ensureOutcomeLabels(db, now)
  await repo.updateOutcomeLabel(db, code as OutcomeCode, patch, userId, now)
  return (await listOutcomeLabels(db)).find((l) => l.code === code)
}

async function records(db: Db, year: number): Promise<DisclosureRecord[]> {
  const { start, lastDay } = bounds(year)
  return (await repo.listTableRecords(db, lastDay, start)).map((r) => ({
    id: r.id,
    applicantType: r.applicantType,
    receivedAt: startOfZonedDay(r.receivedOn),
    decidedAt: r.decidedAt,
    outcome: r.outcome,
  }))
}

async function cases(db: Db, year: number): Promise<ReviewCase[]> {
  const { start, end } = bounds(year)
  return (await repo.listReviewCasesFiled(db, start, end)).map((c) => ({
    ...c,
    requestId: c.inquiryId,
  }))
}

/** The section-三 row label with the stored outcome wording. */
function rowLabel(
  row: TableRow,
  labels: Awaited<ReturnType<typeof listOutcomeLabels>>,
  lang: 'zh' | 'en',
): string {
  const stored = labels.find((l) => l.code === row)
  if (!stored) return tableRowLabel(row, lang)
  return outcomeRowLabel(stored.code, lang, lang === 'zh' ? stored.labelZh : stored.labelEn)
}

/**
 * The year's table: `sectionThree.rows[]` with `cells[]` ({ column, labels, count, link }),
 * `sectionFour` likewise, and the report sentences. `link` is the register query (`year`, `row`,
 * `column`) that lists exactly `count` requests.
 */
export async function getDisclosureTable(db: Db, year: number) {
  const labels = await listOutcomeLabels(db)
  const three = computeSectionThree(await records(db, year), year)
  const four = computeSectionFour(await cases(db, year), year)
  const columns = TABLE_COLUMNS.map((col) => ({
    column: col,
    labelZh: tableColumnLabel(col, 'zh'),
    labelEn: tableColumnLabel(col, 'en'),
  }))
  return {
    year,
    columns,
    sectionThree: TABLE_ROWS.map((row) => ({
      row,
      labelZh: rowLabel(row, labels, 'zh'),
      labelEn: rowLabel(row, labels, 'en'),
      verified: labels.find((l) => l.code === row)?.verified ?? true,
      cells: TABLE_COLUMNS.map((col) => ({
        column: col,
        count: three.cells[row][col].count,
        link: { year: String(year), row, column: col },
      })),
    })),
    sectionFour: REVIEW_KINDS.map((kind) => ({
      kind,
      labelZh: REVIEW_KIND_LABELS[kind].zh,
      labelEn: REVIEW_KIND_LABELS[kind].en,
      cells: REVIEW_COLUMNS.map((col) => ({
        column: col,
        labelZh: REVIEW_COLUMN_LABELS[col].zh,
        labelEn: REVIEW_COLUMN_LABELS[col].en,
        count: four.cells[kind][col].count,
        link: { year: String(year), review: kind, column: col },
      })),
    })),
    sentences: { intake: formatIntakeSentence(three), review: formatReviewSentence(four) },
  }
}

/** The register rows of one section-三 cell: exactly the requests the cell counts. */
/**
 * Register rows of `ids` with their answer document's signing (UTC ms) and delivery: method,
 * day (YYYY-MM-DD, Asia/Shanghai) and tracking number; null where none is signed or recorded.
 */
async function registerRows(db: Db, ids: readonly number[]) {
  const signed = new Map((await answers.listSignedAnswersOf(db, ids)).map((a) => [a.inquiryId, a]))
  return (await repo.listRegisterRows(db, ids)).map((r) => {
    const a = signed.get(r.id)
    return {
      ...r,
      signedAt: a?.reviewedAt ?? null,
      deliveryMethod: a?.deliveryMethod ?? null,
      deliveredOn: a?.deliveredAt != null ? toZonedDate(a.deliveredAt) : null,
      trackingNumber: a?.trackingNumber ?? null,
    }
  })
}

export async function listCellRequests(db: Db, year: number, row: TableRow, column: TableColumn) {
  const ids = computeSectionThree(await records(db, year), year).cells[row][column].ids
  return {
    year,
    row,
    column,
    labelZh: tableRowLabel(row, 'zh'),
    labelEn: tableRowLabel(row, 'en'),
    items: await registerRows(db, ids),
  }
}

/** The cases of one section-四 cell, with their requests. */
export async function listCellCases(
  db: Db,
  year: number,
  kind: (typeof REVIEW_KINDS)[number],
  column: (typeof REVIEW_COLUMNS)[number],
) {
  const all = await cases(db, year)
  const ids = new Set(computeSectionFour(all, year).cells[kind][column].ids)
  const picked = all.filter((c) => ids.has(c.id))
  const requests = new Map(
    (await registerRows(db, [...new Set(picked.map((c) => c.requestId))])).map((r) => [r.id, r]),
  )
  return {
    year,
    kind,
    column,
    items: picked.map((c) => ({ ...c, request: requests.get(c.requestId) ?? null })),
  }
}
