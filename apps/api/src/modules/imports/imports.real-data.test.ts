/**
 * Real files from ../shared/data (see its PROVENANCE.md files): the Teddy Cup 2020 问政 exports and
 * two NYC 311 extracts. Expected values were read from the files themselves.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { setupDesk, T0 } from '../../test/setup.ts'
import { sharedDataDir } from '../../test/shared-data.ts'
import { importFile, type ImportOptions } from './imports.service.ts'

const teddy = sharedDataDir('teddy-cup-2020-smart-gov')
const nyc = sharedDataDir('nyc-311')

async function importPath(db: Db, dir: string, name: string, opts: Partial<ImportOptions> = {}) {
  return await importFile(db, {
    channelCode: 'hotline_12345',
    file: { name, bytes: readFileSync(join(dir, name)) },
    now: T0,
    ...opts,
  })
}

type Row = {
  externalId: string
  subject: string
  body: string
  receivedAt: number
  citizenName: string | null
  category: string | null
  status: string
  repliedAt: number | null
  reply: string | null
}

/** Every imported inquiry with its source reply, by external id. */
function inquiries(db: Db): Map<string, Row> {
  const rows = db.$client
    .prepare(
      `select i.external_id as externalId, i.subject, i.body, i.received_at as receivedAt, i.citizen_name as citizenName,
              i.category, i.status, i.replied_at as repliedAt, r.body as reply
       from inquiries i left join replies r on r.inquiry_id = i.id and r.origin = 'source'`,
    )
    .all() as Row[]
  return new Map(rows.map((r) => [r.externalId, r]))
}

const utc = (iso: string) => Date.parse(iso)

describe.runIf(teddy)('Teddy Cup 2020 问政 exports', { timeout: 60_000 }, () => {
  const dir = teddy as string

  it('附件4 UTF-8 CSV: 451 replied inquiries with exact fields; a re-import creates nothing', async () => {
    const { db } = await setupDesk()
    const summary = await importPath(db, dir, 'replies_sample_附件4.utf8.csv')
    expect(summary).toMatchObject({
      status: 'written',
      created: 451,
      duplicates: 0,
      skipped: 0,
      errors: [],
      encoding: 'utf-8',
      preset: 'teddy-cup',
    })
    const all = inquiries(db)
    expect(all.size).toBe(451)
    expect(all.get('4197')).toMatchObject({
      subject: '关于A市brt公交规划的咨询',
      receivedAt: utc('2018-11-07T02:06:10Z'), // 2018/11/7 10:06:10 in Asia/Shanghai
      citizenName: 'UU0081611',
      status: 'replied',
      repliedAt: utc('2018-11-27T06:43:34Z'),
      reply:
        '网友“UU0081611”您好！您的留言已收悉。现将有关情况回复如下：对于您的意见和建议，市城乡规划局将充分论证研究。感谢您对我们工作的支持、理解与监督！2018年11月21日',
    })
    const first = all.get('2549')
    expect(first?.body.startsWith('2019年4月以来，位于A市A2区桂花坪街道')).toBe(true)
    expect(first?.body.endsWith('面对公安干警采用这种方式投票合法性在哪？')).toBe(true)
    expect(all.get('27610')?.repliedAt).toBe(utc('2018-04-23T16:00:00Z')) // date-only 2018/4/24
    expect(all.get('2759')?.receivedAt).toBe(utc('2019-04-08T00:37:20Z')) // 2019-04-08 08:37:20 text
    // scraped-HTML indentation and NBSP are gone (a U+3000 paragraph indent may open a body)
    const untidy = (t: string | null) => t === null || /^[\t\n\r \u00a0]|\s$|\u00a0/.test(t)
    expect(
      [...all.values()].filter((r) => r.status !== 'replied' || untidy(r.body) || untidy(r.reply)),
    ).toEqual([])

    const again = await importPath(db, dir, 'replies_sample_附件4.utf8.csv')
    expect(again).toMatchObject({ status: 'written', created: 0, duplicates: 451 })
  })

  it('附件4 GB18030 CSV gives exactly the inquiries of the UTF-8 file', async () => {
    const utf8 = (await setupDesk()).db
    const gb = (await setupDesk()).db
    await importPath(utf8, dir, 'replies_sample_附件4.utf8.csv')
    const summary = await importPath(gb, dir, 'replies_sample_附件4.gb18030.csv')
    expect(summary).toMatchObject({ status: 'written', created: 451, encoding: 'gb18030' })
    expect(inquiries(gb)).toEqual(inquiries(utf8))
  })

  it('附件4 XLSX gives the inquiries of its CSV, its Excel date cell included', async () => {
    const csv = (await setupDesk()).db
    const xlsx = (await setupDesk()).db
    await importPath(csv, dir, 'replies_sample_附件4.utf8.csv')
    const summary = await importPath(xlsx, dir, 'replies_sample_附件4.xlsx')
    expect(summary).toMatchObject({
      status: 'written',
      created: 451,
      format: 'xlsx',
      sheet: 'Sheet1',
    })
    expect(inquiries(xlsx)).toEqual(inquiries(csv))
  })

  it('附件3 XLSX and CSV: 432 open inquiries; Excel date cells read as Shanghai time', async () => {
    for (const name of ['hot_messages_sample_附件3.xlsx', 'hot_messages_sample_附件3.utf8.csv']) {
      const { db } = await setupDesk()
      expect(await importPath(db, dir, name)).toMatchObject({
        status: 'written',
        created: 432,
        errors: [],
      })
      const all = inquiries(db)
      expect(all.get('188006')).toMatchObject({
        subject: 'A3区一米阳光婚纱艺术摄影是否合法纳税了？',
        receivedAt: utc('2019-02-28T03:25:05Z'),
        status: 'new',
        reply: null,
      })
      expect(all.get('189950')?.receivedAt).toBe(utc('2019-11-13T03:20:21Z')) // an Excel date cell 2019-11-13 11:20:21
      expect(all.get('188801')?.receivedAt).toBe(utc('2019-07-31T16:00:00Z'))
    }
  })

  it('附件2: the conflicting 留言编号 37042 (rows 100 and 312) refuses the file; --skip-invalid imports the other 493', async () => {
    const { db } = await setupDesk()
    const refused = await importPath(db, dir, 'messages_labeled_subset_附件2.xlsx')
    expect(refused.status).toBe('rejected')
    expect(refused.errors).toEqual([
      {
        row: 100,
        column: '留言编号',
        code: 'differs_in_file',
        params: { id: '37042', idColumn: '留言编号', otherRows: '312', column: '一级分类' },
        reason: '留言编号 37042 is also on row 312, with a different 一级分类',
      },
      {
        row: 312,
        column: '留言编号',
        code: 'differs_in_file',
        params: { id: '37042', idColumn: '留言编号', otherRows: '100', column: '一级分类' },
        reason: '留言编号 37042 is also on row 100, with a different 一级分类',
      },
    ])
    expect(inquiries(db).size).toBe(0)

    // the sheet declares 65,203 rows; only the 495 non-blank ones become table rows
    const summary = await importPath(db, dir, 'messages_labeled_subset_附件2.xlsx', {
      skipInvalid: true,
    })
    expect(summary).toMatchObject({
      status: 'written',
      created: 493,
      duplicates: 0,
      skipped: 2,
      rows: 495,
    })
    const all = inquiries(db)
    expect(all.has('37042')).toBe(false)
    expect(all.get('24')).toMatchObject({
      subject: 'A市西湖建筑集团占道施工有安全隐患',
      receivedAt: utc('2020-01-06T04:09:38Z'),
      category: '城乡建设',
      citizenName: 'A00074011',
    })
  })
})

describe.runIf(nyc)('NYC 311 extracts via --map and --tz America/New_York', () => {
  const dir = nyc as string
  const base = [
    'Unique Key=externalId',
    'Created Date=receivedAt',
    'Complaint Type=subject',
    'Descriptor=body',
  ]
  const tz = 'America/New_York'

  it('2011 file: 999 inquiries, replies from Resolution Description, times across the DST change', async () => {
    const { db } = await setupDesk()
    const map = [
      ...base,
      'Resolution Description=reply',
      'Resolution Action Updated Date=repliedAt',
    ]
    const summary = await importPath(db, dir, 'nyc_311_2011_sample.csv', { map, tz })
    expect(summary).toMatchObject({
      status: 'written',
      created: 999,
      errors: [],
      preset: undefined,
    })
    expect(inquiries(db).get('19937896')).toMatchObject({
      subject: 'DOF Property - Payment Issue',
      body: 'Misapplied Payment',
      receivedAt: utc('2011-03-01T19:27:57Z'), // 03/01/2011 02:27:57 PM EST
      repliedAt: utc('2011-03-14T19:59:20Z'), // 03/14/2011 03:59:20 PM EDT
      reply: 'The Department of Finance resolved this issue.',
    })
    expect((await importPath(db, dir, 'nyc_311_2011_sample.csv', { map, tz })).created).toBe(0)
  })

  it('2013 old-schema file: 199 open inquiries; mapping its missing Resolution Description is refused', async () => {
    const { db } = await setupDesk()
    const refused = await importPath(db, dir, 'nyc_311_2013_oldschema_sample.csv', {
      map: [...base, 'Resolution Description=reply'],
      tz,
    })
    expect(refused.status).toBe('rejected')
    expect(refused.errors[0]).toMatchObject({ row: 1, column: 'Resolution Description' })
    const summary = await importPath(db, dir, 'nyc_311_2013_oldschema_sample.csv', {
      map: base,
      tz,
    })
    expect(summary).toMatchObject({ status: 'written', created: 199 })
    expect(inquiries(db).get('26589651')).toMatchObject({
      subject: 'Noise - Street/Sidewalk',
      body: 'Loud Talking',
      receivedAt: utc('2013-10-31T06:08:41Z'), // 10/31/2013 02:08:41 AM EDT
      status: 'new',
    })
  })
})
