import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { tables } from '../../db/engine.ts'
import { call, setupDesk, signIn, type Desk } from '../../test/setup.ts'
import { createChannel } from '../channels/channels.service.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'

type Row = { received: number; replied: number; pending: number; merged: number }
type Tally = {
  sentence: string
  channels: ({ code: string } & Row)[]
  totals: Row
  byMonth: { month: string; total: number; byChannel: Record<string, number> }[]
  byCategory: ({ category: string | null } & Row)[]
}

const at = (iso: string) => Date.parse(iso)
let seq = 0

/** `n` inquiries of `channel` received at `receivedAt`, through the one ingest path. */
async function receive(db: Desk['db'], channel: string, n: number, receivedAt: number, extra = {}) {
  await ingestInquiries(
    db,
    Array.from({ length: n }, () => ({
      channelCode: channel,
      externalId: `T${++seq}`,
      subject: '规划许可咨询',
      body: '请问某地块的规划条件何时公示？',
      receivedAt,
      ...extra,
    })),
    { actorId: null, now: receivedAt, eventType: 'imported' },
  )
}

/** A 2017 whose inquiries sit on the day and year boundaries of Beijing time (the suite runs under TZ=UTC). */
async function desk2017() {
  const desk = await setupDesk()
  const { db } = desk
  await receive(db, 'hotline_12345', 2, at('2016-12-31T16:00:00Z')) // 2017-01-01 00:00 Beijing: in 2017
  await receive(db, 'hotline_12345', 1, at('2016-12-31T15:59:59.999Z')) // 2016-12-31 23:59:59.999 Beijing: 2016
  await receive(db, 'mayor_mailbox', 3, at('2017-12-31T15:30:00Z'), { category: '规划' }) // 23:30 Beijing, 31 Dec: 2017
  await receive(db, 'mayor_mailbox', 1, at('2017-12-31T16:00:00Z')) // 2018-01-01 00:00 Beijing: 2018
  await receive(db, 'minxin', 4, at('2017-01-31T16:00:00Z'), { category: '规划' }) // 1 Feb Beijing, 31 Jan UTC
  await receive(db, 'network_responder', 2, at('2017-06-15T02:00:00Z'), {
    reply: { body: '已答复', repliedAt: at('2017-12-31T15:59:00Z') }, // replied before the year ended
  })
  await receive(db, 'network_responder', 1, at('2017-06-15T02:00:00Z'), {
    reply: { body: '已答复', repliedAt: at('2018-01-02T01:00:00Z') }, // pending at the year's end
  })
  await receive(db, 'director_mailbox', 1, at('2017-07-01T00:00:00Z'))
  return desk
}

describe('GET /reports/tally', () => {
  it('counts by receipt date in Beijing time and writes the report sentence', async () => {
    const desk = await desk2017()
    const s = await signIn(desk, 'manager')
    const res = await call(desk, s, 'GET', '/reports/tally?year=2017')
    expect(res.status).toBe(200)
    const t = (await res.json()) as Tally
    expect(t.sentence).toBe(
      '2017年共办理“12345网络问政”2件、“市长信箱”3件、“民心网联网平台”4件、“网络回应人”3件、“局长信箱”1件。',
    )
    expect(t.channels.find((c) => c.code === 'network_responder')).toEqual({
      code: 'network_responder',
      nameZh: '网络回应人',
      nameEn: 'Network Responder',
      received: 3,
      replied: 2,
      pending: 1,
      merged: 0,
    })
    expect(t.totals).toEqual({ received: 13, replied: 2, pending: 11, merged: 0 })
    expect(t.byMonth.map((m) => m.total)).toEqual([2, 4, 0, 0, 0, 3, 1, 0, 0, 0, 0, 3])
    expect(t.byMonth[1]).toEqual({
      month: '2017-02',
      total: 4,
      byChannel: {
        hotline_12345: 0,
        mayor_mailbox: 0,
        minxin: 4,
        network_responder: 0,
        director_mailbox: 0,
      },
    })
    expect(t.byCategory).toEqual([
      { category: '规划', received: 7, replied: 0, pending: 7, merged: 0 },
      { category: null, received: 6, replied: 2, pending: 4, merged: 0 },
    ])
  })

  it('counts a merged duplicate in its own channel’s 收件数 and merged column, not as pending (its main is)', async () => {
    const desk = await desk2017()
    const s = await signIn(desk, 'manager')
    const { inquiries } = tables(desk.db)
    const idOf = async (channel: string) =>
      (
        await desk.db
          .select()
          .from(inquiries)
          .where(eq(inquiries.channelCode, channel))
          .orderBy(asc(inquiries.id))
      )[0]!.id
    const res = await call(desk, s, 'POST', `/inquiries/${await idOf('minxin')}/merge`, {
      version: 1,
      mainId: await idOf('director_mailbox'),
    })
    expect(res.status).toBe(200)
    const t = (await (await call(desk, s, 'GET', '/reports/tally?year=2017')).json()) as Tally
    const counts = (code: string) => {
      const c = t.channels.find((x) => x.code === code)!
      return [c.received, c.replied, c.pending, c.merged]
    }
    expect(counts('minxin')).toEqual([4, 0, 3, 1])
    expect(counts('director_mailbox')).toEqual([1, 0, 1, 0])
    expect(t.totals).toEqual({ received: 13, replied: 2, pending: 10, merged: 1 })
    expect(t.byCategory.find((c) => c.category === '规划')).toMatchObject({ pending: 6, merged: 1 })
    expect(t.sentence).toContain('“民心网联网平台”4件')
  })

  it('puts the inquiries of the boundary instants into the neighbouring years', async () => {
    const desk = await desk2017()
    const s = await signIn(desk, 'manager')
    const t2016 = (await (await call(desk, s, 'GET', '/reports/tally?year=2016')).json()) as Tally
    const t2018 = (await (await call(desk, s, 'GET', '/reports/tally?year=2018')).json()) as Tally
    expect(t2016.totals.received).toBe(1)
    expect(t2016.byMonth[11]?.byChannel.hotline_12345).toBe(1)
    expect(t2018.totals.received).toBe(1)
    expect(t2018.byMonth[0]?.byChannel.mayor_mailbox).toBe(1)
  })

  it('is for managers: 403 for a responder, 401 signed out, 422 for a bad year', async () => {
    const desk = await desk2017()
    const responder = await signIn(desk, 'responder')
    expect((await call(desk, responder, 'GET', '/reports/tally?year=2017')).status).toBe(403)
    expect((await call(desk, responder, 'GET', '/reports/tally.csv?year=2017')).status).toBe(403)
    expect((await call(desk, undefined, 'GET', '/reports/tally?year=2017')).status).toBe(401)
    const manager = await signIn(desk, 'manager')
    const bad = await call(desk, manager, 'GET', '/reports/tally?year=17x')
    expect(bad.status).toBe(422)
    // the years of the supported dates, as every other date filter: before 1992 and after 2100 are refused
    for (const year of [1991, 2101])
      expect((await call(desk, manager, 'GET', `/reports/tally?year=${year}`)).status).toBe(422)
    expect((await call(desk, manager, 'GET', '/reports/tally?year=1992')).status).toBe(200)
  })
})

describe('tally downloads', () => {
  it('CSV: UTF-8 BOM, Chinese file name, quoting, embedded newlines and neutralised formulas', async () => {
    const desk = await desk2017()
    await createChannel(
      desk.db,
      { code: 'evil', nameZh: '=HYPERLINK("x")\n第二行', nameEn: 'Evil', intake: 'manual' },
      0,
    )
    await receive(desk.db, 'evil', 2, at('2017-03-03T03:00:00Z'))
    const s = await signIn(desk, 'manager')
    const res = await call(desk, s, 'GET', '/reports/tally.csv?year=2017')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="tally-2017.csv"; filename*=UTF-8''${encodeURIComponent('2017年度各渠道办理统计.csv')}`,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), {
      bom: true,
    }) as string[][]
    expect(rows[0]?.slice(0, 6)).toEqual([
      '渠道',
      '收件数',
      '年末已答复',
      '年末待答复',
      '年末已合并（重复件）',
      '1月',
    ])
    expect(rows[1]).toEqual([
      '12345网络问政',
      '2',
      '0',
      '2',
      '0',
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ])
    const evil = rows.find((r) => r[0]?.includes('HYPERLINK'))
    expect(evil?.[0]).toBe('\'=HYPERLINK("x")\n第二行')
    expect(evil?.slice(1, 4)).toEqual(['2', '0', '2'])
    expect(rows.at(-2)?.slice(0, 4)).toEqual(['合计', '15', '2', '13'])
    // the annual-report sentence, as on the page and in the XLSX
    const sentence = (await (await call(desk, s, 'GET', '/reports/tally?year=2017')).json()) as {
      sentence: string
    }
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['年报表述', sentence.sentence])
    expect(sentence.sentence).toMatch(/^2017年共办理/)
    expect(rows.at(-1)).toHaveLength(rows[0]!.length)
  })

  it('XLSX: summary, by-month and by-category sheets with Chinese headers and widths', async () => {
    const desk = await desk2017()
    const s = await signIn(desk, 'manager')
    const res = await call(desk, s, 'GET', '/reports/tally.xlsx?year=2017')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''2017")
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按月', '按分类'])
    const summary = wb.getWorksheet('汇总')
    expect(summary?.getRow(1).values).toEqual([
      undefined,
      '渠道',
      '收件数',
      '年末已答复',
      '年末待答复',
      '年末已合并（重复件）',
    ])
    expect(summary?.getRow(5).values).toEqual([undefined, '网络回应人', 3, 2, 1, 0])
    expect(summary?.getRow(7).values).toEqual([undefined, '合计', 13, 2, 11, 0])
    expect(summary?.getRow(9).getCell(2).value).toMatch(/^2017年共办理“12345网络问政”2件、/)
    expect(summary?.getColumn(1).width).toBe(20)
    const months = wb.getWorksheet('按月')
    expect(months?.getRow(1).values).toEqual([
      undefined,
      '月份',
      '12345网络问政',
      '市长信箱',
      '民心网联网平台',
      '网络回应人',
      '局长信箱',
      '合计',
    ])
    expect(months?.getRow(13).values).toEqual([undefined, '2017-12', 0, 3, 0, 0, 0, 3])
    const categories = wb.getWorksheet('按分类')
    expect(categories?.getRow(2).values).toEqual([undefined, '规划', 7, 0, 7, 0])
    expect(categories?.getRow(3).getCell(1).value).toBe('（未分类）')
  })
})
