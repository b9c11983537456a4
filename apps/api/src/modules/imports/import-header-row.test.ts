/**
 * Platform export shapes the message import reads without editing the file, on both engines
 * (projects api and api-pg): a title row and an 导出时间 row above the headers (CSV, and an XLSX
 * whose title is a merged cell), a hidden instructions sheet first, `;`- and tab-separated CSV,
 * and an explicit header row. Row numbers in problems stay the file's own.
 */
import ExcelJS from 'exceljs'
import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { setupDesk } from '../../test/setup.ts'
import { delimiterOf } from './csv-table.ts'
import { importFile, previewFile } from './imports.service.ts'

const NOW = Date.parse('2026-12-06T09:00:00+08:00')
const utf8 = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))

async function stored(desk: Awaited<ReturnType<typeof setupDesk>>) {
  const { inquiries } = tables(desk.db)
  return await desk.db
    .select({ externalId: inquiries.externalId, subject: inquiries.subject })
    .from(inquiries)
    .orderBy(asc(inquiries.id))
}

const TITLED = [
  '民心网留言导出（2026年11月）,,,',
  '导出时间：2026-12-01,,,',
  'externalId,subject,body,receivedAt',
  'T-1,标题一,内容,2026-11-03 10:00',
  'T-2,标题二,内容,2026-11-04 10:00',
]

describe('the header row of an export', () => {
  it('passes over a title and an 导出时间 row above the headers, saying which row it took', async () => {
    const desk = await setupDesk()
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'title.csv', bytes: utf8(TITLED) },
      now: NOW,
    })
    expect([s.status, s.created, s.headerRow, s.errors]).toEqual(['written', 2, 3, []])
    expect(await stored(desk)).toEqual([
      { externalId: 'T-1', subject: '标题一' },
      { externalId: 'T-2', subject: '标题二' },
    ])
  })

  it("finds the row that holds the --map columns, and names the file's own row in a problem", async () => {
    const desk = await setupDesk()
    const lines = [
      '12345 工单导出,,,',
      '工单号,诉求标题,诉求内容,受理时间',
      'G-1,标题,内容,2026-11-03 10:00',
      'G-2,标题,内容,不是时间',
    ]
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'map.csv', bytes: utf8(lines) },
      map: ['工单号=externalId', '诉求标题=subject', '诉求内容=body', '受理时间=receivedAt'],
      dryRun: true,
      now: NOW,
    })
    expect(s.status).toBe('rejected')
    expect(s.headerRow).toBe(2)
    expect(s.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '受理时间', 'unreadable_time'],
    ])
  })

  it('takes the row --header-row names, and refuses a blank one naming it', async () => {
    const desk = await setupDesk()
    const file = { name: 'title.csv', bytes: utf8(['', ...TITLED]) }
    const preview = await previewFile(file, { headerRow: 4 })
    expect([preview.headerRow, preview.headers, preview.rows.map((r) => r.row)]).toEqual([
      4,
      ['externalId', 'subject', 'body', 'receivedAt'],
      [5, 6],
    ])
    // without a preset or a mapping to look for, the first non-blank row is the header
    expect((await previewFile(file, { preset: null })).headerRow).toBe(2)
    const blank = await importFile(desk.db, {
      channelCode: 'minxin',
      file,
      headerRow: 1,
      dryRun: true,
      now: NOW,
    })
    expect(blank.errors.map((e) => [e.code, e.params])).toEqual([['no_header_at_row', { row: 1 }]])
  })

  it('keeps the first non-blank row as the header when none of the first rows fits', async () => {
    const desk = await setupDesk()
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'odd.csv', bytes: utf8(['编码,主题', 'A,B']) },
      dryRun: true,
      now: NOW,
    })
    expect(s.headerRow).toBeUndefined()
    expect(s.errors[0]).toMatchObject({ row: 1, code: 'unmapped' })
  })

  it('reads ; and tab separated CSV, a comma or semicolon inside the text kept', async () => {
    const desk = await setupDesk()
    const semi = [
      'externalId;subject;body;receivedAt',
      'S-1;标题, 带逗号;内容,逗号,很多,逗号;2026-11-03 10:00',
      'S-2;"标题; 带分号";内容;2026-11-04 10:00',
    ]
    expect(delimiterOf(semi.join('\n'))).toBe(';')
    const tab = [
      '导出;说明',
      'externalId\tsubject\tbody\treceivedAt',
      'TAB-1\t标题;一\t内容\t2026-11-03 10:00',
    ]
    expect(delimiterOf(tab.join('\n'))).toBe('\t')
    expect(delimiterOf('externalId,subject\nA;1,标题')).toBe(',')
    for (const [name, lines] of [
      ['semi.csv', semi],
      ['tab.csv', tab],
    ] as const) {
      const s = await importFile(desk.db, {
        channelCode: 'minxin',
        file: { name, bytes: utf8([...lines]) },
        now: NOW,
      })
      expect([name, s.status, s.errors]).toEqual([name, 'written', []])
    }
    expect(await stored(desk)).toEqual([
      { externalId: 'S-1', subject: '标题, 带逗号' },
      { externalId: 'S-2', subject: '标题; 带分号' },
      { externalId: 'TAB-1', subject: '标题;一' },
    ])
  })

  it('passes over a hidden first sheet and a merged title row, naming the hidden sheet', async () => {
    const desk = await setupDesk()
    const wb = new ExcelJS.Workbook()
    const notes = wb.addWorksheet('说明', { state: 'hidden' })
    notes.addRow(['本表由系统导出'])
    const data = wb.addWorksheet('留言')
    data.addRow(['民心网留言导出（2026年11月）'])
    data.mergeCells('A1:D1')
    data.addRow(['留言编号', '留言主题', '留言详情', '留言时间'])
    data.addRow(['X-1', '标题', '内容', '2026-11-03 10:00'])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'merged.xlsx', bytes },
      now: NOW,
    })
    expect([s.status, s.sheet, s.hiddenSheets, s.headerRow, s.created]).toEqual([
      'written',
      '留言',
      ['说明'],
      2,
      1,
    ])
    // the hidden sheet is still read when it is named
    const named = await previewFile({ name: 'merged.xlsx', bytes }, { sheet: '说明', preset: null })
    expect([named.sheet, named.headers]).toEqual(['说明', ['本表由系统导出']])
  })
})
