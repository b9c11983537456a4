/**
 * A year's disclosure register (依申请公开台账) as bureaus keep it in a spreadsheet, one decided
 * request a row, read for import (register-import.ts): the columns below, found by their Chinese
 * headers; applicant types, receipt methods and outcomes written as the national table and the
 * 条例 name them (applicants.ts, receipt.ts, outcomes.ts: an outcome as its leaf label,
 * 属于国家秘密, or with its group, 不予公开·属于国家秘密 / （三）不予公开 1.属于国家秘密); an unknown
 * label is a row error naming the column. The register number (登记编号) makes a row unique: a
 * request imported before is left as it is. A row with neither outcome nor answer date is a
 * request still open at the register's end (the national table's 四、结转下年度继续办理, next year's
 * 二、上年结转): it is imported open, its statutory clock running from its receipt date (第三十一条,
 * receipt.ts; disclosure/clock.ts). Half a decision — an outcome without its answer date, or the
 * date without an outcome — is a row error on the empty column.
 */
import { externalIdKey } from '../external-id.ts'
import { importIssue, type ImportIssue, type IssueOf } from '../import-issues.ts'
import type { ImportCell } from '../import-values.ts'
import {
  cellCode,
  cellDay,
  cellText,
  readRegisterRows,
  type RegisterCells,
  type RegisterColumn,
  type RegisterParse,
} from '../register-import.ts'
import { isSupportedDate } from '../supported-dates.ts'
import { APPLICANT_TYPES, APPLICANT_TYPE_LABELS, type ApplicantType } from './applicants.ts'
import { OUTCOMES, OUTCOME_GROUP_LABELS, type OutcomeCode } from './outcomes.ts'
import {
  RECEIPT_METHODS,
  RECEIPT_METHOD_LABELS,
  disclosureDayProblem,
  type ReceiptMethod,
} from './receipt.ts'

type Field =
  | 'externalId'
  | 'receivedOn'
  | 'applicantName'
  | 'applicantType'
  | 'receiptMethod'
  | 'subject'
  | 'outcome'
  | 'decidedOn'

/** The columns, in the sample file's order; the first header of each is the sample's. */
export const DISCLOSURE_REGISTER_COLUMNS: readonly RegisterColumn<Field>[] = [
  { field: 'externalId', headers: ['登记编号', '编号', '申请编号'], required: true },
  { field: 'receivedOn', headers: ['收到申请日', '收到申请日期', '受理日期'], required: true },
  { field: 'applicantName', headers: ['申请人', '申请人姓名或名称'], required: true },
  { field: 'applicantType', headers: ['申请人类型', '申请人情况'], required: true },
  { field: 'receiptMethod', headers: ['提交方式', '申请方式'], required: true },
  { field: 'subject', headers: ['申请公开的信息', '申请内容'], required: true },
  { field: 'outcome', headers: ['办理结果', '答复类型'], required: true },
  { field: 'decidedOn', headers: ['答复日期', '办结日期'], required: true },
]

/** A register row as the import writes it; `outcome` and `decidedOn` both null: still open. */
export type DisclosureRegisterRow = {
  externalId: string
  receivedOn: string
  applicantName: string
  applicantType: ApplicantType
  receiptMethod: ReceiptMethod
  subject: string
  outcome: OutcomeCode | null
  decidedOn: string | null
}

const APPLICANT_LABELS = Object.fromEntries(
  APPLICANT_TYPES.map((a) => [a, [APPLICANT_TYPE_LABELS[a].zh]]),
) as Record<ApplicantType, string[]>
// 其他 alone is the organisations' 其他 column, as the table prints it; 其他组织 says the same
APPLICANT_LABELS.other_org.push('其他组织')

const METHOD_LABELS = Object.fromEntries(
  RECEIPT_METHODS.map((m) => [m, [RECEIPT_METHOD_LABELS[m].zh]]),
) as Record<ReceiptMethod, string[]>

/** Each outcome as its leaf label, with its group (·), and as the table prints the row. */
const OUTCOME_LABELS = Object.fromEntries(
  OUTCOMES.map((o) => {
    const g = OUTCOME_GROUP_LABELS[o.group]
    const short = o.group === 'partial' ? ['部分公开'] : []
    return [
      o.code,
      o.n === 0
        ? [o.zh, `${g.ordinal}${o.zh}`, ...short]
        : [o.zh, `${g.zh}·${o.zh}`, `${g.ordinal}${g.zh} ${o.n}.${o.zh}`],
    ]
  }),
) as Record<OutcomeCode, string[]>

const MAX: Partial<Record<Field, number>> = {
  externalId: 100,
  applicantName: 100,
  subject: 500,
}

function parseRow({ get }: RegisterCells<Field>): RegisterParse<Field, DisclosureRegisterRow> {
  const problems: (IssueOf & { field: Field })[] = []
  const text = (f: Field) => {
    const t = cellText(get(f))
    if (t === '') problems.push({ field: f, code: 'empty' })
    else if (t.length > (MAX[f] ?? 500))
      problems.push({ field: f, code: 'too_long', params: { max: MAX[f] ?? 500 } })
    return t
  }
  const day = (f: Field) => {
    const cell: ImportCell = get(f)
    const d = cellDay(cell)
    if (d === undefined || !isSupportedDate(d))
      problems.push({ field: f, code: 'not_a_date', params: { value: cellText(cell) } })
    return d ?? ''
  }
  const code = <C extends string>(f: Field, labels: Record<C, string[]>) => {
    const c = cellCode(get(f), labels)
    if (c === undefined)
      problems.push({ field: f, code: 'unknown_label', params: { value: cellText(get(f)) } })
    return c
  }
  const row = {
    externalId: text('externalId'),
    receivedOn: day('receivedOn'),
    applicantName: text('applicantName'),
    applicantType: code('applicantType', APPLICANT_LABELS),
    receiptMethod: code('receiptMethod', METHOD_LABELS),
    subject: text('subject'),
  }
  // the decision: both cells empty is a request still open; one of them alone is half a decision
  const hasOutcome = cellText(get('outcome')) !== ''
  const hasDate = cellText(get('decidedOn')) !== ''
  if (hasOutcome && !hasDate) problems.push({ field: 'decidedOn', code: 'outcome_without_date' })
  if (hasDate && !hasOutcome) problems.push({ field: 'outcome', code: 'date_without_outcome' })
  const outcome = hasOutcome ? (code('outcome', OUTCOME_LABELS) ?? null) : null
  const decidedOn = hasDate ? day('decidedOn') : null
  if (row.receivedOn && decidedOn && decidedOn < row.receivedOn)
    problems.push({ field: 'decidedOn', code: 'before_receipt' })
  if (problems.length > 0 || !row.applicantType || !row.receiptMethod)
    return { ok: false, problems }
  return {
    ok: true,
    value: {
      ...row,
      applicantType: row.applicantType,
      receiptMethod: row.receiptMethod,
      outcome,
      decidedOn,
    },
  }
}

/**
 * The register's rows from a table's header and rows; `today` (YYYY-MM-DD) bounds the dates by
 * the rule entering a request follows (receipt.ts `disclosureDayProblem`: none after today, no
 * receipt before the 条例 came into force), each refused date an issue on its column. A register
 * number written twice is an issue on its second row.
 */
export function readDisclosureRegister(
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly ImportCell[] }[],
  today: string,
): { items: { row: number; value: DisclosureRegisterRow }[]; issues: ImportIssue[] } {
  const read = readRegisterRows(headers, rows, DISCLOSURE_REGISTER_COLUMNS, parseRow)
  const seen = new Set<string>()
  const items = read.items.filter((it) => {
    const refused = DAYS.flatMap(([f, what]) => {
      const day = it.value[f]
      const problem = day === null ? null : disclosureDayProblem(what, day, today)
      return problem === null ? [] : [{ f, problem }]
    })
    for (const { f, problem } of refused)
      read.issues.push(importIssue(problem, {}, { row: it.row, column: headerOf(headers, f) }))
    // `GK-1` and `gk-1` are one request (externalIdKey)
    const key = externalIdKey(it.value.externalId)
    const again = seen.has(key)
    if (again) {
      const at = { row: it.row, column: headerOf(headers, 'externalId') }
      read.issues.push(importIssue('repeated_in_file', { id: it.value.externalId }, at))
    }
    seen.add(key)
    return refused.length === 0 && !again
  })
  return { items, issues: read.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
}

/** The dated columns and what their day is (a decision is a step of the clock). */
const DAYS = [
  ['receivedOn', 'receipt'],
  ['decidedOn', 'step'],
] as const

function headerOf(headers: readonly string[], f: Field): string {
  const names = DISCLOSURE_REGISTER_COLUMNS.find((c) => c.field === f)?.headers ?? [f]
  return headers.find((h) => names.includes(h.trim())) ?? names[0] ?? f
}
