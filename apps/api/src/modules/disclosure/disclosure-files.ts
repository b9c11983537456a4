/**
 * The year's disclosure table as files: text (aligned, for the terminal), CSV (UTF-8 with BOM so
 * Excel shows Chinese; text cells neutralised against formula injection, as the tally's) and XLSX
 * laid out like the printed national table (国办公开办函〔2021〕30号): merged header cells
 * (申请人情况 over the seven columns, 法人或其他组织 over its five), the row labels merged by
 * level (三、本年度办理结果 down its rows, each outcome group down its reasons), Chinese labels,
 * column widths; section 四 as the printed 15-column grid.
 */
import {
  DISCLOSURE_REGISTER_COLUMNS,
  ORGANISATION_GROUP_LABEL,
  TABLE_ROW_LABELS,
  headingAbove,
  neutralizeFormula,
  toXmlText,
} from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Block, Cell as DocCell } from '../../lib/docx-blocks.ts'
import { sampleWorkbook } from '../imports/register-file.ts'
import type { getDisclosureTable } from './disclosure-report.service.ts'

type Table = Awaited<ReturnType<typeof getDisclosureTable>>
type Cell = string | number

const TITLE_THREE = '三、收到和处理政府信息公开申请情况'
const TITLE_FOUR = '四、政府信息公开行政复议、行政诉讼情况'
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

/** Terminal columns of `s`: East Asian wide characters take two. */
const widthOf = (s: string) =>
  Array.from(s).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)
const pad = (s: string, w: number, right: boolean) =>
  right ? ' '.repeat(Math.max(0, w - widthOf(s))) + s : s + ' '.repeat(Math.max(0, w - widthOf(s)))

function flatRows(t: Table): Cell[][] {
  const head: Cell[] = ['', ...t.columns.map((c) => c.labelZh)]
  return [
    head,
    ...t.sectionThree.flatMap((r) => {
      const heading = headingAbove(r.row)
      const counts: Cell[] = [r.labelZh, ...r.cells.map((c) => c.count)]
      return heading ? [[heading.zh, ...r.cells.map(() => '')], counts] : [counts]
    }),
  ]
}

function reviewRows(t: Table): Cell[][] {
  const head: Cell[] = ['', ...(t.sectionFour[0]?.cells.map((c) => c.labelZh) ?? [])]
  return [head, ...t.sectionFour.map((k) => [k.labelZh, ...k.cells.map((c) => c.count)])]
}

/** The sentences, then sections 三 and 四 as aligned tables. */
export function disclosureTableToText(t: Table): string {
  const block = (rows: Cell[][]) => {
    const text = rows.map((r) => r.map(String))
    const widths = (text[0] ?? []).map((_, i) => Math.max(...text.map((r) => widthOf(r[i] ?? ''))))
    return text.map((r) => r.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ')).join('\n')
  }
  return [
    `${t.year}年 ${t.sentences.intake}${t.sentences.review}`,
    '',
    TITLE_THREE,
    block(flatRows(t)),
    '',
    TITLE_FOUR,
    block(reviewRows(t)),
    '',
  ].join('\n')
}

/**
 * The label cells of section 三's rows as the national format prints them, over three label
 * columns: 一、二 and 四 across all three; 三、本年度办理结果 down the result rows in the first;
 * （一）予以公开, （二）部分公开 and （七）总计 across the second and third; each other outcome group
 * down its reasons in the second, the reason in the third. Per row, the cells that start there.
 */
type LabelCell = { col: 0 | 1 | 2; text: string; colSpan: number; rowSpan: number }
function sectionThreeLabels(t: Table): LabelCell[][] {
  const isResult = (r: Table['sectionThree'][number]) =>
    r.row !== 'new' && r.row !== 'carried_in' && r.row !== 'carried_out'
  const results = t.sectionThree.filter(isResult).length
  let firstResult = true
  return t.sectionThree.map((row) => {
    if (!isResult(row)) return [{ col: 0, text: row.labelZh, colSpan: 3, rowSpan: 1 }]
    const cells: LabelCell[] = []
    if (firstResult)
      cells.push({ col: 0, text: TABLE_ROW_LABELS.results.zh, colSpan: 1, rowSpan: results })
    firstResult = false
    const cut = row.labelZh.indexOf(' ')
    if (cut < 0) return [...cells, { col: 1, text: row.labelZh, colSpan: 2, rowSpan: 1 }]
    const [group, reason] = [row.labelZh.slice(0, cut), row.labelZh.slice(cut + 1)]
    if (reason.startsWith('1.')) {
      const n = t.sectionThree.filter((x) => x.labelZh.startsWith(`${group} `)).length
      cells.push({ col: 1, text: group, colSpan: 1, rowSpan: n })
    }
    return [...cells, { col: 2, text: reason, colSpan: 1, rowSpan: 1 }]
  })
}

/**
 * Section 三's table as the national format prints it: the consistency note over the three label
 * columns, 申请人情况 over 自然人, 法人或其他组织 (over its five kinds) and 总计; the rows' labels
 * merged by level (sectionThreeLabels).
 */
export function requestsTableCells(d: Table): DocCell[][] {
  const label = (column: string) => d.columns.find((c) => c.column === column)?.labelZh ?? column
  const organisations = d.columns.filter(
    (c) => c.column !== 'natural_person' && c.column !== 'total',
  )
  const labels = sectionThreeLabels(d)
  return [
    [
      { text: NOTE, colSpan: 3, rowSpan: 3, header: true },
      { text: '申请人情况', colSpan: d.columns.length, header: true },
    ],
    [
      { text: label('natural_person'), rowSpan: 2, header: true },
      { text: ORGANISATION_GROUP_LABEL.zh, colSpan: organisations.length, header: true },
      { text: label('total'), rowSpan: 2, header: true },
    ],
    organisations.map((c) => ({ text: c.labelZh, header: true })),
    ...d.sectionThree.map((r, i) => [
      ...(labels[i] ?? []).map((l) => ({
        text: l.text,
        colSpan: l.colSpan,
        rowSpan: l.rowSpan,
        align: 'left' as const,
      })),
      ...r.cells.map((c) => ({ text: String(c.count) })),
    ]),
  ]
}

/** Relative widths of section 三's columns: the three label columns, then the seven counts. */
export const REQUESTS_TABLE_WIDTHS = [7, 11, 22, 8, 8, 8, 8, 8, 8, 8] as const

/** Section 四's table: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉), each over its five results. */
export function reviewsTableCells(d: Table): DocCell[][] {
  const [review, ...suits] = d.sectionFour
  if (!review) return []
  return [
    [
      {
        text: review.labelZh.split('·')[0]?.trim() ?? review.labelZh,
        colSpan: review.cells.length,
        header: true,
      },
      { text: '行政诉讼', colSpan: suits.reduce((n, s) => n + s.cells.length, 0), header: true },
    ],
    [
      ...review.cells.map((c) => ({ text: c.labelZh, rowSpan: 2, header: true })),
      ...suits.map((s) => ({
        text: s.labelZh.split('·').at(-1)?.trim() ?? s.labelZh,
        colSpan: s.cells.length,
        header: true,
      })),
    ],
    suits.flatMap((s) => s.cells.map((c) => ({ text: c.labelZh, header: true }))),
    d.sectionFour.flatMap((k) => k.cells.map((c) => ({ text: String(c.count) }))),
  ]
}

/**
 * The year's table as document blocks (the annual report's tables, and `desk report disclosure
 * --format docx`): title, the sentences, sections 三 and 四 laid out as printed.
 */
export function disclosureTableBlocks(t: Table): Block[] {
  return [
    { type: 'title', text: `${t.year}年政府信息公开申请办理情况` },
    { type: 'paragraph', text: `${t.sentences.intake}${t.sentences.review}` },
    { type: 'heading', text: TITLE_THREE },
    { type: 'table', rows: requestsTableCells(t), widths: REQUESTS_TABLE_WIDTHS },
    { type: 'heading', text: TITLE_FOUR },
    { type: 'table', rows: reviewsTableCells(t) },
  ]
}

const safe = (row: Cell[]): Cell[] =>
  row.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v))

/** CSV starting with a UTF-8 BOM: section 三 (full row labels × 7 columns), a blank row, section 四. */
export function disclosureTableToCsv(t: Table): string {
  const three = flatRows(t)
  const four = reviewRows(t)
  const width = Math.max(three[0]?.length ?? 0, four[0]?.length ?? 0)
  const fit = (r: Cell[]) => [...r, ...Array.from({ length: width - r.length }, () => '')]
  const rows = [[TITLE_THREE], ...three, [], [TITLE_FOUR], ...four].map((r) => safe(fit(r)))
  return stringify(rows, { bom: true, record_delimiter: '\r\n' })
}

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

function put(ws: ExcelJS.Worksheet, ref: string, value: Cell, merge?: string) {
  if (merge) ws.mergeCells(`${ref}:${merge}`)
  const cell = ws.getCell(ref)
  cell.value = typeof value === 'string' ? toXmlText(value) : value
  cell.alignment = {
    vertical: 'middle',
    horizontal: typeof value === 'number' ? 'center' : 'left',
    wrapText: true,
  }
}

function outlineAll(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number) {
  for (let r = fromRow; r <= toRow; r += 1)
    for (let c = 1; c <= cols; c += 1) ws.getRow(r).getCell(c).border = border
}

const COL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const col = (i: number) => COL[i] ?? 'Z'

function sectionThreeSheet(wb: ExcelJS.Workbook, t: Table) {
  const ws = wb.addWorksheet('三、依申请公开')
  ws.columns = [
    { width: 14 },
    { width: 16 },
    { width: 40 },
    ...t.columns.map(() => ({ width: 11 })),
  ]
  put(ws, 'A1', TITLE_THREE, 'J1')
  ws.getCell('A1').font = { bold: true, size: 13 }
  put(ws, 'A2', NOTE, 'C4')
  put(ws, 'D2', '申请人情况', 'J2')
  put(ws, 'D3', t.columns[0]?.labelZh ?? '', 'D4')
  put(ws, 'E3', '法人或其他组织', 'I3')
  t.columns.slice(1, 6).forEach((c, i) => put(ws, `${col(4 + i)}4`, c.labelZh))
  put(ws, 'J3', t.columns[6]?.labelZh ?? '', 'J4')
  for (const ref of ['D2', 'D3', 'E3', 'J3'])
    ws.getCell(ref).alignment = { horizontal: 'center', vertical: 'middle' }
  const counts = (row: Table['sectionThree'][number], r: number) =>
    row.cells.forEach((c, i) => put(ws, `${col(3 + i)}${r}`, c.count))
  const labels = sectionThreeLabels(t)
  let r = 5
  for (const [i, row] of t.sectionThree.entries()) {
    for (const l of labels[i] ?? []) {
      const end = `${col(l.col + l.colSpan - 1)}${r + l.rowSpan - 1}`
      put(ws, `${col(l.col)}${r}`, l.text, l.colSpan > 1 || l.rowSpan > 1 ? end : undefined)
    }
    counts(row, r)
    r += 1
  }
  outlineAll(ws, 2, r - 1, 10)
  ws.addRow([])
  ws.addRow([`${t.sentences.intake}${t.sentences.review}`])
}

function sectionFourSheet(wb: ExcelJS.Workbook, t: Table) {
  const ws = wb.addWorksheet('四、复议诉讼')
  ws.columns = Array.from({ length: 15 }, () => ({ width: 10 }))
  put(ws, 'A1', TITLE_FOUR, 'O1')
  ws.getCell('A1').font = { bold: true, size: 13 }
  put(ws, 'A2', '行政复议', 'E3')
  put(ws, 'F2', '行政诉讼', 'O2')
  put(ws, 'F3', '未经复议直接起诉', 'J3')
  put(ws, 'K3', '复议后起诉', 'O3')
  t.sectionFour.forEach((k, ki) =>
    k.cells.forEach((c, ci) => {
      put(ws, `${col(ki * 5 + ci)}4`, c.labelZh)
      put(ws, `${col(ki * 5 + ci)}5`, c.count)
    }),
  )
  for (const ref of ['A2', 'F2', 'F3', 'K3'])
    ws.getCell(ref).alignment = { horizontal: 'center', vertical: 'middle' }
  outlineAll(ws, 2, 5, 15)
}

/** The table as an XLSX workbook (bytes): one sheet per section, laid out like the printed form. */
export async function disclosureTableToXlsx(t: Table): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  sectionThreeSheet(wb, t)
  sectionFourSheet(wb, t)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** The sample register's rows: one per kind of outcome wording the reader takes. */
const SAMPLE_ROWS: readonly (readonly (string | Date)[])[] = [
  [
    'YSQ-2024-001',
    new Date(Date.UTC(2024, 2, 4)),
    '王某',
    '自然人',
    '当面提交',
    '某地块控制性详细规划批复',
    '予以公开',
    new Date(Date.UTC(2024, 2, 20)),
  ],
  [
    'YSQ-2024-002',
    '2024-04-08',
    '某建设有限公司',
    '商业企业',
    '邮寄（需签收）',
    '某项目建设工程规划许可证及附图',
    '部分公开',
    '2024-04-30',
  ],
  [
    'YSQ-2024-003',
    '2024/6/3',
    '某律师事务所',
    '法律服务机构',
    '互联网渠道',
    '某区征收补偿方案的内部讨论记录',
    '不予公开·属于四类过程性信息',
    '2024/6/24',
  ],
  [
    'YSQ-2024-004',
    '2024-09-02',
    '李某',
    '自然人',
    '平常信函',
    '本机关未制作的统计分析报告',
    '（四）无法提供 2.没有现成信息需要另行制作',
    '2024-09-23',
  ],
]

/**
 * A sample of the disclosure register's spreadsheet: its columns' first headers and four rows that
 * import as they are (dates as date cells and as text).
 */
export function disclosureRegisterSample(): Promise<Buffer> {
  return sampleWorkbook(
    '依申请公开台账',
    DISCLOSURE_REGISTER_COLUMNS.map((c) => c.headers[0]),
    SAMPLE_ROWS,
  )
}
