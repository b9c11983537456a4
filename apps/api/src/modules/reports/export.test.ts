import { parse } from 'csv-parse/sync'
import { formatInstant, weekdayCalendar } from '@desk/domain'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { tables } from '../../db/engine.ts'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'
import { exportPages } from './export.service.ts'

const LONG = '长'.repeat(40_000)

async function exportDesk() {
  const desk = await setupDesk()
  const manager = await signIn(desk, 'manager')
  const { attachments, inquiries } = tables(desk.db)
  await addInquiries(desk.db, [
    {
      channelCode: 'minxin',
      externalId: 'M-1',
      citizenName: '张三丰',
      citizenPhone: '13812345678',
      citizenEmail: 'zhang.san@example.cn',
      subject: '=HYPERLINK("http://x")',
      body: `第一行\n第二行，"引号"`,
    },
    { channelCode: 'minxin', externalId: 'M-2', body: LONG, receivedAt: T0 + 1000 },
    { channelCode: 'hotline_12345', externalId: 'H-1', citizenName: '李四', receivedAt: T0 - 1000 },
  ])
  const m1 = (
    await desk.db.select().from(inquiries).where(eq(inquiries.externalId, 'M-1')).limit(1)
  )[0]!
  for (const [name, type] of [
    ['现场照片.jpg', 'image/jpeg'],
    ['来信扫描件.pdf', 'application/pdf'],
  ] as const)
    await desk.db.insert(attachments).values({
      inquiryId: m1.id,
      source: 'citizen',
      name,
      type,
      size: 10,
      sha256: name,
      uploader: 'public',
      createdAt: T0,
    })
  return { desk, manager }
}

const csvRows = async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parse(new TextDecoder().decode(bytes), { bom: true }) as string[][]
}

describe('GET /reports/export.csv', () => {
  it('exports the queue filter, masked, with formulas neutralised, newlines kept and long texts whole', async () => {
    const { desk, manager } = await exportDesk()
    const res = await call(desk, manager, 'GET', '/reports/export.csv?channel=minxin&status=all')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('来信导出-2024-09-27.csv')}`,
    )
    const [header, ...rows] = await csvRows(res)
    expect(header).toEqual([
      '渠道',
      '外部编号',
      '收件时间（北京时间）',
      '办理期限',
      '状态',
      '承办部门',
      '承办人',
      '首次答复时间',
      '答复用时（工作日）',
      '逾期答复',
      '满意度',
      '分类',
      '标题',
      '内容',
      '来信人',
      '联系电话',
      '电子邮箱',
      '附件数',
      '附件名称',
    ])
    expect(rows.map((r) => r[1])).toEqual(['M-1', 'M-2'])
    const first = rows[0] ?? []
    expect(first.slice(0, 5)).toEqual([
      '民心网联网平台',
      'M-1',
      '2024-09-27 09:30:00',
      // 15 working days with the fixed-date 国庆节 (1-3 Oct) off: 2024's notice is not loaded
      '2024-10-23 17:00:00',
      '待签收',
    ])
    expect(first.slice(12)).toEqual([
      '\'=HYPERLINK("http://x")',
      '第一行\n第二行，"引号"',
      '张**',
      '138****5678',
      'z***@example.cn',
      '2',
      '现场照片.jpg、来信扫描件.pdf',
    ])
    expect(rows[1]?.slice(17)).toEqual(['0', ''])
    const body = rows[1]?.[13] ?? ''
    expect(body).toBe(LONG) // only the XLSX, whose format caps a cell, cuts
    expect(
      (await desk.db.select().from(tables(desk.db).inquiryEvents)).filter(
        (e) => e.type === 'contact_revealed',
      ),
    ).toHaveLength(0)
  })

  it('marks a first reply after the due instant as 逾期 N 个工作日答复, an answer in time not at all', async () => {
    const { desk, manager } = await exportDesk()
    await addInquiries(desk.db, [
      // received Fri 27 Sep 2024, due Wed 23 Oct 17:00 (2024's notice is not loaded here: only the
      // fixed-date 国庆节 1-3 Oct is off); replied Fri 25 Oct: late by Thu and Fri
      {
        channelCode: 'hotline_12345',
        externalId: 'LATE-1',
        reply: { body: '已处理', repliedAt: Date.parse('2024-10-25T10:00:00+08:00') },
      },
      {
        channelCode: 'hotline_12345',
        externalId: 'ON-TIME-1',
        reply: { body: '已处理', repliedAt: Date.parse('2024-10-23T16:59:00+08:00') },
      },
    ])
    const [header, ...rows] = await csvRows(
      await call(desk, manager, 'GET', '/reports/export.csv?channel=hotline_12345&status=all'),
    )
    const late = header!.indexOf('逾期答复')
    const byId = Object.fromEntries(rows.map((r) => [r[1], r]))
    expect(byId['LATE-1']?.[3]).toBe('2024-10-23 17:00:00')
    expect(byId['LATE-1']?.[late]).toBe('逾期 2 个工作日答复')
    expect(byId['ON-TIME-1']?.[late]).toBe('')
    expect(byId['H-1']?.[late]).toBe('')
  })

  it('reveals personal data on request and records one event per exported inquiry', async () => {
    const { desk, manager } = await exportDesk()
    const res = await call(desk, manager, 'GET', '/reports/export.csv?status=all&reveal=1')
    const [, ...rows] = await csvRows(res)
    expect(rows.map((r) => [r[1], r[14]])).toEqual([
      ['H-1', '李四'],
      ['M-1', '张三丰'],
      ['M-2', ''],
    ])
    const events = (await desk.db.select().from(tables(desk.db).inquiryEvents)).filter(
      (e) => e.type === 'contact_revealed',
    )
    expect(events).toHaveLength(3)
    expect(
      events.every((e) => e.actorId === manager.userId && JSON.parse(e.data).via === 'export'),
    ).toBe(true)
  })

  it('writes each export to the audit log before its first row: who, format, filter and row count', async () => {
    const { desk, manager } = await exportDesk()
    const auditRows = async () =>
      (await desk.db.select().from(tables(desk.db).auditLog))
        // the desk's set-up (accounts made, sign-ins) is not what this test reads
        .filter((r) => r.action !== 'login_succeeded' && r.action !== 'account_created')
        .map((r) => ({
          action: r.action,
          actor: [r.actorId, r.actorName],
          target: r.target,
          detail: JSON.parse(r.detail) as unknown,
        }))
    expect(await auditRows()).toEqual([])
    const masked = await call(desk, manager, 'GET', '/reports/export.csv?channel=minxin&status=all')
    expect(masked.status).toBe(200)
    await masked.arrayBuffer()
    const revealed = await call(desk, manager, 'GET', '/reports/export.xlsx?status=all&reveal=1')
    expect(revealed.status).toBe(200)
    await revealed.arrayBuffer()
    expect(await auditRows()).toEqual([
      {
        action: 'inquiries_exported',
        actor: [manager.userId, 'manager1'],
        target: 'inquiries',
        detail: { format: 'csv', filter: { channel: 'minxin', status: 'all' }, rows: 2 },
      },
      {
        action: 'personal_data_exported',
        actor: [manager.userId, 'manager1'],
        target: 'inquiries',
        detail: { format: 'xlsx', filter: { status: 'all' }, rows: 3 },
      },
    ])
  })

  it('pages through more rows than one page without loss or repeats', async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    await addInquiries(
      desk.db,
      Array.from({ length: 2345 }, (_, i) => ({ externalId: `B-${i}`, receivedAt: T0 + (i % 7) })),
    )
    const [, ...rows] = await csvRows(
      await call(desk, manager, 'GET', '/reports/export.csv?status=all'),
    )
    expect(rows).toHaveLength(2345)
    expect(new Set(rows.map((r) => r[1])).size).toBe(2345)
  })

  it('keyset pages smaller than the export (ties in receipt time) give every row once, in order', async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    await addInquiries(
      desk.db,
      Array.from({ length: 2345 }, (_, i) => ({ externalId: `B-${i}`, receivedAt: T0 + (i % 7) })),
    )
    const viewer = {
      id: manager.userId,
      username: 'manager1',
      role: 'manager' as const,
      departmentId: null,
    }
    const o = {
      viewer,
      address: '127.0.0.1',
      filter: { status: 'all' as const },
      reveal: false,
      format: 'csv' as const,
      now: T0,
      cal: weekdayCalendar,
      pageSize: 100,
    }
    const pages = []
    for await (const page of await exportPages(desk.db, o)) pages.push(page)
    expect(pages.map((p) => p.length)).toEqual([...Array<number>(23).fill(100), 45])
    const ids = pages.flat().map((r) => r[1])
    expect(new Set(ids).size).toBe(2345)
    const received = pages.flat().map((r) => String(r[2]))
    expect(received).toEqual(received.toSorted())
  })

  it('refuses responders', async () => {
    const { desk } = await exportDesk()
    const responder = await signIn(desk, 'responder')
    expect((await call(desk, responder, 'GET', '/reports/export.csv')).status).toBe(403)
    expect((await call(desk, responder, 'GET', '/reports/export.xlsx')).status).toBe(403)
  })
})

describe('GET /reports/export.xlsx', () => {
  it('streams a workbook that opens with the same rows, cut at the cell limit', async () => {
    const { desk, manager } = await exportDesk()
    const res = await call(desk, manager, 'GET', '/reports/export.xlsx?status=all')
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.getWorksheet('来信')
    expect(ws?.getRow(1).getCell(1).value).toBe('渠道')
    expect(ws?.rowCount).toBe(4)
    expect(ws?.getRow(3).getCell(13).value).toBe('=HYPERLINK("http://x")')
    expect(ws?.getRow(3).getCell(15).value).toBe('张**')
    const cut = String(ws?.getRow(4).getCell(14).value)
    expect(cut).toHaveLength(32_767)
    expect(cut.endsWith('…[超出单元格长度，已截断]')).toBe(true)
    expect(ws?.getColumn(14).width).toBe(60)
    // the instants are date cells showing Beijing time (exceljs reads them back as the Date
    // whose UTC fields are the cell's), not text
    const received = ws?.getRow(3).getCell(3)
    expect(received?.type).toBe(ExcelJS.ValueType.Date)
    expect(received?.value).toEqual(new Date(`${formatInstant(T0).slice(0, 19)}Z`))
    expect(received?.numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    expect(ws?.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.Date)
  })
})
