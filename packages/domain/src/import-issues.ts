/**
 * The problems a file import reports (the inquiry import of the CLI and the wizard, the disclosure
 * register, the assignment list of suggestions and proposals): each is a stable `code` with the
 * `params` its sentence needs, so the SPA says it in the user's language (its locale files have
 * `importIssues.<code>` in zh-CN and en; a test checks every code), while `reason` is the English
 * sentence the CLI prints and the API answers with. Pure: no I/O.
 */
import { NUL_MESSAGE } from './text.ts'
import { UNSUPPORTED_DATE_MESSAGE } from './supported-dates.ts'
import { DISCLOSURE_DAY_MESSAGES } from './disclosure/receipt.ts'

/** A sentence's parameters: field names, header names, cell values, numbers. */
export type ImportIssueParams = Readonly<Record<string, string | number>>

const p = (params: ImportIssueParams, key: string) => String(params[key] ?? '')

/** English sentence of each code, from its params (the CLI's and the API's words). */
const ENGLISH = {
  // a cell or a field
  empty: (x) => (x.field === undefined ? 'empty' : `${p(x, 'field')} is empty`),
  too_long: (x) =>
    x.field === undefined
      ? `longer than ${p(x, 'max')} characters`
      : `${p(x, 'field')} is longer than ${p(x, 'max')} characters`,
  nul: (x) => (x.field === undefined ? NUL_MESSAGE : `${p(x, 'field')} ${NUL_MESSAGE}`),
  unreadable_time: (x) => `unreadable time "${p(x, 'value')}"`,
  ambiguous_date: (x) =>
    `${p(x, 'field')} "${p(x, 'value')}" is ambiguous: month/day or day/month? State the file's date order (month-first or day-first), or write the year first (2026/12/01)`,
  error_value: (x) => `${p(x, 'field')} holds a spreadsheet error (${p(x, 'value')})`,
  boolean_value: (x) => `${p(x, 'field')} holds the boolean ${p(x, 'value')}, not text`,
  number_too_long: (x) =>
    `${p(x, 'field')} holds the number ${p(x, 'value')}, longer than a spreadsheet number keeps exactly (15 digits): format the column as text and enter the ids again`,
  unsupported_date: (x) =>
    x.field === undefined
      ? UNSUPPORTED_DATE_MESSAGE
      : `${p(x, 'field')} ${UNSUPPORTED_DATE_MESSAGE}`,
  not_a_date: (x) => `not a date: ${p(x, 'value') || 'empty'}`,
  unknown_label: (x) => `unknown label: ${p(x, 'value') || 'empty'}`,
  in_future: (x) => (x.field === undefined ? 'in the future' : `${p(x, 'field')} in the future`),
  before_receipt: () => 'before the receipt date',
  // a disclosure request's receipt date (disclosure/receipt.ts)
  before_regulation: () => DISCLOSURE_DAY_MESSAGES.before_regulation,
  // a disclosure register row: a decision has both; a request still open has neither
  outcome_without_date: () =>
    'empty, but the row has an outcome: a decided request needs the day it was answered (leave both empty for a request still open)',
  date_without_outcome: () =>
    'empty, but the row has an answer date: a decided request needs its outcome (leave both empty for a request still open)',
  number_format: () => 'digits or letters, e.g. 0123',
  due_not_after_assignment: () => 'not after the assignment date',
  due_too_late: (x) => `more than ${p(x, 'max')} days after the assignment date`,
  lead_unit_required: () => 'a co-unit item names the lead unit',
  too_many_items: (x) => `more than ${p(x, 'max')} items`,
  invalid: (x) => p(x, 'message') || 'invalid value',
  // a row
  repeated_in_file: (x) => `${p(x, 'id')} is on an earlier row too`,
  differs_in_file: (x) =>
    `${p(x, 'idColumn')} ${p(x, 'id')} is also on ${p(x, 'otherRows').includes(',') ? 'rows' : 'row'} ${p(x, 'otherRows')}, with a different ${p(x, 'column')}`,
  differs_from_desk: (x) =>
    `${p(x, 'idColumn')} ${p(x, 'id')} is already in the desk (inquiry ${p(x, 'inquiryId')}) with a different ${p(x, 'column')}; the desk keeps its own`,
  exists_elsewhere: (x) =>
    `${p(x, 'idColumn')} ${p(x, 'id')} cannot be imported: it exists elsewhere in the desk`,
  row_too_wide: (x) =>
    `the row has ${p(x, 'cells')} or more cells but the header only ${p(x, 'width')}`,
  // the header and the column mapping
  column_missing: () => 'the column is missing',
  header_twice: (x) => `header "${p(x, 'header')}" appears twice`,
  no_such_column: (x) =>
    `no column "${p(x, 'column')}" in the file; its headers are: ${p(x, 'headers')}`,
  mapped_twice: (x) => `field ${p(x, 'field')} is mapped twice`,
  unmapped: (x) =>
    `no column is mapped to ${p(x, 'field')}${x.noPreset ? ' (no preset matches these headers; use --map)' : ''}`,
  reply_pair: () => 'reply and repliedAt must be mapped together (a reply needs its time)',
  map_syntax: (x) => `--map "${p(x, 'entry')}": expected "<column>=<field>"`,
  map_unknown_field: (x) =>
    `--map "${p(x, 'entry')}": unknown field "${p(x, 'field')}"; fields are ${p(x, 'fields')}`,
  unknown_preset: (x) => `Unknown preset "${p(x, 'preset')}"; presets: ${p(x, 'presets')}`,
  // the whole file
  no_data_rows: () => 'The file has a header row but no data rows',
  file_empty: () => 'The file is empty',
  one_file_at_a_time: (x) =>
    `${p(x, 'count')} files were sent: an import takes one file at a time (one upload, one job each)`,
  no_header: (x) =>
    x.sheet === undefined
      ? 'The file is empty: no header row'
      : `Sheet "${p(x, 'sheet')}" is empty: no header row`,
  xls_binary: () => 'Old binary .xls files are not read: save it as .xlsx or CSV',
  not_xlsx: (x) => `${p(x, 'name')} is not an XLSX workbook (not a ZIP file)`,
  not_readable_xlsx: (x) => `The file is not a readable XLSX workbook: ${p(x, 'message')}`,
  no_header_at_row: (x) =>
    `Row ${p(x, 'row')} is blank or past the end of the file: no header there`,
  csv_has_no_sheets: () => 'A CSV file has no sheets: leave out --sheet',
  no_sheets: () => 'The workbook has no sheets',
  no_such_sheet: (x) => `No sheet named "${p(x, 'sheet')}"; the sheets are: ${p(x, 'sheets')}`,
  csv_malformed: (x) => p(x, 'message'),
  unreadable: (x) => p(x, 'message') || 'the file cannot be read',
  limit_rows: (x) => `more than ${p(x, 'max')} data rows (import limit)`,
  limit_cell_chars: (x) => `a cell of more than ${p(x, 'max')} characters (import limit)`,
  limit_cells: (x) => `more than ${p(x, 'max')} filled cells (import limit)`,
  limit_unzipped: (x) => `unzipped size over ${p(x, 'maxMb')} MB (import limit)`,
} satisfies Record<string, (params: ImportIssueParams) => string>

/** Every code an import issue can carry. */
export type ImportIssueCode = keyof typeof ENGLISH
export const IMPORT_ISSUE_CODES = Object.keys(ENGLISH) as readonly ImportIssueCode[]

/**
 * One problem of an import. `row` is the row number as a spreadsheet program shows it (the header
 * is row 1); `column` is the header name. Problems with the whole file carry neither. `reason` is
 * the English sentence of `code` and `params`.
 */
export type ImportIssue = {
  row?: number
  column?: string
  code: ImportIssueCode
  params?: ImportIssueParams
  reason: string
}

/** The English sentence of `code` with `params` (the `reason` of its issues). */
export function importIssueReason(code: ImportIssueCode, params: ImportIssueParams = {}): string {
  return ENGLISH[code](params)
}

/** An issue of `code` (with its English `reason`), at `row` and `column` when given. */
export function importIssue(
  code: ImportIssueCode,
  params: ImportIssueParams = {},
  at: { row?: number | undefined; column?: string | undefined } = {},
): ImportIssue {
  const issue: ImportIssue = { code, reason: ENGLISH[code](params) }
  if (Object.keys(params).length > 0) issue.params = params
  if (at.row !== undefined) issue.row = at.row
  if (at.column !== undefined) issue.column = at.column
  return { ...issue }
}

/** A problem without a place: what a row or column parser reports before it knows either. */
export type IssueOf = { code: ImportIssueCode; params?: ImportIssueParams }

/** Codes a domain schema's refinement raises (with `params: { issue: code, … }`, or its sentence as message). */
const CUSTOM_CODES: readonly ImportIssueCode[] = [
  'number_format',
  'due_not_after_assignment',
  'due_too_late',
  'lead_unit_required',
]

type ZodLikeIssue = {
  code: string
  message: string
  maximum?: unknown
  origin?: unknown
  format?: unknown
  params?: unknown
}

/**
 * The issue code of a zod issue raised by a domain schema that an import shares with a form
 * (`proposalInputSchema`): a refinement names its code in `params.issue` (or says its sentence);
 * a day that is not YYYY-MM-DD is `not_a_date`, an empty or missing text is
 * `empty`, a long one `too_long` (`max`), a long list `too_many_items`, a NUL `nul`, a date out of
 * range `unsupported_date`; anything else `invalid` with zod's message.
 */
export function issueOfZod(issue: ZodLikeIssue): IssueOf {
  const { issue: named, max } = (issue.params ?? {}) as { issue?: unknown; max?: unknown }
  const custom =
    CUSTOM_CODES.find((c) => c === named) ??
    CUSTOM_CODES.find((c) => ENGLISH[c]({}) === issue.message)
  if (custom) return typeof max === 'number' ? { code: custom, params: { max } } : { code: custom }
  if (issue.code === 'too_small' && issue.origin === 'string') return { code: 'empty' }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
    return { code: 'empty' }
  if (issue.code === 'too_big' && issue.origin === 'array')
    return { code: 'too_many_items', params: { max: Number(issue.maximum) } }
  if (issue.code === 'too_big') return { code: 'too_long', params: { max: Number(issue.maximum) } }
  if (issue.message === NUL_MESSAGE) return { code: 'nul' }
  if (issue.message === UNSUPPORTED_DATE_MESSAGE) return { code: 'unsupported_date' }
  if (issue.code === 'invalid_format' && issue.format === 'date') return { code: 'not_a_date' }
  return { code: 'invalid', params: { message: issue.message } }
}
