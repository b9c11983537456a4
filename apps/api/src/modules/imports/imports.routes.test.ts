import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CHANNELS, DISCLOSURE_CHANNEL, PROPOSAL_CHANNEL } from '@desk/domain'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client.ts'
import {
  addInquiries,
  call,
  setupDesk,
  signIn,
  T0,
  type Session,
  type Desk,
} from '../../test/setup.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { createUser } from '../users/users.service.ts'
import { getImportJob, stageUpload, startImportJob } from './import-wizard.service.ts'
import { importJobSettled } from './import-workers.ts'
import { recoverImportJobs } from './import-jobs.service.ts'
import { insertImportBatch } from './imports.repo.ts'

type Job = {
  id: number
  status: string
  kind: string
  created: number
  duplicates: number
  skipped: number
  rowsDone: number
  rowsTotal: number
  errorCount: number
  errors: { row?: number; column?: string; value?: string; reason: string }[]
  failure: string | null
}

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情'
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const GOOD = csv(
  HEADER,
  '1,A001,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
  '2,A002,噪音扰民,2019/4/26 10:00:00,夜间施工',
)

function upload(
  desk: Desk,
  s: Session | undefined,
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  name = 'messages.csv',
  headers: Record<string, string> = {},
) {
  const auth: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/octet-stream', ...headers },
    body: bytes,
  }
  if (!(bytes instanceof Uint8Array)) init.duplex = 'half'
  return desk.app.request(`/imports/uploads?name=${encodeURIComponent(name)}`, init)
}

async function staged(desk: Desk, s: Session, bytes: Uint8Array, name?: string): Promise<string> {
  const res = await upload(desk, s, bytes, name)
  expect(res.status).toBe(201)
  return ((await res.json()) as { upload: { id: string } }).upload.id
}

/** Starts a job and waits for its end; returns the final job. */
async function runJob(desk: Desk, s: Session, body: Record<string, unknown>): Promise<Job> {
  const res = await call(desk, s, 'POST', '/imports', { channel: 'minxin', ...body })
  expect(res.status).toBe(202)
  const { job } = (await res.json()) as { job: Job }
  await importJobSettled(job.id)
  return ((await (await call(desk, s, 'GET', `/imports/${job.id}`)).json()) as { job: Job }).job
}

function counts(db: Db) {
  const n = (t: string) =>
    (db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n
  return { inquiries: n('inquiries'), events: n('inquiry_events'), replies: n('replies') }
}

describe('import wizard API', () => {
  it('stages, previews (encoding, preset, mapping), dry-runs and imports with progress; re-import is all duplicates', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const id = await staged(
      desk,
      s,
      iconv.encode(
        `${HEADER}\r\n1,A001,关于•路灯,2019/4/25 9:32:09,内容\r\n2,A002,噪音,2019/4/26,施工\r\n`,
        'gb18030',
      ),
      '附件.csv',
    )
    const preview = await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, {
      channel: 'minxin',
    })
    expect(preview.status).toBe(200)
    const p = (await preview.json()) as {
      preview: Record<string, unknown>
      presets: { name: string; kind: string }[]
    }
    expect(p.preview).toMatchObject({
      encoding: 'gb18030',
      preset: 'teddy-cup',
      totalRows: 2,
      headers: HEADER.split(','),
      mappingIssues: [],
    })
    expect(p.preview.mapping).toMatchObject({ externalId: '留言编号', subject: '留言主题' })
    expect((p.preview.rows as { cells: string[] }[])[0]?.cells[2]).toBe('关于•路灯')
    expect(p.presets).toContainEqual(
      expect.objectContaining({ name: 'teddy-cup', kind: 'builtin' }),
    )

    const dry = await runJob(desk, s, { kind: 'dry_run', uploadId: id })
    expect(dry).toMatchObject({
      status: 'checked',
      created: 2,
      duplicates: 0,
      skipped: 0,
      errorCount: 0,
    })
    expect(counts(desk.db).inquiries).toBe(0)

    const done = await runJob(desk, s, { kind: 'import', uploadId: id })
    expect(done).toMatchObject({
      status: 'written',
      created: 2,
      duplicates: 0,
      rowsDone: 2,
      rowsTotal: 2,
    })
    expect(counts(desk.db)).toEqual({ inquiries: 2, events: 2, replies: 0 })
    // the upload is used up by the import
    expect(
      (await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'minxin' })).status,
    ).toBe(404)

    // same ids, other texts: duplicates, the stored inquiries stay, and each row is listed
    const again = await runJob(desk, s, { kind: 'import', uploadId: await staged(desk, s, GOOD) })
    expect(again).toMatchObject({ status: 'written', created: 0, duplicates: 2, errorCount: 2 })
    expect(
      again.errors.map((e) => [e.row, e.column, e.reason.replace(/inquiry \d+/, 'inquiry N')]),
    ).toEqual([
      [
        2,
        '留言主题',
        '留言编号 1 is already in the desk (inquiry N) with a different 留言主题; the desk keeps its own',
      ],
      [
        3,
        '留言主题',
        '留言编号 2 is already in the desk (inquiry N) with a different 留言主题; the desk keeps its own',
      ],
    ])
    const list = (await (await call(desk, s, 'GET', '/imports')).json()) as {
      items: (Job & { fileName: string; createdByName: string })[]
    }
    expect(list.items.map((i) => [i.fileName, i.created, i.status, i.createdByName])).toEqual([
      ['messages.csv', 0, 'written', 'responder1 name'],
      ['附件.csv', 2, 'written', 'responder1 name'],
    ])
  })

  it('accepts a multipart upload and lists the sheets of an XLSX', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRow(['notes'])
    const data = wb.addWorksheet('数据')
    data.addRow(HEADER.split(','))
    data.addRow([7, 'A', '主题', '2019/1/2 8:30', '内容'])
    const form = new FormData()
    form.append('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'book.xlsx'))
    const res = await desk.app.request('/imports/uploads', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: form,
    })
    expect(res.status).toBe(201)
    const { upload: u } = (await res.json()) as { upload: { id: string; fileName: string } }
    expect(u.fileName).toBe('book.xlsx')
    const first = (await (
      await call(desk, s, 'POST', `/imports/uploads/${u.id}/preview`, { channel: 'minxin' })
    ).json()) as { preview: { sheets: string[]; sheet: string; mappingIssues: unknown[] } }
    expect(first.preview).toMatchObject({ sheets: ['说明', '数据'], sheet: '说明' })
    expect(first.preview.mappingIssues.length).toBeGreaterThan(0)
    const second = (await (
      await call(desk, s, 'POST', `/imports/uploads/${u.id}/preview`, {
        channel: 'minxin',
        sheet: '数据',
      })
    ).json()) as { preview: { totalRows: number; preset: string } }
    expect(second.preview).toMatchObject({ totalRows: 1, preset: 'teddy-cup' })
    expect(await runJob(desk, s, { kind: 'import', uploadId: u.id, sheet: '数据' })).toMatchObject({
      status: 'written',
      created: 1,
    })
  })

  it('saves a mapping as a named preset of the channel and chooses it next time the headers match', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const nyc = csv(
      'Unique Key,Created Date,Complaint Type,Descriptor',
      '42,03/14/2011 03:59:20 PM,Noise,Loud music',
    )
    const id = await staged(desk, s, nyc, 'nyc.csv')
    const before = (await (
      await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'minxin' })
    ).json()) as { preview: { mappingIssues: { reason: string }[] } }
    expect(before.preview.mappingIssues[0]?.reason).toContain('no column is mapped to externalId')
    const columns = {
      'Unique Key': 'externalId',
      'Created Date': 'receivedAt',
      'Complaint Type': 'subject',
      Descriptor: 'body',
    }
    const saved = await call(desk, s, 'POST', '/imports/presets', {
      channel: 'minxin',
      name: 'NYC 311',
      headers: ['Unique Key', 'Created Date', 'Complaint Type', 'Descriptor'],
      columns,
    })
    expect(saved.status).toBe(201)
    const after = (await (
      await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'minxin' })
    ).json()) as { preview: Record<string, unknown>; presets: { name: string; kind: string }[] }
    expect(after.preview).toMatchObject({
      savedPreset: 'NYC 311',
      mappingIssues: [],
      mapping: { externalId: 'Unique Key', body: 'Descriptor' },
    })
    expect(after.presets).toContainEqual({ name: 'NYC 311', kind: 'saved' })
    // another channel does not see it
    const other = (await (
      await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'hotline_12345' })
    ).json()) as { preview: { savedPreset?: string } }
    expect(other.preview.savedPreset).toBeUndefined()
    const job = await runJob(desk, s, { kind: 'import', uploadId: id, tz: 'America/New_York' })
    expect(job).toMatchObject({ status: 'written', created: 1 })
    const at = desk.db.$client
      .prepare("select received_at as t from inquiries where external_id = '42'")
      .get() as { t: number }
    expect(at.t).toBe(Date.parse('2011-03-14T19:59:20Z'))
    const builtIn = await call(desk, s, 'POST', '/imports/presets', {
      channel: 'minxin',
      name: 'teddy-cup',
      headers: ['a'],
      columns: { a: 'subject' },
    })
    expect(builtIn.status).toBe(422)
  })

  it('a dry run lists invalid rows with row, column, value and reason, downloadable as CSV with BOM', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const id = await staged(
      desk,
      s,
      csv(
        HEADER,
        '1,A,路灯,2019/4/25 9:32:09,内容',
        '2,B,噪音,2019/4/31 10:00,施工',
        '3,C,,2019/4/26,施工',
        '4,D,积水,2099/1/1 0:00,道路积水',
      ),
    )
    const dry = await runJob(desk, s, { kind: 'dry_run', uploadId: id })
    expect(dry).toMatchObject({ status: 'checked', created: 1, duplicates: 0, skipped: 3 })
    expect(dry.errors).toEqual([
      {
        row: 3,
        column: '留言时间',
        value: '2019/4/31 10:00',
        code: 'unreadable_time',
        params: { value: '2019/4/31 10:00' },
        reason: 'unreadable time "2019/4/31 10:00"',
      },
      {
        row: 4,
        column: '留言主题',
        value: '',
        code: 'empty',
        params: { field: 'subject' },
        reason: 'subject is empty',
      },
      {
        row: 5,
        column: '留言时间',
        value: '2099/1/1 0:00',
        code: 'in_future',
        params: { field: 'receivedAt' },
        reason: 'receivedAt in the future',
      },
    ])
    const res = await call(desk, s, 'GET', `/imports/${dry.id}/errors.csv`)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes).split(/\r?\n/).slice(0, 2)).toEqual([
      'row,column,value,reason',
      '3,留言时间,2019/4/31 10:00,"unreadable time ""2019/4/31 10:00"""',
    ])
    // the import itself refuses the file and writes nothing
    const refused = await runJob(desk, s, { kind: 'import', uploadId: id })
    expect(refused).toMatchObject({ status: 'rejected', created: 0, errorCount: 3 })
    expect(counts(desk.db).inquiries).toBe(0)
  })

  it('undo: refused with the touched inquiries, then allowed once they are untouched; admin only', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const admin = await signIn(desk, 'admin', 'admin1')
    const job = await runJob(desk, s, { kind: 'import', uploadId: await staged(desk, s, GOOD) })
    const [first] = desk.db.$client
      .prepare('select id, version from inquiries order by id')
      .all() as { id: number; version: number }[]
    expect((await call(desk, s, 'POST', `/imports/${job.id}/undo`)).status).toBe(403)
    const claim = await call(desk, s, 'POST', `/inquiries/${first?.id}/claim`, {
      version: first?.version,
    })
    expect(claim.status).toBe(200)
    const refused = await call(desk, admin, 'POST', `/imports/${job.id}/undo`)
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as {
      error: { details: { touched: { id: number; externalId: string }[] } }
    }
    expect(body.error.details.touched).toEqual([
      { id: first?.id, externalId: '1', subject: '路灯不亮' },
    ])
    expect(counts(desk.db).inquiries).toBe(2)

    const fresh = await runJob(desk, s, {
      kind: 'import',
      uploadId: await staged(desk, s, csv(HEADER, '9,Z,主题,2019/1/1,内容')),
    })
    const undone = await call(desk, admin, 'POST', `/imports/${fresh.id}/undo`)
    expect(undone.status).toBe(200)
    expect(
      ((await undone.json()) as { job: { status: string; removed: number } }).job,
    ).toMatchObject({ status: 'undone', removed: 1 })
    expect(counts(desk.db)).toEqual({ inquiries: 2, events: 3, replies: 0 })
    const list = (await (await call(desk, s, 'GET', '/imports')).json()) as {
      items: { id: number; status: string; undoneByName: string }[]
    }
    expect(list.items.find((i) => i.id === fresh.id)).toMatchObject({
      status: 'undone',
      undoneByName: 'admin1 name',
    })
    expect((await call(desk, admin, 'POST', `/imports/${fresh.id}/undo`)).status).toBe(409)
  })

  it('answers 404 for an unknown upload, job or undo, 422 for bad input, 401 without a session', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const admin = await signIn(desk, 'admin', 'admin1')
    expect(
      (await call(desk, s, 'POST', '/imports/uploads/nosuchupload1/preview', { channel: 'minxin' }))
        .status,
    ).toBe(404)
    expect(
      (
        await call(desk, s, 'POST', '/imports', {
          kind: 'import',
          uploadId: 'nosuchupload1',
          channel: 'minxin',
        })
      ).status,
    ).toBe(404)
    expect((await call(desk, s, 'GET', '/imports/999')).status).toBe(404)
    expect((await call(desk, admin, 'POST', '/imports/999/undo')).status).toBe(404)
    expect(
      (
        await call(desk, s, 'POST', '/imports', {
          kind: 'everything',
          uploadId: 'x',
          channel: 'minxin',
        })
      ).status,
    ).toBe(422)
    const id = await staged(desk, s, GOOD)
    const zone = await call(desk, s, 'POST', '/imports', {
      kind: 'import',
      uploadId: id,
      channel: 'minxin',
      tz: 'Mars/Olympus',
    })
    expect(zone.status).toBe(422)
    expect((await upload(desk, s, GOOD, '')).status).toBe(422)
    expect((await upload(desk, undefined, GOOD)).status).toBe(401)
  })
})

describe('a staged upload', () => {
  it('is imported once however often the start is sent at once; the second start names the job under way', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const id = await staged(desk, s, GOOD)
    const starts = await Promise.all(
      [1, 2, 3].map(() =>
        call(desk, s, 'POST', '/imports', { kind: 'import', uploadId: id, channel: 'minxin' }),
      ),
    )
    const accepted = starts.filter((r) => r.status === 202)
    expect(accepted).toHaveLength(1)
    const { job } = (await accepted[0]!.json()) as { job: Job }
    for (const refused of starts.filter((r) => r.status !== 202)) {
      // 409 while the first job is queued or running; 404 once it has imported the file
      expect([404, 409]).toContain(refused.status)
      const { error } = (await refused.json()) as { error: { details?: unknown } }
      if (refused.status === 409)
        expect(error.details).toEqual({ reason: 'upload_in_use', jobId: job.id })
    }
    await importJobSettled(job.id)
    expect(counts(desk.db).inquiries).toBe(2)
    const failed = ((await (await call(desk, s, 'GET', '/imports')).json()) as { items: Job[] })
      .items
    expect(failed.map((j) => j.status)).toEqual(['written'])
  })

  it("is its uploader's: another responder gets 404 for it, a manager may use it", async () => {
    const desk = await setupDesk()
    const owner = await signIn(desk, 'responder', 'owner')
    const other = await signIn(desk, 'responder', 'other')
    const manager = await signIn(desk, 'manager', 'boss')
    const id = await staged(desk, owner, GOOD)
    const preview = (s: Session) =>
      call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'minxin' })
    expect((await preview(other)).status).toBe(404)
    const start = await call(desk, other, 'POST', '/imports', {
      kind: 'dry_run',
      uploadId: id,
      channel: 'minxin',
    })
    expect(start.status).toBe(404)
    expect((await preview(manager)).status).toBe(200)
    expect((await preview(owner)).status).toBe(200)
  })
})

describe('import wizard refuses bad input with a clear message and changes nothing', () => {
  it('a 60 MB upload gets 413 before it is read (by Content-Length and while streaming)', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const declared = await upload(desk, s, new Uint8Array(10), 'big.csv', {
      'content-length': String(60 * 1024 * 1024),
    })
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as { error: { code: string; message: string } }).error).toEqual(
      {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The file is larger than the 50 MB import limit',
      },
    )
    let sent = 0
    const chunk = new Uint8Array(1024 * 1024).fill(0x41)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 60) controller.close()
        else {
          sent++
          controller.enqueue(chunk)
        }
      },
    })
    const streamed = await upload(desk, s, stream, 'big.csv')
    expect(streamed.status).toBe(413)
    expect(sent).toBeLessThan(60)
    expect(desk.db.$client.prepare('select count(*) as n from import_uploads').get()).toEqual({
      n: 0,
    })
  })

  const emptyWorkbook = async () => new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer())
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, string][] = [
    [
      'a file with only headers',
      () => csv(HEADER),
      'a.csv',
      'The file has a header row but no data rows',
    ],
    [
      'a CSV that is really binary',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff]),
      'photo.csv',
      'The file is binary (it holds NUL bytes), not a CSV text file',
    ],
    ['an XLSX with no sheets', emptyWorkbook, 'empty.xlsx', 'The workbook has no sheets'],
  ]
  it.each(cases)(
    '%s: the preview says why and an import writes nothing',
    async (_name, make, name, reason) => {
      const desk = await setupDesk()
      const s = await signIn(desk)
      const id = await staged(desk, s, await make(), name)
      const preview = await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, {
        channel: 'minxin',
      })
      if (preview.status === 422)
        expect(((await preview.json()) as { error: { message: string } }).error.message).toBe(
          reason,
        )
      const job = await runJob(desk, s, { kind: 'import', uploadId: id })
      expect(job.status).toBe('rejected')
      expect(job.errors[0]?.reason).toBe(reason)
      expect(counts(desk.db)).toEqual({ inquiries: 0, events: 0, replies: 0 })
    },
  )

  it('an empty file is refused at upload', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const res = await upload(desk, s, new Uint8Array(), 'empty.csv')
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'The file is empty',
    )
  })

  it('an unknown channel is refused at preview and at start', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const id = await staged(desk, s, GOOD)
    const preview = await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, {
      channel: 'fax',
    })
    expect(preview.status).toBe(404)
    expect(((await preview.json()) as { error: { message: string } }).error.message).toBe(
      'Unknown channel: fax',
    )
    expect(
      (await call(desk, s, 'POST', '/imports', { kind: 'import', uploadId: id, channel: 'fax' }))
        .status,
    ).toBe(404)
    expect(desk.db.$client.prepare('select count(*) as n from import_batches').get()).toEqual({
      n: 0,
    })
  })
})

describe('import wizard refuses channels that hold no messages', () => {
  it('answers 422 naming channel for the proposals and disclosure channels, writing nothing', async () => {
    const desk = await setupDesk()
    await ensureChannels(desk.db, [PROPOSAL_CHANNEL, DISCLOSURE_CHANNEL], T0)
    const s = await signIn(desk)
    const id = await staged(desk, s, GOOD)
    for (const channel of ['proposals', 'ogi_request']) {
      const preview = await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel })
      expect(preview.status).toBe(422)
      const start = await call(desk, s, 'POST', '/imports', {
        kind: 'import',
        uploadId: id,
        channel,
      })
      expect(start.status).toBe(422)
      expect(((await start.json()) as { error: { details: unknown } }).error.details).toEqual([
        expect.objectContaining({
          path: ['channel'],
          refusal: 'message_channel',
          kind: channel === 'proposals' ? 'proposal' : 'disclosure',
        }),
      ])
    }
    expect(desk.db.$client.prepare('select count(*) as n from import_batches').get()).toEqual({
      n: 0,
    })
  })
})

describe('import jobs after a crash', () => {
  it('marks jobs left running as failed and removes what they wrote', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const written = await runJob(desk, s, { kind: 'import', uploadId: await staged(desk, s, GOOD) })
    // a job that a crash stopped after its first chunk: status running, one inquiry written
    const stuck = await insertImportBatch(desk.db, {
      channelCode: 'minxin',
      fileName: 'big.csv',
      format: 'csv',
      status: 'running',
      createdAt: 1,
      kind: 'import',
      created: 20200,
      duplicates: 7,
    })
    desk.db.$client
      .prepare("update inquiries set import_batch_id = ? where external_id = '2'")
      .run(stuck)
    expect(await recoverImportJobs(desk.db, 5)).toEqual([stuck])
    const job = ((await (await call(desk, s, 'GET', `/imports/${stuck}`)).json()) as { job: Job })
      .job
    // its counts say what is left of it: nothing
    expect(job).toMatchObject({
      status: 'failed',
      created: 0,
      duplicates: 0,
      failure:
        'The server stopped while this import ran (1 inquiries it had written were removed.)',
    })
    expect(desk.db.$client.prepare('select external_id as id from inquiries').all()).toEqual([
      { id: '1' },
    ])
    expect(
      ((await (await call(desk, s, 'GET', `/imports/${written.id}`)).json()) as { job: Job }).job
        .status,
    ).toBe('written')
    expect(await recoverImportJobs(desk.db, 6)).toEqual([])
  })
})

describe('import jobs on a database file', () => {
  it('run in a worker thread on their own connection while the API keeps writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-import-'))
    const db = openDb(join(dir, 'desk.sqlite'))
    try {
      await ensureChannels(db, DEFAULT_CHANNELS, T0)
      const [probe] = await addInquiries(db, [{}])
      const lines = Array.from(
        { length: 3000 },
        (_, i) => `${i + 1},U${i},主题${i},2019/4/25 9:32:09,内容${i}`,
      )
      const user = await createUser(
        db,
        { username: 'r1', displayName: 'R', role: 'responder', password: 'secret-pass' },
        T0,
      )
      const settings = { stagingDir: join(dir, 'staging'), workerDb: join(dir, 'desk.sqlite') }
      const staged = await stageUpload(db, settings, {
        fileName: 'big.csv',
        body: csv(HEADER, ...lines),
        actorId: user.id,
        now: T0,
      })
      const viewer = { id: user.id, role: user.role, departmentId: user.departmentId }
      const job = await startImportJob(db, settings, {
        kind: 'import',
        uploadId: staged.id,
        channelCode: 'minxin',
        options: {},
        viewer,
        now: T0,
      })
      const seen = new Set<string>()
      let writes = 0
      while (
        (await getImportJob(db, job.id)).status === 'queued' ||
        (await getImportJob(db, job.id)).status === 'running'
      ) {
        const j = await getImportJob(db, job.id)
        seen.add(`${j.phase ?? ''}:${j.rowsDone}`)
        // a responder's write between the job's chunks goes through
        db.$client
          .prepare('update inquiries set updated_at = updated_at + 1 where id = ?')
          .run(probe?.id)
        writes++
        await new Promise((r) => setTimeout(r, 20))
      }
      await importJobSettled(job.id)
      expect(await getImportJob(db, job.id)).toMatchObject({
        status: 'written',
        created: 3000,
        rowsDone: 3000,
        rowsTotal: 3000,
      })
      expect(writes).toBeGreaterThan(0)
      expect(seen.has('write:3000')).toBe(false) // it ended after the last chunk, seen as written
      expect(
        db.$client
          .prepare('select count(*) as n from inquiries where import_batch_id = ?')
          .get(job.id),
      ).toEqual({ n: 3000 })
    } finally {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
