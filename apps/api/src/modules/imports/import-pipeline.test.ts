/**
 * One pipeline: the CLI's `importFile` and the wizard's jobs read, validate, check and write a
 * file the same way, so the same file gives the same summary both ways, field by field; and a
 * responder's dry run reports duplicates only among the inquiries they may see.
 */
import { mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IMPORT_LIMITS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { call, setupDesk, signIn, T0, type Session, type Desk } from '../../test/setup.ts'
import { zipBombXlsx } from '../../test/zip-bomb.ts'
import { createDepartment } from '../departments/departments.service.ts'
import { importJobSettled } from './import-workers.ts'
import { importFile, type ImportSummary } from './imports.service.ts'

type Issue = { row?: number; column?: string; reason: string }
type Job = {
  status: string
  created: number
  duplicates: number
  skipped: number
  errorCount: number
  errors: Issue[]
  format: string
  encoding: string | null
  preset: string | null
}

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情'
const bytesOf = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const linesOf = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))

/** The desk holds 1 (same text as the file) and 2 (different body) before the file comes. */
const BEFORE = bytesOf(
  HEADER,
  '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
  '2,A002,噪音扰民,2019/4/26 10:00:00,夜间施工',
)
/** new 3 and 4, duplicate 1, changed duplicate 2, an invalid row, 3 again in the file. */
const FILE = bytesOf(
  HEADER,
  '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
  '2,A002,噪音扰民,2019/4/26 10:00:00,夜间施工到凌晨两点',
  '3,A003,井盖缺失,2019/4/27 8:00:00,人行道井盖丢了',
  '4,A004,违章停车,not a date,消防通道被占',
  '5,A005,垃圾清运,2019/4/28 7:30:00,垃圾三天没人收',
  '3,A003,井盖缺失,2019/4/27 8:00:00,人行道井盖丢了',
)

async function wizardJob(
  desk: Desk,
  s: Session,
  kind: 'dry_run' | 'import',
  bytes: Uint8Array,
): Promise<Job> {
  const up = await desk.app.request('/imports/uploads?name=messages.csv', {
    method: 'POST',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/octet-stream',
    },
    body: bytes,
  })
  expect(up.status).toBe(201)
  const { upload } = (await up.json()) as { upload: { id: string } }
  const res = await call(desk, s, 'POST', '/imports', {
    kind,
    uploadId: upload.id,
    channel: 'minxin',
    skipInvalid: true,
  })
  expect(res.status).toBe(202)
  const { job } = (await res.json()) as { job: { id: number } }
  await importJobSettled(job.id)
  return ((await (await call(desk, s, 'GET', `/imports/${job.id}`)).json()) as { job: Job }).job
}

const cli = async (db: Db, bytes: Uint8Array, dryRun: boolean) =>
  await importFile(db, {
    channelCode: 'minxin',
    file: { name: 'messages.csv', bytes },
    skipInvalid: true,
    dryRun,
    now: T0,
  })

/** The fields both summaries carry, with the wizard's status names. */
const fromCli = (s: ImportSummary) => ({
  status: s.status === 'dry_run' ? 'checked' : s.status,
  created: s.created,
  duplicates: s.duplicates,
  skipped: s.skipped,
  errors: s.errors.map(({ row, column, reason }) => ({ row, column, reason })),
  format: s.format,
  encoding: s.encoding,
  preset: s.preset,
})
const fromJob = (j: Job) => ({
  status: j.status,
  created: j.created,
  duplicates: j.duplicates,
  skipped: j.skipped,
  errors: j.errors.map(({ row, column, reason }) => ({ row, column, reason })),
  format: j.format,
  encoding: j.encoding,
  preset: j.preset,
})

describe('one import pipeline', () => {
  it('gives the same dry run and import summary from the CLI and the wizard, field by field', async () => {
    const viaCli = await setupDesk()
    const viaWizard = await setupDesk()
    const manager = await signIn(viaWizard, 'manager')
    await cli(viaCli.db, BEFORE, false)
    await cli(viaWizard.db, BEFORE, false)

    const cliDry = fromCli(await cli(viaCli.db, FILE, true))
    const wizardDry = fromJob(await wizardJob(viaWizard, manager, 'dry_run', FILE))
    expect(wizardDry).toEqual(cliDry)
    // what the dry run says, row by row: new 3 and 5, duplicates 1, 2 (changed) and 3 again, row 5 invalid
    expect(cliDry).toMatchObject({ status: 'checked', created: 2, duplicates: 3, skipped: 1 })
    expect(cliDry.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '留言详情'],
      [5, '留言时间'],
    ])

    const cliWrite = fromCli(await cli(viaCli.db, FILE, false))
    const wizardWrite = fromJob(await wizardJob(viaWizard, manager, 'import', FILE))
    expect(wizardWrite).toEqual(cliWrite)
    expect(cliWrite).toEqual({ ...cliDry, status: 'written' })
  })

  it('reports duplicates only among what the importer may see; others exist elsewhere, unnamed', async () => {
    const desk = await setupDesk()
    const other = await createDepartment(desk.db, { name: '执法监察支队' }, T0)
    const own = await createDepartment(desk.db, { name: '规划处' }, T0)
    await cli(desk.db, BEFORE, false)
    desk.db.$client
      .prepare("update inquiries set department_id = ? where external_id = '1'")
      .run(other.id)
    const responder = await signIn(desk, 'responder')
    desk.db.$client
      .prepare('update users set department_id = ? where id = ?')
      .run(own.id, responder.userId)

    const job = await wizardJob(
      desk,
      responder,
      'dry_run',
      bytesOf(
        HEADER,
        '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
        '6,A006,新问题,2019/4/29 9:00:00,内容',
      ),
    )
    expect(job).toMatchObject({ status: 'checked', created: 1, duplicates: 0, skipped: 1 })
    expect(job.errors).toEqual([
      {
        row: 2,
        column: '留言编号',
        code: 'exists_elsewhere',
        params: { idColumn: '留言编号', id: '1' },
        reason: '留言编号 1 cannot be imported: it exists elsewhere in the desk',
        value: '1',
      },
    ])
    // nothing about the hidden inquiry: not its id in the desk, subject or body
    const id = (
      desk.db.$client.prepare("select id from inquiries where external_id = '1'").get() as {
        id: number
      }
    ).id
    expect(JSON.stringify(job)).not.toMatch(new RegExp(`inquiry ${id}\\b|路灯不亮|小区路灯坏了`))

    // a manager sees it, so to them it is a plain duplicate
    const manager = await signIn(desk, 'manager')
    expect(
      await wizardJob(
        desk,
        manager,
        'dry_run',
        bytesOf(HEADER, '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了'),
      ),
    ).toMatchObject({ created: 0, duplicates: 1, skipped: 0, errors: [] })
  })
})

describe('import limits', () => {
  it('refuses a zip bomb at upload with a 422 naming the limit, and stages nothing', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const staging = join(tmpdir(), 'desk-import-staging')
    mkdirSync(staging, { recursive: true })
    const stagedBefore = readdirSync(staging, { withFileTypes: true }).length
    const bomb = zipBombXlsx(300) // about 300 KB that unzips to 300 MB
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.uploadBytes / 100)
    const res = await desk.app.request('/imports/uploads?name=bomb.xlsx', {
      method: 'POST',
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        'content-type': 'application/octet-stream',
      },
      body: bomb,
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('over the 256 MB import limit for an unzipped XLSX')
    expect(readdirSync(staging, { withFileTypes: true }).length).toBe(stagedBefore)
    expect(desk.db.$client.prepare('select count(*) as n from import_uploads').get()).toEqual({
      n: 0,
    })
    // the command line refuses it the same way
    const summary = await importFile(desk.db, {
      channelCode: 'minxin',
      file: { name: 'bomb.xlsx', bytes: bomb },
      now: T0,
    })
    expect(summary).toMatchObject({
      status: 'rejected',
      errors: [{ reason: 'unzipped size over 256 MB (import limit)' }],
    })
  })

  it('refuses a file with more rows than the limit, naming it, and one with a cell longer than a spreadsheet holds', async () => {
    const { db } = await setupDesk()
    const lines = Array.from(
      { length: IMPORT_LIMITS.rows + 1 },
      (_, i) => `${i},U,主题,2019/4/25 9:32:09,内容`,
    )
    const many = await importFile(db, {
      channelCode: 'minxin',
      file: { name: 'many.csv', bytes: linesOf([HEADER, ...lines]) },
      now: T0,
    })
    expect(many).toMatchObject({
      status: 'rejected',
      errors: [
        { row: IMPORT_LIMITS.rows + 2, reason: 'more than 200000 data rows (import limit)' },
      ],
    })
    const long = await importFile(db, {
      channelCode: 'minxin',
      file: {
        name: 'long.csv',
        bytes: bytesOf(HEADER, `1,U,主题,2019/4/25 9:32:09,${'长'.repeat(40_000)}`),
      },
      now: T0,
    })
    expect(long).toMatchObject({
      status: 'rejected',
      errors: [
        {
          row: 2,
          column: '留言详情',
          reason: 'a cell of more than 32767 characters (import limit)',
        },
      ],
    })
    expect(db.$client.prepare('select count(*) as n from inquiries').get()).toEqual({ n: 0 })
  })
})
