import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { engineOf, tables } from '../../db/engine.ts'
import { T0 } from '../../test/setup.ts'
import { twoProcesses, type TwoProcesses } from '../../test/two-processes.ts'
import { createUser } from '../users/users.service.ts'
import { lockImportJob, recoverImportJobs, runImportJob } from './import-jobs.service.ts'
import { getImportJob, stageUpload } from './import-wizard.service.ts'
import { insertImportBatch } from './imports.repo.ts'

const ROWS = 40
let pair: TwoProcesses | undefined
let dir = ''
afterEach(async () => {
  await pair?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Two processes on one database, and an import job of ROWS rows queued in it. */
async function queuedJob() {
  pair = await twoProcesses(T0)
  dir = mkdtempSync(join(tmpdir(), 'desk-import-two-'))
  const user = await createUser(
    pair.a,
    { username: 'r1', displayName: 'R', role: 'responder', password: 'secret-pass' },
    T0,
  )
  const lines = Array.from(
    { length: ROWS },
    (_, i) => `${i + 1},U${i},主题${i},2019/4/25 9:32:09,内容${i}`,
  )
  const body = new TextEncoder().encode(
    ['留言编号,留言用户,留言主题,留言时间,留言详情', ...lines].join('\r\n'),
  )
  const settings = { stagingDir: dir, workerDb: null }
  const staged = await stageUpload(pair.a, settings, {
    fileName: 'm.csv',
    body,
    actorId: user.id,
    now: T0,
  })
  const viewer = { id: user.id, role: user.role, departmentId: user.departmentId }
  const id = await insertImportBatch(pair.a, {
    kind: 'import',
    status: 'queued',
    channelCode: 'minxin',
    fileName: 'm.csv',
    format: 'csv',
    uploadId: staged.id,
    options: JSON.stringify({ viewer }),
    createdBy: user.id,
    createdAt: T0,
  })
  return { id, viewer, ...pair }
}

describe('import jobs with two API processes on one database', () => {
  it('run once when both processes are handed the same job', async () => {
    const { id, a, b } = await queuedJob()
    await Promise.all([runImportJob(a, dir, id), runImportJob(b, dir, id)])
    expect(await getImportJob(a, id)).toMatchObject({
      status: 'written',
      created: ROWS,
      duplicates: 0,
      rowsDone: ROWS,
      failure: null,
    })
    expect(await a.$count(tables(a).inquiries)).toBe(ROWS)
  })

  // a process lock is PostgreSQL's (on SQLite one process serves a file and always gets it)
  it('are left alone by a process recovering at its start while another runs them', async (ctx) => {
    const { id, a, b } = await queuedJob()
    if (engineOf(a) !== 'postgres') return ctx.skip()
    const release = await lockImportJob(a, id)
    expect(await recoverImportJobs(b, T0)).toEqual([])
    expect((await getImportJob(b, id)).status).toBe('queued')
    await release()
    // once its process has let go (or died, which ends the lock), it is a crash's job
    expect(await recoverImportJobs(b, T0)).toEqual([id])
    expect((await getImportJob(b, id)).status).toBe('failed')
  })
})
