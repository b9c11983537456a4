/**
 * The annual report as a list of blocks (title, numbered section headings, paragraphs, tables with
 * merged header cells, the signature), built once from the draft and rendered as text or DOCX
 * (lib/docx-blocks.ts).
 */
import {
  ANNUAL_REPORT_SECTIONS,
  ORGANISATION_GROUP_LABEL,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ROWS,
  formatChineseDate,
  type AnnualReportSectionKey,
} from '@desk/domain'
import type { Block, Cell } from '../../lib/docx-blocks.ts'
import type { AnnualReport } from './annual-report.service.ts'

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => ({ type: 'paragraph', text: t }))

const num = (n: number | null) => (n === null ? '' : String(n))

/** Section 二's table as the national format lays it out: a header row per item of 第二十条. */
function proactiveTable(p: AnnualReport['text']['proactive']): Cell[][] {
  const rows: Cell[][] = []
  let lastItem = ''
  for (const row of PROACTIVE_ROWS) {
    if (row.item !== lastItem) {
      lastItem = row.item
      rows.push([{ text: row.item, colSpan: 4, header: true }])
      const heads = row.columns.map((c) => PROACTIVE_COLUMN_LABELS[c].zh)
      rows.push([
        { text: '信息内容', header: true },
        ...heads.map((h) => ({ text: h, header: true, colSpan: heads.length === 1 ? 3 : 1 })),
      ])
    }
    const values = row.columns.map((c) =>
      num((p[row.key] as Record<string, number | null>)[c] ?? null),
    )
    rows.push([
      { text: row.zh },
      ...values.map((v) => ({ text: v, colSpan: values.length === 1 ? 3 : 1 })),
    ])
  }
  return rows
}

type Disclosure = AnnualReport['disclosure']

/**
 * Section 三's table as the national format heads it: the consistency note over the row labels,
 * 申请人情况 over 自然人, 法人或其他组织 (over its five kinds) and 总计.
 */
function requestsTable(d: Disclosure): Cell[][] {
  const label = (column: string) => d.columns.find((c) => c.column === column)?.labelZh ?? column
  const organisations = d.columns.filter(
    (c) => c.column !== 'natural_person' && c.column !== 'total',
  )
  return [
    [
      {
        text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        rowSpan: 3,
        header: true,
      },
      { text: '申请人情况', colSpan: d.columns.length, header: true },
    ],
    [
      { text: label('natural_person'), rowSpan: 2, header: true },
      { text: ORGANISATION_GROUP_LABEL.zh, colSpan: organisations.length, header: true },
      { text: label('total'), rowSpan: 2, header: true },
    ],
    organisations.map((c) => ({ text: c.labelZh, header: true })),
    ...d.sectionThree.map((r) => [
      { text: r.labelZh },
      ...r.cells.map((c) => ({ text: String(c.count) })),
    ]),
  ]
}

/** Section 四's table: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉), each over its five results. */
function reviewsTable(d: Disclosure): Cell[][] {
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

/** The blocks of the draft, in reading order. */
export function reportBlocks(r: AnnualReport): Block[] {
  const bySection = (key: AnnualReportSectionKey) =>
    r.sentences.filter((s) => s.section === key).map((s) => s.text)
  const body: Record<AnnualReportSectionKey, Block[]> = {
    overview: [
      ...paragraphs(r.text.overview),
      ...(bySection('overview').length
        ? [{ type: 'paragraph', text: bySection('overview').join('') } as const]
        : []),
    ],
    proactive: [{ type: 'table', rows: proactiveTable(r.text.proactive) }],
    requests: [
      ...bySection('requests').map((text) => ({ type: 'paragraph', text }) as const),
      { type: 'table', rows: requestsTable(r.disclosure) },
    ],
    reviews: [
      ...bySection('reviews').map((text) => ({ type: 'paragraph', text }) as const),
      { type: 'table', rows: reviewsTable(r.disclosure) },
    ],
    problems: paragraphs(r.text.problems),
    other: paragraphs(r.text.other),
  }
  const signature = [
    r.text.bureau,
    r.text.issuedOn ? formatChineseDate(r.text.issuedOn) : '',
  ].filter((l) => l.length > 0)
  return [
    { type: 'title', text: r.title },
    ...ANNUAL_REPORT_SECTIONS.flatMap((s) => [
      { type: 'heading', text: s.zh } as const,
      ...body[s.key],
    ]),
    ...(signature.length ? [{ type: 'signature', lines: signature } as const] : []),
  ]
}
