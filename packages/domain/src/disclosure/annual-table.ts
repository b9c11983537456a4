/**
 * Sections 三 and 四 of the national annual-report table (国办公开办函〔2021〕30号《中华人民共和国
 * 政府信息公开工作年度报告格式》), computed from the register.
 *
 * Section 三, per applicant column (applicants.ts) and 总计:
 * - 一、本年新收: requests whose receipt date (第三十一条) falls in the year;
 * - 二、上年结转: received before the year and not decided before it began;
 * - 三、本年度办理结果: requests whose outcome was first decided in the year, by leaf (outcomes.ts),
 *   and （七）总计 their sum. A request counts in the year its outcome was FIRST decided: when a
 *   review or lawsuit later corrects it, the published table does not move; the correction shows
 *   in section 四 (the case's result 结果纠正). It counts under its outcome as ISSUED: an outcome
 *   corrected before any answer document was signed off (inquiry/lifecycle.ts `correct_outcome`)
 *   replaces the recorded one, which never reached the applicant, while the decision day — and so
 *   the year — stays;
 * - 四、结转下年度继续办理: received by the year's end and not decided by then.
 * Days and years are Asia/Shanghai. By construction, per column 一 + 二 = （七） + 四 (the table's own
 * note: 第一项加第二项之和，等于第三项加第四项之和), （七） is the sum of its leaves, and each row's
 * six applicant columns sum to its 总计.
 *
 * Section 四: 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉 × 结果维持, 结果纠正, 其他结果,
 * 尚未审结, 总计. A case counts in the year it was filed (Asia/Shanghai), with its result as known at
 * the year's end (not concluded by then: 尚未审结), so a published table does not change later.
 * When the review body is a co-defendant only the original agency counts the lawsuit
 * (国办公开办函〔2016〕201号): the register holds this agency's cases only.
 */
import { toZonedDate, type IsoDate } from '../time.ts'
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType } from './applicants.ts'
import {
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  outcomeRow,
  type OutcomeCode,
} from './outcomes.ts'

/**
 * One request as the table needs it: instants in UTC ms; `decidedAt` is the FIRST decision,
 * `outcome` the one issued (corrected before sign-off, if it was).
 */
export type DisclosureRecord = {
  id: number
  applicantType: ApplicantType
  receivedAt: number
  decidedAt: number | null
  outcome: OutcomeCode | null
}

export const TABLE_COLUMNS = [...APPLICANT_TYPES, 'total'] as const
export type TableColumn = (typeof TABLE_COLUMNS)[number]

export const TABLE_ROWS = [
  'new',
  'carried_in',
  ...OUTCOME_CODES,
  'decided_total',
  'carried_out',
] as const
export type TableRow = (typeof TABLE_ROWS)[number]

/** Printed labels of the rows that are not outcome leaves. */
export const TABLE_ROW_LABELS: Record<
  'new' | 'carried_in' | 'results' | 'decided_total' | 'carried_out',
  { zh: string; en: string }
> = {
  new: { zh: '一、本年新收政府信息公开申请数量', en: '1. Requests received this year' },
  carried_in: { zh: '二、上年结转政府信息公开申请数量', en: '2. Carried over from last year' },
  results: { zh: '三、本年度办理结果', en: '3. Results this year' },
  decided_total: { zh: '（七）总计', en: '(7) Total' },
  carried_out: { zh: '四、结转下年度继续办理', en: '4. Carried over to next year' },
}

export const TOTAL_COLUMN_LABEL = { zh: '总计', en: 'Total' } as const

/**
 * An outcome row's full label as the desk lists it: the group's ordinal and name, then the
 * reason's number and `text` (default: the domain's wording; the API passes an admin's edit).
 * zh as printed, 「（三）不予公开 1.属于国家秘密」; en the same with English punctuation,
 * "(3) Not disclosed 1. State secret" — the (7) of 总计 follows the six groups.
 */
export function outcomeRowLabel(
  code: OutcomeCode,
  lang: 'zh' | 'en',
  text: string = outcomeRow(code)[lang],
): string {
  const o = outcomeRow(code)
  const g = OUTCOME_GROUP_LABELS[o.group]
  const ordinal = lang === 'zh' ? g.ordinal : `(${OUTCOME_GROUPS.indexOf(o.group) + 1}) `
  // （一） and （二） have no reasons: the row is the group, named by `text`
  if (o.n === 0) return `${ordinal}${text}`
  return lang === 'zh' ? `${ordinal}${g.zh} ${o.n}.${text}` : `${ordinal}${g.en} ${o.n}. ${text}`
}

/** A row's full label as the desk lists it (group ordinal and reason number for the leaves). */
export function tableRowLabel(row: TableRow, lang: 'zh' | 'en'): string {
  if (row === 'new' || row === 'carried_in' || row === 'decided_total' || row === 'carried_out')
    return TABLE_ROW_LABELS[row][lang]
  return outcomeRowLabel(row, lang)
}

/**
 * The heading the national format prints on a line of its own above `row`, or null: 三、本年度办理结果
 * above （一）予以公开, the first of the result rows （一）…（七） it groups. A flat listing (text, CSV,
 * the SPA) prints it as a row without counts.
 */
export function headingAbove(row: TableRow): { zh: string; en: string } | null {
  return row === OUTCOME_CODES[0] ? TABLE_ROW_LABELS.results : null
}

/** A column's label. */
export function tableColumnLabel(col: TableColumn, lang: 'zh' | 'en'): string {
  return col === 'total' ? TOTAL_COLUMN_LABEL[lang] : APPLICANT_TYPE_LABELS[col][lang]
}

type Bounds = { from: IsoDate; to: IsoDate }
const yearBounds = (year: number): Bounds => ({ from: `${year}-01-01`, to: `${year}-12-31` })

/**
 * The rows of section 三 a request belongs to in `year` (empty when none): `new`, `carried_in`, its
 * outcome leaf and `decided_total`, `carried_out`.
 * @throws RangeError when the request was decided before it was received, or decided without an outcome
 */
export function rowsOfRequest(r: DisclosureRecord, year: number): TableRow[] {
  const { from, to } = yearBounds(year)
  const received = toZonedDate(r.receivedAt)
  const decided = r.decidedAt === null ? null : toZonedDate(r.decidedAt)
  if (decided !== null && decided < received)
    throw new RangeError(`request ${r.id}: decided ${decided} before its receipt ${received}`)
  const rows: TableRow[] = []
  if (received >= from && received <= to) rows.push('new')
  if (received < from && (decided === null || decided >= from)) rows.push('carried_in')
  if (decided !== null && decided >= from && decided <= to) {
    if (r.outcome === null) throw new RangeError(`request ${r.id}: decided without an outcome`)
    rows.push(r.outcome, 'decided_total')
  }
  if (received <= to && (decided === null || decided > to)) rows.push('carried_out')
  return rows
}

/** One cell: its count and the ids of exactly those requests (ascending). */
export type TableCell = { count: number; ids: number[] }
export type SectionThree = { year: number; cells: Record<TableRow, Record<TableColumn, TableCell>> }

/** Section 三 of `year` over a register (any order). @throws RangeError as `rowsOfRequest` */
export function computeSectionThree(
  records: readonly DisclosureRecord[],
  year: number,
): SectionThree {
  const cells = Object.fromEntries(
    TABLE_ROWS.map((row) => [
      row,
      Object.fromEntries(TABLE_COLUMNS.map((col) => [col, { count: 0, ids: [] as number[] }])),
    ]),
  ) as SectionThree['cells']
  const sorted = [...records].sort((a, b) => a.id - b.id)
  for (const r of sorted) {
    for (const row of rowsOfRequest(r, year)) {
      for (const col of [r.applicantType, 'total'] as const) {
        const cell = cells[row][col]
        cell.count += 1
        cell.ids.push(r.id)
      }
    }
  }
  return { year, cells }
}

export const REVIEW_KINDS = ['review', 'lawsuit_direct', 'lawsuit_after_review'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const
export type ReviewResult = (typeof REVIEW_RESULTS)[number]
export const REVIEW_COLUMNS = [...REVIEW_RESULTS, 'total'] as const
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number]

export const REVIEW_KIND_LABELS: Record<ReviewKind, { zh: string; en: string }> = {
  review: { zh: '行政复议', en: 'Administrative review' },
  lawsuit_direct: { zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuit, filed without review' },
  lawsuit_after_review: { zh: '行政诉讼·复议后起诉', en: 'Lawsuit, filed after review' },
}
export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, { zh: string; en: string }> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other result' },
  pending: { zh: '尚未审结', en: 'Not concluded' },
  total: { zh: '总计', en: 'Total' },
}

/** A review or lawsuit against this agency over a request; `result` is `pending` until concluded. */
export type ReviewCase = {
  id: number
  requestId: number
  kind: ReviewKind
  filedAt: number
  result: ReviewResult
  concludedAt: number | null
}

export type SectionFour = {
  year: number
  cells: Record<ReviewKind, Record<ReviewColumn, TableCell>>
}

/** The column a case falls in for `year`'s table, or null when it was not filed in that year. */
export function reviewColumnOf(c: ReviewCase, year: number): ReviewResult | null {
  const { from, to } = yearBounds(year)
  const filed = toZonedDate(c.filedAt)
  if (filed < from || filed > to) return null
  const concluded = c.concludedAt === null ? null : toZonedDate(c.concludedAt)
  return c.result === 'pending' || concluded === null || concluded > to ? 'pending' : c.result
}

/** Section 四 of `year`: cells list case ids (ascending). */
export function computeSectionFour(cases: readonly ReviewCase[], year: number): SectionFour {
  const cells = Object.fromEntries(
    REVIEW_KINDS.map((k) => [
      k,
      Object.fromEntries(REVIEW_COLUMNS.map((col) => [col, { count: 0, ids: [] as number[] }])),
    ]),
  ) as SectionFour['cells']
  for (const c of [...cases].sort((a, b) => a.id - b.id)) {
    const col = reviewColumnOf(c, year)
    if (col === null) continue
    for (const k of [col, 'total'] as const) {
      cells[c.kind][k].count += 1
      cells[c.kind][k].ids.push(c.id)
    }
  }
  return { year, cells }
}
