/**
 * The annual report as a list of blocks (title, numbered section headings, paragraphs, tables with
 * merged header cells, the signature), built once from the draft and rendered as text or DOCX
 * (lib/docx-blocks.ts).
 */
import {
  ANNUAL_REPORT_SECTIONS,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ROWS,
  formatChineseDate,
  type AnnualReportSectionKey,
} from '@desk/domain'
import type { Block, Cell } from '../../lib/docx-blocks.ts'
import {
  REQUESTS_TABLE_WIDTHS,
  requestsTableCells,
  reviewsTableCells,
} from '../disclosure/disclosure-files.ts'
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
      { type: 'table', rows: requestsTableCells(r.disclosure), widths: REQUESTS_TABLE_WIDTHS },
    ],
    reviews: [
      ...bySection('reviews').map((text) => ({ type: 'paragraph', text }) as const),
      { type: 'table', rows: reviewsTableCells(r.disclosure) },
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
