/**
 * Fault injection for the `desk import` command: a trial imports a generated CSV into a database
 * file that already holds an earlier import, kills the command with SIGKILL after a given delay
 * (before, during or after its one write transaction), then opens the file as the next start
 * would and judges it: SQLite's integrity_check is ok; the import is either absent (the database
 * is as before) or complete (every row, and a batch whose counts equal its rows); the counters
 * and report summaries that triggers keep equal what the rows say. Used by a few trials in the
 * test suite and by bench/kill-import.ts for many.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { openDb } from '../db/client.ts'
import { OPEN_DUE_DAYS_SELECT } from '../db/open-due-days.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { importFile } from '../modules/imports/imports.service.ts'
import { REPO_ROOT } from '../paths.ts'

const API_DIR = resolve(REPO_ROOT, 'apps/api')
const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情'
const csv = (from: number, n: number) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) =>
        `${from + i},U${from + i},主题${from + i},2019/4/25 9:32:09,第 ${from + i} 封来信的内容`,
    ),
  ].join('\r\n')

/** The earlier import the database holds before each trial. */
const BASE_ROWS = 20

export type Verdict = {
  outcome: 'unchanged' | 'complete'
  exitSignal: string | null
  problems: string[]
}

/** Runs `desk import` on `file` into `db`; resolves on exit. `killAfterMs`: SIGKILL then (null: let it finish). */
function runImport(db: string, file: string, killAfterMs: number | null): Promise<string | null> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/desk.ts', 'import', '--channel', 'minxin', '--db', db, file],
      {
        cwd: API_DIR,
        env: { ...process.env, DESK_DB: '' },
        stdio: 'ignore',
      },
    )
    const timer =
      killAfterMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('error', fail)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      done(signal)
    })
  })
}

/** What is wrong with the database file at `path` after an import of `rows` rows was started. */
function judge(path: string, rows: number): Verdict & { exitSignal: null } {
  const db = openDb(path)
  const sql = db.$client
  const problems: string[] = []
  try {
    const all = <T>(q: string) => sql.prepare(q).all() as T[]
    const one = <T>(q: string) => sql.prepare(q).get() as T
    const integrity = one<{ integrity_check: string }>('pragma integrity_check').integrity_check
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`)
    const n = one<{ n: number }>('select count(*) as n from inquiries').n
    const batches = all<{ id: number; created: number; duplicates: number }>(
      'select id, created, duplicates from import_batches order by id',
    )
    const outcome = n === BASE_ROWS ? 'unchanged' : 'complete'
    if (n !== BASE_ROWS && n !== BASE_ROWS + rows)
      problems.push(
        `${n} inquiries: neither ${BASE_ROWS} (unchanged) nor ${BASE_ROWS + rows} (complete)`,
      )
    if (batches.length !== (outcome === 'unchanged' ? 1 : 2))
      problems.push(`${batches.length} import batches for an ${outcome} import`)
    for (const b of batches) {
      const held = one<{ n: number }>(
        `select count(*) as n from inquiries where import_batch_id = ${b.id}`,
      ).n
      if (held !== b.created)
        problems.push(`batch ${b.id} says created ${b.created} but holds ${held}`)
    }
    const counts = all<{ k: string; n: number }>(
      `select channel_code || '|' || status as k, n from inquiry_counts where n <> 0 order by k`,
    )
    const countsFromRows = all<{ k: string; n: number }>(
      `select channel_code || '|' || status as k, count(*) as n from inquiries group by 1 order by 1`,
    )
    if (JSON.stringify(counts) !== JSON.stringify(countsFromRows))
      problems.push('inquiry_counts differ from the rows')
    const stats = all<unknown>(
      'select day, channel_code, reply_day, n, pending, on_time, rated, satisfied from inquiry_day_channel_counts where n <> 0 order by 1, 2, 3',
    )
    const statsFromRows = all<unknown>(
      `select (received_at + 28800000) / 86400000 as day, channel_code, ifnull((replied_at + 28800000) / 86400000, -1) as reply_day,
        count(*) as n, sum(status in ('new', 'assigned')) as pending, sum(ifnull(replied_at <= coalesce(first_due_at, due_at), 0)) as on_time,
        sum(ifnull(satisfaction, '') <> '') as rated, sum(ifnull(satisfaction, '') in ('satisfied', 'basically_satisfied')) as satisfied
       from inquiries group by 1, 2, 3 order by 1, 2, 3`,
    )
    if (JSON.stringify(stats) !== JSON.stringify(statsFromRows))
      problems.push('inquiry_day_channel_counts differ from the rows')
    const openDue = all<unknown>(
      'select day, due_day, dimension, value, n from inquiry_open_due_days where n <> 0 order by 1, 2, 3, 4',
    )
    const openDueFromRows = all<unknown>(`${OPEN_DUE_DAYS_SELECT} order by 1, 2, 3, 4`)
    if (JSON.stringify(openDue) !== JSON.stringify(openDueFromRows))
      problems.push('inquiry_open_due_days differ from the rows')
    return { outcome, exitSignal: null, problems }
  } finally {
    sql.close()
  }
}

/** A prepared folder: a database holding BASE_ROWS imported rows and the file to import. */
async function prepare(rows: number): Promise<{ dir: string; db: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-kill-import-'))
  const db = join(dir, 'desk.sqlite')
  const file = join(dir, 'big.csv')
  const conn = openDb(db)
  await ensureChannels(conn, DEFAULT_CHANNELS, Date.now())
  await importFile(conn, {
    channelCode: 'minxin',
    file: { name: 'base.csv', bytes: new TextEncoder().encode(csv(1, BASE_ROWS)) },
  })
  conn.$client.close()
  writeFileSync(file, csv(BASE_ROWS + 1, rows))
  return { dir, db, file }
}

/** How long an unkilled import of `rows` rows takes here, start-up included (ms). */
export async function timeImport(rows: number): Promise<number> {
  const { dir, db, file } = await prepare(rows)
  try {
    const start = performance.now()
    await runImport(db, file, null)
    return performance.now() - start
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One trial: an import of `rows` rows killed after `killAfterMs`, then judged. */
export async function killTrial(rows: number, killAfterMs: number): Promise<Verdict> {
  const { dir, db, file } = await prepare(rows)
  try {
    const exitSignal = await runImport(db, file, killAfterMs)
    return { ...judge(db, rows), exitSignal }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
