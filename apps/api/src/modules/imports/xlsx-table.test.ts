import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readXlsxTable } from './xlsx-table.ts'

const workbook = async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('First').addRow(['notes'])
  const second = wb.addWorksheet('Second')
  second.addRow(['编号', '主题'])
  second.addRow([1, '积水'])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** A parse that fails as exceljs's streaming reader does when it loses its race (exceljs#3064). */
async function* lostRace(): AsyncGenerator<never> {
  yield* []
  throw new TypeError("Cannot read properties of undefined (reading 'sheets')")
}

describe('readXlsxTable and exceljs’s streaming race', () => {
  afterEach(() => vi.restoreAllMocks())
  const parse = () =>
    vi.spyOn(
      ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { parse: () => unknown },
      'parse',
    )

  it('reads the sheet on a second pass when the first loses the race', async () => {
    const bytes = await workbook()
    const spy = parse().mockImplementationOnce(lostRace)
    const table = await readXlsxTable(bytes, { sheet: 'Second' })
    expect(spy).toHaveBeenCalledTimes(2)
    expect(table).toMatchObject({ sheet: 'Second', headers: ['编号', '主题'] })
    expect(table.rows.map((r) => r.cells)).toEqual([[1, '积水']])
  })

  it('reports a workbook that fails twice as unreadable, naming the cause', async () => {
    const bytes = await workbook()
    parse().mockImplementationOnce(lostRace).mockImplementationOnce(lostRace)
    await expect(readXlsxTable(bytes)).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        "The file is not a readable XLSX workbook: Cannot read properties of undefined (reading 'sheets')",
    })
  })
})
