// The wizard's jobs through HTTP only, so that this file runs on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, type Desk, type Session } from '../../test/setup.ts'
import { importJobSettled } from './import-workers.ts'

type Job = {
  id: number
  status: string
  created: number
  createdByName: string | null
  undoneByName: string | null
  errors: { row?: number; code?: string; reason: string }[]
}

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情'
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))

async function stage(desk: Desk, s: Session, bytes: Uint8Array): Promise<string> {
  const res = await desk.app.request('/imports/uploads?name=letters.csv', {
    method: 'POST',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/octet-stream',
    },
    body: bytes,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { upload: { id: string } }).upload.id
}

/** Starts a job; returns the start's answer and the job once it has ended. */
async function runJob(desk: Desk, s: Session, body: Record<string, unknown>) {
  const res = await call(desk, s, 'POST', '/imports', { channel: 'minxin', ...body })
  expect(res.status).toBe(202)
  const started = ((await res.json()) as { job: Job }).job
  await importJobSettled(started.id)
  const ended = (
    (await (await call(desk, s, 'GET', `/imports/${started.id}`)).json()) as {
      job: Job
    }
  ).job
  return { started, ended }
}

const inquiryCount = async (desk: Desk, s: Session) =>
  ((await (await call(desk, s, 'GET', '/inquiries/counts?status=all')).json()) as { total: number })
    .total

const previewStatus = async (desk: Desk, s: Session, id: string) =>
  (await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, { channel: 'minxin' })).status

describe('import wizard jobs', () => {
  it('keeps the staged file after a refused import, so it is imported with a changed option without a new upload; the written import uses it up', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    // 12/01/2023: 1 December or 12 January, nothing else in the file says which
    const id = await stage(desk, s, csv(HEADER, '1,A001,路灯,12/01/2023 09:00,小区路灯坏了'))
    const refused = (await runJob(desk, s, { kind: 'import', uploadId: id })).ended
    expect(refused.status).toBe('rejected')
    expect(refused.errors.map((e) => [e.row, e.code])).toEqual([[2, 'ambiguous_date']])
    expect(await inquiryCount(desk, s)).toBe(0)
    expect(await previewStatus(desk, s, id)).toBe(200)

    const again = (await runJob(desk, s, { kind: 'import', uploadId: id, dateOrder: 'day-first' }))
      .ended
    expect(again).toMatchObject({ status: 'written', created: 1 })
    const list = (await (await call(desk, s, 'GET', '/inquiries?status=all')).json()) as {
      items: { receivedAt: string }[]
    }
    // day first: 12 January 2023, 09:00 in Beijing
    expect(list.items.map((i) => Date.parse(i.receivedAt))).toEqual([
      Date.parse('2023-01-12T09:00:00+08:00'),
    ])
    expect(await previewStatus(desk, s, id)).toBe(404)
    const third = await call(desk, s, 'POST', '/imports', {
      kind: 'import',
      uploadId: id,
      channel: 'minxin',
    })
    expect(third.status).toBe(404)
  })

  it('names who started a job and who undid it, on the job as on the list', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const admin = await signIn(desk, 'admin')
    const id = await stage(desk, s, csv(HEADER, '1,A001,路灯,2019/4/25 9:32:09,小区路灯坏了'))
    const dry = await runJob(desk, s, { kind: 'dry_run', uploadId: id })
    expect(dry.started.createdByName).toBe('responder1 name')
    expect(dry.ended).toMatchObject({ status: 'checked', createdByName: 'responder1 name' })
    const { started, ended } = await runJob(desk, s, { kind: 'import', uploadId: id })
    expect(started.createdByName).toBe('responder1 name')
    expect(ended).toMatchObject({
      status: 'written',
      createdByName: 'responder1 name',
      undoneByName: null,
    })
    const undo = await call(desk, admin, 'POST', `/imports/${started.id}/undo`)
    expect(undo.status).toBe(200)
    expect(((await undo.json()) as { job: Job }).job).toMatchObject({
      status: 'undone',
      createdByName: 'responder1 name',
      undoneByName: 'admin1 name',
    })
    const list = (await (await call(desk, s, 'GET', '/imports')).json()) as { items: Job[] }
    expect(list.items.map((j) => [j.id, j.createdByName, j.undoneByName])).toEqual([
      [started.id, 'responder1 name', 'admin1 name'],
    ])
  })
})

describe('import wizard uploads and previews', () => {
  it('refuses several files in one multipart upload with 422 saying one file at a time', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const form = new FormData()
    const file = (name: string) =>
      new File([csv(HEADER, '1,A001,路灯,2019/4/25 9:32:09,内容')], name, { type: 'text/csv' })
    form.append('file', file('a.csv'))
    form.append('file', file('b.csv'))
    form.append('file', file('c.csv'))
    const res = await desk.app.request('/imports/uploads', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: form,
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { message: string; details: { code: string; params: unknown }[] }
    }
    expect(error.message).toBe(
      '3 files were sent: an import takes one file at a time (one upload, one job each)',
    )
    expect(error.details.map((d) => [d.code, d.params])).toEqual([
      ['one_file_at_a_time', { count: 3 }],
    ])
    // "file[]" as some clients name several files: the same answer
    const brackets = new FormData()
    brackets.append('file[]', file('a.csv'))
    brackets.append('file[]', file('b.csv'))
    const res2 = await desk.app.request('/imports/uploads', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: brackets,
    })
    expect(res2.status).toBe(422)
    // one file is still taken
    const one = new FormData()
    one.append('file', file('a.csv'))
    const res3 = await desk.app.request('/imports/uploads', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: one,
    })
    expect(res3.status).toBe(201)
    expect(((await res3.json()) as { upload: { fileName: string } }).upload.fileName).toBe('a.csv')
  })

  it('the preview names the shown dates that read two ways, and none once a shown date gives the order', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const preview = async (bytes: Uint8Array) => {
      const id = await stage(desk, s, bytes)
      const res = await call(desk, s, 'POST', `/imports/uploads/${id}/preview`, {
        channel: 'minxin',
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { preview: { ambiguousDates: unknown[] } }).preview
        .ambiguousDates
    }
    expect(
      await preview(
        csv(
          HEADER,
          '1,A,路灯,12/01/2023 09:00,内容',
          '2,A,路灯,03/03/2023,内容',
          '3,A,路灯,2023/5/6,内容',
        ),
      ),
    ).toEqual([{ row: 2, column: '留言时间', value: '12/01/2023 09:00' }])
    // 25/03/2023 can only be day first: the file shows its order
    expect(
      await preview(csv(HEADER, '1,A,路灯,12/01/2023 09:00,内容', '2,A,路灯,25/03/2023,内容')),
    ).toEqual([])
  })
})
