import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { setupDesk, T0 } from '../../test/setup.ts'
import { findImportBatch } from './imports.repo.ts'
import {
  importFile,
  previewFile,
  type ImportOptions,
  type ImportProgress,
} from './imports.service.ts'

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情'
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const file = (bytes: Uint8Array, name = 'messages.csv') => ({ name, bytes })

async function run(db: Db, bytes: Uint8Array, opts: Partial<ImportOptions> = {}) {
  return await importFile(db, {
    channelCode: 'minxin',
    file: file(bytes, opts.file?.name),
    now: T0,
    ...opts,
  })
}

/** Row counts of every table an import writes. */
function tableCounts(db: Db) {
  const n = (t: string) =>
    (db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n
  return {
    inquiries: n('inquiries'),
    events: n('inquiry_events'),
    replies: n('replies'),
    batches: n('import_batches'),
  }
}

function inquiry(db: Db, externalId: string) {
  return db.$client
    .prepare(
      'select subject, body, received_at as receivedAt, status, citizen_name as citizenName from inquiries where external_id = ?',
    )
    .get(externalId) as
    | { subject: string; body: string; receivedAt: number; status: string; citizenName: string }
    | undefined
}

describe('importFile', () => {
  it('imports rows, skips blank rows, and a re-import creates nothing', async () => {
    const { db } = await setupDesk()
    const bytes = csv(
      HEADER,
      '1,A001,路灯不亮,2019/4/25 9:32:09,"小区路灯\n坏了"',
      ',,,,',
      '',
      '2,A002,噪音扰民,2019/4/26 10:00:00,夜间施工',
    )
    const first = await run(db, bytes)
    expect(first).toMatchObject({
      status: 'written',
      created: 2,
      duplicates: 0,
      skipped: 0,
      errors: [],
      rows: 2,
      encoding: 'utf-8',
      preset: 'teddy-cup',
    })
    expect(inquiry(db, '1')).toEqual({
      subject: '路灯不亮',
      body: '小区路灯\n坏了',
      receivedAt: Date.parse('2019-04-25T01:32:09Z'),
      status: 'new',
      citizenName: 'A001',
    })
    expect(await findImportBatch(db, first.batchId ?? 0)).toMatchObject({
      channelCode: 'minxin',
      fileName: 'messages.csv',
      format: 'csv',
      created: 2,
      duplicates: 0,
    })
    const again = await run(db, bytes)
    expect(again).toMatchObject({ status: 'written', created: 0, duplicates: 2 })
    expect(tableCounts(db).inquiries).toBe(2)
  })

  it('lists a re-imported row whose message differs from the stored inquiry, which stays as it was', async () => {
    const { db } = await setupDesk()
    await run(
      db,
      csv(
        HEADER,
        '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
        '2,A002,噪音扰民,2019/4/26 10:00:00,夜间施工',
      ),
    )
    const again = await run(
      db,
      csv(
        HEADER,
        '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
        '2,A002,噪音扰民（已改）,2019/4/26 10:00:00,夜间施工',
        '3,A003,井盖缺失,2019/4/27 8:00:00,井盖丢了',
      ),
    )
    const id2 = (
      db.$client.prepare("select id from inquiries where external_id = '2'").get() as { id: number }
    ).id
    expect(again).toMatchObject({
      status: 'written',
      created: 1,
      duplicates: 2,
      errors: [
        {
          row: 3,
          column: '留言主题',
          code: 'differs_from_desk',
          params: { idColumn: '留言编号', id: '2', inquiryId: id2, column: '留言主题' },
          reason: `留言编号 2 is already in the desk (inquiry ${id2}) with a different 留言主题; the desk keeps its own`,
        },
      ],
    })
    expect(inquiry(db, '2')?.subject).toBe('噪音扰民')
    expect(JSON.parse((await findImportBatch(db, again.batchId ?? 0))?.errors ?? '[]')).toEqual(
      again.errors,
    )
  })

  it('rejects a file with a bad row, naming row (header = row 1, blank rows counted) and column, and writes nothing', async () => {
    const { db } = await setupDesk()
    const before = tableCounts(db)
    const bytes = csv(
      HEADER,
      '1,A001,路灯不亮,2019/4/25 9:32:09,坏了',
      '',
      '2,A002,,2019/4/31 10:00:00,夜间施工',
    )
    const summary = await run(db, bytes)
    expect(summary).toMatchObject({ status: 'rejected', created: 0, duplicates: 0, skipped: 0 })
    expect(summary.errors).toEqual([
      {
        row: 4,
        column: '留言时间',
        code: 'unreadable_time',
        params: { value: '2019/4/31 10:00:00' },
        reason: 'unreadable time "2019/4/31 10:00:00"',
      },
      {
        row: 4,
        column: '留言主题',
        code: 'empty',
        params: { field: 'subject' },
        reason: 'subject is empty',
      },
    ])
    expect(tableCounts(db)).toEqual(before)
  })

  it('with skipInvalid, writes the valid rows and lists the skipped ones in the batch', async () => {
    const { db } = await setupDesk()
    const summary = await run(
      db,
      csv(HEADER, '1,A001,路灯不亮,2019/4/25 9:32:09,坏了', '2,A002,噪音,yesterday,施工'),
      { skipInvalid: true },
    )
    expect(summary).toMatchObject({
      status: 'written',
      created: 1,
      skipped: 1,
      errors: [{ row: 3, column: '留言时间' }],
    })
    const batch = await findImportBatch(db, summary.batchId ?? 0)
    expect(JSON.parse(batch?.errors ?? '[]')).toEqual([
      {
        row: 3,
        column: '留言时间',
        code: 'unreadable_time',
        params: { value: 'yesterday' },
        reason: 'unreadable time "yesterday"',
      },
    ])
    expect(batch?.skipped).toBe(1)
  })

  it('a repeated id with the same content is a duplicate; with different content both rows are refused', async () => {
    const { db } = await setupDesk()
    const same = await run(
      db,
      csv(HEADER, '1,A,主题,2019/1/1,内容', '1,A,主题,2019/1/1 0:00:00,内容'),
    )
    expect(same).toMatchObject({ status: 'written', created: 1, duplicates: 1 })
    // an id in another ASCII case is the same id (domain externalIdKey), in the file and in the desk
    const cased = await run(
      db,
      csv(
        HEADER,
        'GD-7,A,主题,2019/1/1,内容',
        'gd-7,A,主题,2019/1/1,内容',
        'Gd-7,A,主题,2019/1/1,内容',
      ),
    )
    expect(cased).toMatchObject({ status: 'written', created: 1, duplicates: 2 })
    const casedAgain = await run(db, csv(HEADER, 'gD-7,A,主题,2019/1/1,另一内容'))
    expect(casedAgain).toMatchObject({ status: 'written', created: 0, duplicates: 1 })
    expect(casedAgain.errors.map((e) => [e.code, e.params?.id])).toEqual([
      ['differs_from_desk', 'gD-7'],
    ])
    const casedDiffer = await run(
      db,
      csv(HEADER, 'MX-9,A,主题,2019/1/1,内容', 'mx-9,A,主题,2019/1/1,另一内容'),
    )
    expect(casedDiffer.errors.map((e) => [e.row, e.code, e.params?.id])).toEqual([
      [2, 'differs_in_file', 'MX-9'],
      [3, 'differs_in_file', 'mx-9'],
    ])
    const differ = await run(
      db,
      csv(HEADER, '5,A,主题,2019/1/1,内容', '6,B,x,2019/1/1,y', '5,A,主题,2019/1/1,另一内容'),
    )
    expect(differ.errors).toEqual([
      {
        row: 2,
        column: '留言编号',
        code: 'differs_in_file',
        params: { idColumn: '留言编号', id: '5', otherRows: '4', column: '留言详情' },
        reason: '留言编号 5 is also on row 4, with a different 留言详情',
      },
      {
        row: 4,
        column: '留言编号',
        code: 'differs_in_file',
        params: { idColumn: '留言编号', id: '5', otherRows: '2', column: '留言详情' },
        reason: '留言编号 5 is also on row 2, with a different 留言详情',
      },
    ])
  })

  it('a dry run counts new and duplicate rows exactly and writes nothing', async () => {
    const { db } = await setupDesk()
    await run(db, csv(HEADER, '1,A,主题,2019/1/1,内容'))
    const before = tableCounts(db)
    const progress: ImportProgress[] = []
    const summary = await run(db, csv(HEADER, '1,A,主题,2019/1/1,内容', '2,B,主题,2019/1/2,内容'), {
      dryRun: true,
      onProgress: (p) => progress.push(p),
    })
    expect(summary).toMatchObject({ status: 'dry_run', created: 1, duplicates: 1, skipped: 0 })
    expect(tableCounts(db)).toEqual(before)
    // a dry run reads and checks, and has no write phase
    expect(progress).toEqual([
      { phase: 'read', done: 2, total: 0 },
      { phase: 'validate', done: 2, total: 2 },
    ])
  })

  it('reports progress every 1000 rows of a large file', async () => {
    const { db } = await setupDesk()
    const lines = Array.from(
      { length: 2100 },
      (_, i) => `${i + 1},A${i},主题${i},2019/1/1 8:00,内容${i}`,
    )
    const progress: ImportProgress[] = []
    const summary = await run(db, csv(HEADER, ...lines), { onProgress: (p) => progress.push(p) })
    expect(summary.created).toBe(2100)
    expect(progress.filter((p) => p.phase === 'write').map((p) => p.done)).toEqual([
      1000, 2000, 2100,
    ])
  })

  it('decodes GB18030, GBK and UTF-8 with a BOM to the same text', async () => {
    const text = `${HEADER}\r\n1,A001,关于•路灯\u00a0问题,2019/4/25 9:32:09,内容\r\n`
    const { db } = await setupDesk()
    const summary = await run(db, iconv.encode(text, 'gb18030'))
    expect(summary).toMatchObject({ status: 'written', created: 1, encoding: 'gb18030' })
    expect(inquiry(db, '1')?.subject).toBe('关于•路灯 问题')
    const bom = await run(
      (await setupDesk()).db,
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    )
    expect(bom).toMatchObject({ status: 'written', created: 1, encoding: 'utf-8' })
    const gbkDb = (await setupDesk()).db
    const gbk = await run(
      gbkDb,
      iconv.encode(`${HEADER}\r\n1,A001,关于路灯问题,2019/4/25 9:32:09,内容\r\n`, 'gbk'),
    )
    expect(gbk).toMatchObject({ status: 'written', created: 1, encoding: 'gb18030' })
    expect(inquiry(gbkDb, '1')?.subject).toBe('关于路灯问题')
  })

  it('decodes Big5 and Shift_JIS files, which GB18030 would read as mojibake, and says so', async () => {
    // the API's field names: the sample's simplified headers have no Big5 form
    const API_HEADER = 'externalId,subject,body,receivedAt'
    const big5Db = (await setupDesk()).db
    const big5 = await run(
      big5Db,
      iconv.encode(
        `${API_HEADER}\r\nB-1,臺灣測試標題,繁體內容測試很多字很多字,2019-04-25 09:32\r\n`,
        'big5',
      ),
    )
    expect(big5).toMatchObject({ status: 'written', created: 1, encoding: 'big5' })
    expect(inquiry(big5Db, 'B-1')?.subject).toBe('臺灣測試標題')
    const sjisDb = (await setupDesk()).db
    const sjis = await run(
      sjisDb,
      iconv.encode(
        `${API_HEADER}\r\nJ-1,日本語のテスト,本文です,2019-04-25 09:32\r\n`,
        'shift_jis',
      ),
    )
    expect(sjis).toMatchObject({ status: 'written', created: 1, encoding: 'shift_jis' })
    expect(inquiry(sjisDb, 'J-1')?.subject).toBe('日本語のテスト')
  })

  it("maps a file whose headers are the channel API's field names without --map", async () => {
    const { db } = await setupDesk()
    const summary = await run(
      db,
      csv(
        'externalId,subject,body,receivedAt,citizen.name,citizenPhone,category',
        'API-1,路灯不亮,小区路灯坏了,2024-09-20T08:00:00+08:00,王某,13812345678,城建',
      ),
    )
    expect(summary).toMatchObject({ status: 'written', created: 1, preset: 'api-fields' })
    expect(inquiry(db, 'API-1')).toEqual({
      subject: '路灯不亮',
      body: '小区路灯坏了',
      receivedAt: Date.parse('2024-09-20T00:00:00Z'),
      status: 'new',
      citizenName: '王某',
    })
  })

  it('maps any layout with --map entries and reads times in --tz', async () => {
    const { db } = await setupDesk()
    const bytes = csv('Key,When,What,Detail', '42,03/14/2011 03:59:20 PM,Noise,Loud music')
    const summary = await run(db, bytes, {
      map: ['Key=externalId', 'When=receivedAt', 'What=subject', 'Detail=body'],
      tz: 'America/New_York',
    })
    expect(summary).toMatchObject({ status: 'written', created: 1 })
    expect(inquiry(db, '42')?.receivedAt).toBe(Date.parse('2011-03-14T19:59:20Z'))
  })

  it('reads the XLSX sheet named by --sheet, with an Excel date cell in the zone, and lists the sheets when it is missing', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('First').addRow(['notes'])
    const second = wb.addWorksheet('Second')
    second.addRow(HEADER.split(','))
    second.addRow([])
    second.addRow([37042, 'A', '主题', new Date(Date.UTC(2019, 0, 2, 8, 30)), '内容'])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const { db } = await setupDesk()
    const summary = await run(db, bytes, { file: { name: 'book.xlsx', bytes }, sheet: 'Second' })
    expect(summary).toMatchObject({
      status: 'written',
      created: 1,
      format: 'xlsx',
      sheet: 'Second',
      errors: [],
    })
    expect(inquiry(db, '37042')?.receivedAt).toBe(Date.parse('2019-01-02T00:30:00Z'))
    const missing = await run(db, bytes, { file: { name: 'book.xlsx', bytes }, sheet: 'Third' })
    expect(missing.errors).toEqual([
      {
        code: 'no_such_sheet',
        params: { sheet: 'Third', sheets: 'First, Second' },
        reason: 'No sheet named "Third"; the sheets are: First, Second',
      },
    ])
    const empty = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer())
    const none = await run(db, empty, { file: { name: 'empty.xlsx', bytes: empty } })
    expect(none.errors).toEqual([{ code: 'no_sheets', reason: 'The workbook has no sheets' }])
    // the preview shows the Excel date as the clock time the import reads, without a UTC marker
    const preview = await previewFile({ name: 'book.xlsx', bytes }, { sheet: 'Second' })
    expect(preview.rows[0]?.cells[3]).toBe('2019-01-02 08:30:00')
    expect(JSON.stringify(preview.rows)).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/)
  })

  it('refuses an Excel error value and a TRUE cell as text, naming row and column, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('留言')
    sheet.addRow(HEADER.split(','))
    sheet.addRow([1, 'A', true, '2019/4/25 9:32:09', { error: '#DIV/0!' }])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const { db } = await setupDesk()
    const summary = await run(db, bytes, { file: { name: 'book.xlsx', bytes } })
    expect(summary).toMatchObject({ status: 'rejected', created: 0 })
    expect(summary.errors).toEqual([
      {
        row: 2,
        column: '留言主题',
        code: 'boolean_value',
        params: { field: 'subject', value: 'TRUE' },
        reason: 'subject holds the boolean TRUE, not text',
      },
      {
        row: 2,
        column: '留言详情',
        code: 'error_value',
        params: { field: 'body', value: '#DIV/0!' },
        reason: 'body holds a spreadsheet error (#DIV/0!)',
      },
    ])
    expect(tableCounts(db).inquiries).toBe(0)
    // the preview shows the error as Excel does
    const preview = await previewFile({ name: 'book.xlsx', bytes }, {})
    expect(preview.rows[0]?.cells).toEqual([1, 'A', true, '2019/4/25 9:32:09', '#DIV/0!'])
  })

  it("refuses a formula whose cached result is an error as that error, naming row, column and Excel's code, in a text or a time column", async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('留言')
    sheet.addRow(HEADER.split(','))
    const failed = (formula: string, error: string) =>
      ({ formula, result: { error } }) as unknown as ExcelJS.CellFormulaValue
    sheet.addRow([
      1,
      'A',
      failed('1/0', '#DIV/0!'),
      failed('#REF!+1', '#REF!'),
      { ...failed('NA()', '#N/A'), shareType: 'shared', ref: 'E2:E3' },
    ])
    // a shared formula's later cell, and a formula whose cached result is 0 (read as 0, not empty)
    sheet.addRow([
      2,
      { formula: '1-1', result: 0 },
      '主题',
      '2019/4/25 9:32:09',
      { sharedFormula: 'E2', result: { error: '#N/A' } } as unknown as ExcelJS.CellValue,
    ])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const { db } = await setupDesk()
    const summary = await run(db, bytes, { file: { name: 'book.xlsx', bytes } })
    expect(summary).toMatchObject({ status: 'rejected', created: 0 })
    expect(summary.errors.map((e) => [e.row, e.column, e.code, e.params?.value, e.reason])).toEqual(
      [
        [2, '留言主题', 'error_value', '#DIV/0!', 'subject holds a spreadsheet error (#DIV/0!)'],
        [2, '留言详情', 'error_value', '#N/A', 'body holds a spreadsheet error (#N/A)'],
        [2, '留言时间', 'error_value', '#REF!', 'receivedAt holds a spreadsheet error (#REF!)'],
        [3, '留言详情', 'error_value', '#N/A', 'body holds a spreadsheet error (#N/A)'],
      ],
    )
    expect(tableCounts(db).inquiries).toBe(0)
    const preview = await previewFile({ name: 'book.xlsx', bytes }, {})
    expect(preview.rows.map((r) => r.cells)).toEqual([
      [1, 'A', '#DIV/0!', '#REF!', '#N/A'],
      [2, 0, '主题', '2019/4/25 9:32:09', '#N/A'],
    ])
  })

  it('reads a formula whose cached result is TRUE or FALSE as that boolean, not as 1 or 0', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('留言')
    sheet.addRow(HEADER.split(','))
    sheet.addRow([1, 'A', { formula: '1=1', result: true }, '2019/4/25 9:32:09', '内容'])
    sheet.addRow([
      2,
      { formula: '1-0', result: 1 },
      '主题',
      '2019/4/25 9:32:09',
      { formula: '1=2', result: false },
    ])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const { db } = await setupDesk()
    const summary = await run(db, bytes, { file: { name: 'book.xlsx', bytes } })
    expect(summary.errors.map((e) => [e.row, e.column, e.code, e.params?.value])).toEqual([
      [2, '留言主题', 'boolean_value', 'TRUE'],
      [3, '留言详情', 'boolean_value', 'FALSE'],
    ])
    const preview = await previewFile({ name: 'book.xlsx', bytes }, {})
    expect(preview.rows.map((r) => r.cells[2])).toEqual([true, '主题'])
    expect(preview.rows.map((r) => r.cells[1])).toEqual(['A', 1])
  })

  it('refuses a receivedAt in the future, naming row and column, and writes nothing', async () => {
    const { db } = await setupDesk()
    const summary = await run(
      db,
      csv(HEADER, '1,A,主题,2019/4/25 9:32:09,内容', '2,A,主题,2099/1/1 0:00,内容'),
    )
    expect(summary).toMatchObject({ status: 'rejected', created: 0 })
    expect(summary.errors).toEqual([
      {
        row: 3,
        column: '留言时间',
        code: 'in_future',
        params: { field: 'receivedAt' },
        reason: 'receivedAt in the future',
      },
    ])
    expect(tableCounts(db).inquiries).toBe(0)
  })

  it('refuses an ambiguous slash date unless the order is stated or the file shows it', async () => {
    const { db } = await setupDesk()
    const ambiguous = csv(HEADER, '1,A,主题,12/01/2026 09:00,内容')
    const refused = await run(db, ambiguous)
    expect(refused).toMatchObject({ status: 'rejected', created: 0 })
    expect(refused.errors).toEqual([
      {
        row: 2,
        column: '留言时间',
        code: 'ambiguous_date',
        params: { field: 'receivedAt', value: '12/01/2026 09:00' },
        reason:
          'receivedAt "12/01/2026 09:00" is ambiguous: month/day or day/month? State the file\'s date order (month-first or day-first), or write the year first (2026/12/01)',
      },
    ])
    expect(
      await run(db, ambiguous, { dateOrder: 'day-first', now: Date.parse('2026-06-01T00:00:00Z') }),
    ).toMatchObject({
      status: 'written',
      created: 1,
    })
    expect(inquiry(db, '1')?.receivedAt).toBe(Date.parse('2026-01-12T01:00:00Z'))
    // a later row of the file shows the order (day 25 in second place): month-first
    const shown = csv(HEADER, '2,A,主题,03/01/2011 09:00,内容', '3,A,主题,03/25/2011 09:00,内容')
    expect(await run(db, shown)).toMatchObject({ status: 'written', created: 2 })
    expect(inquiry(db, '2')?.receivedAt).toBe(Date.parse('2011-03-01T01:00:00Z'))
  })

  it('previews the first rows with encoding, preset and mapping, reading no further and writing nothing', async () => {
    const { db } = await setupDesk()
    const bytes = csv(HEADER, '1,A,主题,2019/1/1,内容', '2,B,主题,2019/1/2,内容')
    const preview = await previewFile(file(bytes), {}, 1)
    // it stopped after the row it shows, so it does not know the file's length
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      preset: 'teddy-cup',
      totalRows: undefined,
      rows: [{ row: 2 }],
    })
    expect(await previewFile(file(bytes), {}, 5)).toMatchObject({
      totalRows: 2,
      rows: [{ row: 2 }, { row: 3 }],
    })
    expect(preview.mapping).toEqual({
      externalId: '留言编号',
      subject: '留言主题',
      receivedAt: '留言时间',
      body: '留言详情',
      citizenName: '留言用户',
    })
    expect(tableCounts(db).inquiries).toBe(0)
  })
})

describe('importFile refuses bad input with a clear reason and writes nothing', () => {
  const cases: [string, Uint8Array, Partial<ImportOptions>, string][] = [
    ['an empty file', new Uint8Array(), {}, 'The file is empty'],
    ['a header-only file', csv(HEADER), {}, 'The file has a header row but no data rows'],
    [
      'binary garbage',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xd8]),
      {},
      'The file is binary (it holds NUL bytes), not a CSV text file',
    ],
    [
      'binary garbage without NUL bytes',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x01, 0x02, 0x8f]),
      {},
      'The file is not readable text: neither UTF-8 nor GB18030',
    ],
    [
      'control characters',
      new Uint8Array([0x41, 0x2c, 0x42, 0x0a, 0x01, 0x02, 0x1b, 0x2c, 0x43]),
      {},
      'The file is binary, not CSV text (control character U+0001 at character 4)',
    ],
    [
      'an unknown channel',
      csv(HEADER, '1,A,主题,2019/1/1,内容'),
      { channelCode: 'fax' },
      'Unknown channel: fax',
    ],
    [
      'an unknown --map field',
      csv(HEADER, '1,A,主题,2019/1/1,内容'),
      { map: ['留言用户=uid'] },
      '--map "留言用户=uid": unknown field "uid"; fields are externalId, subject, body, receivedAt, citizenName, citizenPhone, citizenEmail, category, reply, repliedAt',
    ],
    [
      'an unknown zone',
      csv(HEADER, '1,A,主题,2019/1/1,内容'),
      { tz: 'Mars/Olympus' },
      'Unknown time zone "Mars/Olympus" (use an IANA name such as America/New_York)',
    ],
    [
      'a fake .xlsx',
      csv(HEADER),
      { file: { name: 'a.xlsx', bytes: new Uint8Array() } },
      'a.xlsx is not an XLSX workbook (not a ZIP file)',
    ],
    [
      'a broken workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      {},
      'The file is not a readable XLSX workbook',
    ],
    [
      'no mapping for a foreign layout',
      csv('a,b', '1,2'),
      {},
      'no column is mapped to externalId (no preset matches these headers; use --map)',
    ],
  ]
  it.each(cases)('%s', async (_name, bytes, opts, reason) => {
    const { db } = await setupDesk()
    const summary = await run(db, bytes, {
      ...opts,
      file: { name: opts.file?.name ?? 'in.csv', bytes },
    })
    expect(summary.status).toBe('rejected')
    expect(summary.errors[0]?.reason).toContain(reason)
    expect(tableCounts(db)).toEqual({ inquiries: 0, events: 0, replies: 0, batches: 0 })
  })
})
