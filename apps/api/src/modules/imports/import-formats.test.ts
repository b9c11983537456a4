/**
 * File formats and headers the message import reads, on both engines (projects api and api-pg):
 * Excel's "Unicode text" (UTF-16 with a BOM, tab-separated), Chinese column names without --map
 * (the zh-common preset), API field names in any case and spacing, and a 20-digit numeric id in
 * an XLSX, which is refused rather than stored rounded.
 */
import ExcelJS from 'exceljs'
import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { setupDesk } from '../../test/setup.ts'
import { importFile } from './imports.service.ts'

const NOW = Date.parse('2026-12-06T09:00:00+08:00')

/** `text` as Excel saves "Unicode text": UTF-16LE after a byte-order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[2 + i * 2] = code & 0xff
    bytes[3 + i * 2] = code >> 8
  }
  return bytes
}

async function stored(desk: Awaited<ReturnType<typeof setupDesk>>) {
  const { inquiries } = tables(desk.db)
  return await desk.db
    .select({ externalId: inquiries.externalId, subject: inquiries.subject, body: inquiries.body })
    .from(inquiries)
    .orderBy(asc(inquiries.id))
}

describe('import formats and headers', () => {
  it('reads UTF-16 tab-separated text with Chinese headers, guessing the columns, commas and quotes kept in cells', async () => {
    const desk = await setupDesk()
    const text = [
      '编号\t标题\t内容\t来件时间',
      'T-1\t路灯坏了，请修\t东风路"3号"路灯不亮, 已两天\t2026-11-03 10:00',
      'T-2\t噪音\t夜间施工\t2026-11-04 21:00',
    ].join('\r\n')
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: '来信登记.txt', bytes: utf16le(text) },
      now: NOW,
    })
    expect([s.status, s.created, s.errors]).toEqual(['written', 2, []])
    expect(await stored(desk)).toEqual([
      { externalId: 'T-1', subject: '路灯坏了，请修', body: '东风路"3号"路灯不亮, 已两天' },
      { externalId: 'T-2', subject: '噪音', body: '夜间施工' },
    ])
  })

  it("maps the channel API's field names in any case and spacing, without --map", async () => {
    const desk = await setupDesk()
    const bytes = new TextEncoder().encode(
      ['External ID, SUBJECT ,body,receivedat', 'A-1,标题,内容,2026-11-03T10:00:00+08:00'].join(
        '\n',
      ),
    )
    const s = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'api.csv', bytes },
      now: NOW,
    })
    expect([s.status, s.created]).toEqual(['written', 1])
    expect(await stored(desk)).toEqual([{ externalId: 'A-1', subject: '标题', body: '内容' }])
  })

  it('refuses a 20-digit numeric id in an XLSX, naming row and column and saying to format it as text; a text cell of it is kept exactly', async () => {
    const desk = await setupDesk()
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('来信')
    sheet.addRow(['编号', '标题', '内容', '来件时间'])
    sheet.addRow([Number('12345678901234567890'), '标题', '内容', '2026-11-03 10:00'])
    sheet.addRow(['12345678901234567891', '标题二', '内容二', '2026-11-03 11:00'])
    sheet.addRow([123456789012345, '标题三', '内容三', '2026-11-03 12:00'])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const run = (skipInvalid: boolean) =>
      importFile(desk.db, {
        channelCode: 'minxin',
        file: { name: 'book.xlsx', bytes },
        now: NOW,
        skipInvalid,
      })
    const refused = await run(false)
    expect([refused.status, refused.created]).toEqual(['rejected', 0])
    expect(refused.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '编号',
        code: 'number_too_long',
        params: { field: 'externalId', value: '12345678901234567000' },
      }),
    ])
    expect(refused.errors[0]?.reason).toContain('format the column as text')
    const written = await run(true)
    expect(written.created).toBe(2)
    expect((await stored(desk)).map((r) => r.externalId)).toEqual([
      '12345678901234567891',
      '123456789012345',
    ])
  })
})
