/**
 * A year's assignment list (交办清单) of suggestions and proposals as the congress's or CPPCC's
 * office sends it, one item a row, read for import (register-import.ts): the columns below, found
 * by their Chinese headers; 承办方式 is 主办 or 协办 (a co-unit item names its lead unit); 重点 is
 * 是/重点/Y or empty; 协办单位 lists the co-units of a lead item (市住建局、市财政局); 办理期限, when
 * filled, is the item's due date instead of the policy's (a date, else a row error). Each row is
 * then checked as a proposal entered by hand (proposal.ts); a problem is a row error naming its
 * column. Session and number make an item unique: one registered before is left as it is.
 */
import { importIssue, issueOfZod, type ImportIssue, type IssueOf } from '../import-issues.ts'
import { externalIdKey } from '../external-id.ts'
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
import {
  isFutureAssignment,
  proposalIdentity,
  proposalInputSchema,
  splitCoUnits,
  type ProposalInput,
} from './proposal.ts'
import type { ProposalRole } from './roles.ts'

type Field =
  | 'session'
  | 'number'
  | 'title'
  | 'deputyName'
  | 'source'
  | 'role'
  | 'leadUnit'
  | 'coUnits'
  | 'isKey'
  | 'assignedOn'
  | 'dueOn'

/** The columns, in the sample file's order; the first header of each is the sample's. */
export const ASSIGNMENT_LIST_COLUMNS: readonly RegisterColumn<Field>[] = [
  { field: 'session', headers: ['会议', '届次', '会议届次'], required: true },
  { field: 'number', headers: ['编号', '建议提案号', '案号'], required: true },
  { field: 'title', headers: ['标题', '案由', '题目'], required: true },
  { field: 'deputyName', headers: ['代表委员', '领衔代表', '提案人', '代表'], required: true },
  { field: 'source', headers: ['来源', '交办单位'], required: true },
  { field: 'role', headers: ['承办方式', '主办或协办'], required: true },
  { field: 'leadUnit', headers: ['主办单位'], required: false },
  { field: 'coUnits', headers: ['协办单位'], required: false },
  { field: 'isKey', headers: ['重点', '重点提案', '重点建议'], required: false },
  { field: 'assignedOn', headers: ['交办日期', '交办时间'], required: true },
  { field: 'dueOn', headers: ['办理期限', '答复期限', '办结时限', '办理时限'], required: false },
]

const ROLE_LABELS: Record<ProposalRole, readonly string[]> = {
  lead: ['主办', '主办件', '主办单位'],
  co: ['协办', '协办件', '协办单位'],
}
const KEY_YES = ['是', '重点', 'Y', 'y', '√']
const KEY_NO = ['', '否', '非重点', 'N', 'n']

const FIELD_OF: Partial<Record<string, Field>> = {
  source: 'source',
  session: 'session',
  number: 'number',
  title: 'title',
  deputyName: 'deputyName',
  leadUnit: 'leadUnit',
  assignedOn: 'assignedOn',
  role: 'role',
  coUnits: 'coUnits',
  dueOn: 'dueOn',
}

function parseRow({ get }: RegisterCells<Field>): RegisterParse<Field, ProposalInput> {
  const problems: (IssueOf & { field: Field })[] = []
  const role = cellCode(get('role'), ROLE_LABELS)
  if (!role)
    problems.push({
      field: 'role',
      code: 'unknown_label',
      params: { value: cellText(get('role')) },
    })
  const key = cellText(get('isKey'))
  if (!KEY_YES.includes(key) && !KEY_NO.includes(key))
    problems.push({ field: 'isKey', code: 'unknown_label', params: { value: key } })
  const assignedOn = cellDay(get('assignedOn'))
  if (assignedOn === undefined) {
    const value = cellText(get('assignedOn'))
    problems.push({ field: 'assignedOn', code: 'not_a_date', params: { value } })
  }
  const dueText = cellText(get('dueOn'))
  const dueOn = dueText === '' ? undefined : cellDay(get('dueOn'))
  if (dueText !== '' && dueOn === undefined)
    problems.push({ field: 'dueOn', code: 'not_a_date', params: { value: dueText } })
  const parsed = proposalInputSchema.safeParse({
    session: cellText(get('session')),
    number: cellText(get('number')),
    title: cellText(get('title')),
    deputyName: cellText(get('deputyName')),
    source: cellText(get('source')),
    role: role ?? 'lead',
    leadUnit: cellText(get('leadUnit')),
    isKey: KEY_YES.includes(key),
    coUnits: splitCoUnits(cellText(get('coUnits'))),
    assignedOn: assignedOn ?? '2000-01-01',
    // checked against the assignment date only when that one is a date
    dueOn: assignedOn === undefined ? undefined : dueOn,
  })
  if (parsed.success)
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data }
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])] ?? 'session'
    if (!problems.some((p) => p.field === field)) problems.push({ field, ...issueOfZod(issue) })
  }
  return { ok: false, problems }
}

/**
 * The list's items from a table's header and rows; `today` (YYYY-MM-DD) bounds the assignment
 * date. An item written twice (one proposalIdentity: source, session and number) is an issue on
 * its second row.
 */
export function readAssignmentList(
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly ImportCell[] }[],
  today: string,
): { items: { row: number; value: ProposalInput }[]; issues: ImportIssue[] } {
  const read = readRegisterRows(headers, rows, ASSIGNMENT_LIST_COLUMNS, parseRow)
  const header = (f: Field) => {
    const names = ASSIGNMENT_LIST_COLUMNS.find((c) => c.field === f)?.headers ?? [f]
    return headers.find((h) => names.includes(h.trim())) ?? names[0]
  }
  const seen = new Set<string>()
  const items = read.items.filter((it) => {
    const id = externalIdKey(proposalIdentity(it.value))
    const future = isFutureAssignment(it.value.assignedOn, today)
    if (future)
      read.issues.push(importIssue('in_future', {}, { row: it.row, column: header('assignedOn') }))
    const again = seen.has(id)
    if (again) {
      const params = { id: `${it.value.session} ${it.value.number}` }
      read.issues.push(
        importIssue('repeated_in_file', params, { row: it.row, column: header('number') }),
      )
    }
    seen.add(id)
    return !future && !again
  })
  return { items, issues: read.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
}
