import ExcelJS from 'exceljs'
import { sql, type SQL } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialectOf } from '../../db/dialect.ts'
import { seedDisclosure2017 } from '../seed/disclosure-2017.ts'
import { SEED_YEAR_TIMEOUT_MS, setupDesk, T0, type Desk } from '../../test/setup.ts'
import { getAnswerDocument } from './disclosure-answer.service.ts'
import { disclosureTableToCsv, disclosureTableToXlsx } from './disclosure-files.ts'
import { getDisclosureTable } from './disclosure-report.service.ts'

describe('the 2017 disclosure year', () => {
  let desk: Desk
  let first: Awaited<ReturnType<typeof seedDisclosure2017>>
  let again: typeof first
  let table: Awaited<ReturnType<typeof getDisclosureTable>>
  beforeAll(async () => {
    desk = await setupDesk()
    first = await seedDisclosure2017(desk.db, T0)
    again = await seedDisclosure2017(desk.db, T0, 99)
    table = await getDisclosureTable(desk.db, 2017)
  }, SEED_YEAR_TIMEOUT_MS)
  const cell = (row: string, column = 'total') =>
    table.sectionThree.find((r) => r.row === row)?.cells.find((c) => c.column === column)?.count

  const rowOf = async <T>(query: SQL) => (await dialectOf(desk.db).rows<T>(desk.db, query))[0]

  it('adds 760 requests once, whatever the seed', async () => {
    expect(first).toEqual({ created: 760, duplicates: 0 })
    expect(again).toEqual({ created: 0, duplicates: 760 })
    expect(
      (await rowOf<{ n: number }>(sql`select count(*) as n from disclosure_review_cases`))?.n,
    ).toBe(1)
  })

  it('reproduces the 2017 report: 760 received, all concluded, one administrative review', () => {
    expect(table.sentences.intake).toBe('全年共受理依申请公开760件，均全部办结。')
    expect(table.sentences.review).toBe('发生针对本部门有关政府信息公开事务的行政复议案件1件。')
    expect([cell('new'), cell('carried_in'), cell('decided_total'), cell('carried_out')]).toEqual([
      760, 0, 760, 0,
    ])
    expect(table.sectionFour.find((k) => k.kind === 'review')?.cells.map((c) => c.count)).toEqual([
      1, 0, 0, 0, 1,
    ])
  })

  it('decided every request within its 15 working days (the 2008 条例) and within 2017', async () => {
    const late = await rowOf<{
      n: number
      rule: number
    }>(sql`select count(*) filter (where d.decided_at > i.due_at) as n,
      count(*) filter (where i.deadline_rule like '%"amount":15%') as rule
      from disclosure_requests d join inquiries i on i.id = d.inquiry_id`)
    expect(late).toEqual({ n: 0, rule: 760 })
  })

  it('gives a 2017 request the answer document of the 2008 条例, named without article numbers', async () => {
    const granted = await rowOf<{ id: number }>(
      sql`select inquiry_id as id from disclosure_requests where outcome = 'grant' order by inquiry_id limit 1`,
    )
    const admin = { id: 0, role: 'admin' as const, departmentId: null }
    const doc = await getAnswerDocument(desk.db, Number(granted?.id), admin, '某市规划和国土资源局')
    expect([doc.regulation, doc.basis, doc.verified]).toEqual(['ogi2008', [], false])
    expect(doc.paragraphs[1]).toBe(
      '经审查，您申请获取的政府信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开条例》（国务院令第492号）的有关规定，本机关决定予以公开，现将该政府信息提供给您（见附件）。',
    )
  })

  it('writes the CSV with a BOM and the XLSX laid out like the printed table', async () => {
    const csv = disclosureTableToCsv(table)
    expect(csv.startsWith('\uFEFF三、收到和处理政府信息公开申请情况')).toBe(true)
    expect(csv).toContain('（七）总计,')
    // the heading row of the results, between 二、 and （一）, with empty counts
    expect(csv).toContain(
      '二、上年结转政府信息公开申请数量,0,0,0,0,0,0,0\r\n三、本年度办理结果,,,,,,,\r\n（一）予以公开,',
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await disclosureTableToXlsx(table)).buffer as ArrayBuffer)
    const three = wb.worksheets[0]!
    expect(three.getCell('D2').value).toBe('申请人情况')
    expect(three.getCell('J2').isMerged).toBe(true)
    expect(three.getCell('E3').value).toBe('法人或其他组织')
    expect(three.getCell('F4').value).toBe('科研机构')
    expect(three.getCell('A7').value).toBe('三、本年度办理结果')
    expect(three.getCell('A28').isMerged).toBe(true)
    expect(three.getCell('B9').value).toBe('（三）不予公开')
    expect(three.getCell('C9').value).toBe('1.属于国家秘密')
    expect(three.getCell('J5').value).toBe(760)
    expect(three.getCell('J28').value).toBe(760)
    const four = wb.worksheets[1]!
    expect([
      four.getCell('A2').value,
      four.getCell('F3').value,
      four.getCell('A5').value,
      four.getCell('E5').value,
    ]).toEqual(['行政复议', '未经复议直接起诉', 1, 1])
  })
})
