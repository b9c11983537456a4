/**
 * A document as a list of blocks (title, headings, paragraphs, plain lines, tables with merged
 * header cells, the signature), rendered as plain text or as a DOCX file (the `docx` library) laid
 * out like a government document (GB/T 9704 in spirit): A4, the title centred in 小标宋 二号,
 * headings in 黑体 三号, body text in 仿宋 三号 with a two-character first-line indent (a `line`
 * has none: a salutation, a document number), the issuing agency and date right-aligned at the
 * end, the page number centred in the footer (— 1 —). Tables span the text width on a fixed grid
 * (relative `widths`), rows never split across pages, heading rows repeat on every page; a
 * heading stays with what follows it. Fonts fall back to what the reader's
 * machine has. Used by the annual report and by the
 * disclosure register's answer documents.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'

/** A table cell: centred unless `align: 'left'` (row labels). */
export type Cell = {
  text: string
  colSpan?: number
  rowSpan?: number
  header?: boolean
  align?: 'left'
}
export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'line'; text: string }
  /** `widths`: relative column widths (the grid's columns, before merging); even when absent */
  | { type: 'table'; rows: Cell[][]; widths?: readonly number[] }
  | { type: 'signature'; lines: string[] }

/** The blocks as plain text: tables as tab-separated rows, merged cells written once. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'table')
        return b.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n')
      if (b.type === 'signature') return b.lines.join('\n')
      return b.text
    })
    .join('\n\n')
}

const SIZE_TITLE = 44 // half-points: 二号 22 pt
const SIZE_BODY = 32 // 三号 16 pt
const SIZE_TABLE = 21 // 五号 10.5 pt
const SIZE_PAGE_NUMBER = 28 // 四号 14 pt
const INDENT_TWO_CHARS = 640 // twips: two 16 pt characters
const PAGE = { width: 11906, height: 16838 } // A4 in twips
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 }
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold })

function cell(c: Cell): TableCell {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  return new TableCell({
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    borders: { top: border, bottom: border, left: border, right: border },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 40, right: 40 },
    children: [
      new Paragraph({
        alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(c.text, c.header ? '黑体' : '宋体', SIZE_TABLE, c.header)],
      }),
    ],
  })
}

/** The table's grid in twips across the text width: `widths` in proportion, else even. */
function gridWidths(b: Extract<Block, { type: 'table' }>): number[] {
  const columns = Math.max(...b.rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)))
  const weights = b.widths ?? Array.from({ length: columns }, () => 1)
  const sum = weights.reduce((a, w) => a + w, 0)
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum))
}

/** How many rows from the top are headings only. */
function headingRows(rows: readonly Cell[][]): number {
  const first = rows.findIndex((r) => !r.every((c) => c.header === true))
  return first < 0 ? rows.length : first
}

function render(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 400 },
          children: [run(b.text, '方正小标宋简体', SIZE_TITLE)],
        }),
      ]
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 240, after: 120 },
          indent: { firstLine: INDENT_TWO_CHARS },
          keepNext: true,
          children: [run(b.text, '黑体', SIZE_BODY)],
        }),
      ]
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: INDENT_TWO_CHARS },
          spacing: { line: 560 },
          children: [run(b.text, '仿宋_GB2312', SIZE_BODY)],
        }),
      ]
    case 'line':
      return [
        new Paragraph({
          spacing: { line: 560 },
          children: [run(b.text, '仿宋_GB2312', SIZE_BODY)],
        }),
      ]
    case 'table':
      return [
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          columnWidths: gridWidths(b),
          // the leading heading rows (every cell a header) repeat on each page the table runs onto
          rows: b.rows.map(
            (r, i) =>
              new TableRow({
                children: r.map(cell),
                cantSplit: true,
                ...(i < headingRows(b.rows) ? { tableHeader: true } : {}),
              }),
          ),
        }),
      ]
    case 'signature':
      return b.lines.map(
        (l) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240 },
            children: [run(l, '仿宋_GB2312', SIZE_BODY)],
          }),
      )
  }
}

/** The DOCX bytes of the blocks; `title` is the file's document title (its properties). */
export async function blocksToDocx(blocks: readonly Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        // the page number as GB/T 9704 prints it: — 1 —, centred, 四号 宋体
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
                    size: SIZE_PAGE_NUMBER,
                  }),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap(render),
      },
    ],
  })
  return Packer.toBuffer(doc)
}
