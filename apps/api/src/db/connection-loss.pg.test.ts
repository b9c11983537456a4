import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc } from 'drizzle-orm'
import { Hono } from 'hono'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../lib/context.ts'
import { handleError } from '../lib/errors.ts'
import { silentLogger } from '../lib/logger.ts'
import type { Db } from './client.ts'
import { closeDatabase, tables } from './engine.ts'
import { openPostgres } from './postgres.ts'
import { runPrepared } from './prepared.ts'
import { withTransaction } from './transaction.ts'

// A private PostgreSQL cluster (initdb in a temporary folder, its socket there, no TCP) that this
// test stops and starts; the shared server is never touched. initdb refuses to run as root, so
// the cluster belongs to the `postgres` user, as Debian's own does.
const PG_BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((bin) => existsSync(`${bin}/initdb`))
  : undefined
const canRun = PG_BIN !== undefined && process.getuid?.() === 0

const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'))
const data = join(dir, 'data')
const asPostgres = (command: string) =>
  execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe', timeout: 120_000 })
const pgCtl = (action: 'start' | 'stop') =>
  asPostgres(
    action === 'start'
      ? `${PG_BIN}/pg_ctl -D ${data} -w -l ${dir}/log -o "-k ${dir} -c listen_addresses=''" start`
      : `${PG_BIN}/pg_ctl -D ${data} -w -m fast stop`,
  )
const url = (database: string) => `postgres://postgres@localhost/${database}?host=${dir}`

let db: Db
const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.set('logger', silentLogger)
    await next()
  })
  .get('/departments', async (c) => {
    const { departments } = tables(db)
    const rows = await db.select().from(departments).orderBy(asc(departments.id))
    return c.json(
      rows.map((d) => d.name),
      200,
    )
  })
  // the same read through a query kept on the handle (db/prepared.ts), as the hot reads are
  .get('/departments/kept', async (c) => {
    const rows = await runPrepared(db, 'test_departments_kept', () => {
      const { departments } = tables(db)
      return db.select().from(departments).orderBy(asc(departments.id))
    })
    return c.json(
      rows.map((d) => d.name),
      200,
    )
  })
app.onError(handleError)

describe.runIf(canRun)('a PostgreSQL server lost while the desk runs', () => {
  beforeAll(async () => {
    chownSync(dir, Number(asPostgres('id -u').toString()), Number(asPostgres('id -g').toString()))
    asPostgres(`${PG_BIN}/initdb -D ${data} -A trust -U postgres --no-sync -E UTF8`)
    pgCtl('start')
    const admin = new pg.Client(url('postgres'))
    await admin.connect()
    await admin.query('create database desk')
    await admin.end()
    db = await openPostgres(url('desk'), { max: 2 })
  })

  afterAll(async () => {
    if (db) await closeDatabase(db)
    try {
      pgCtl('stop')
    } catch {
      // already stopped by a failed test
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers 503 in the shared error shape, writes nothing half-way, and recovers when the server is back', async () => {
    await db.insert(tables(db).departments).values({ name: '办公室' })
    expect(await (await app.request('/departments')).json()).toEqual(['办公室'])
    expect(await (await app.request('/departments/kept')).json()).toEqual(['办公室'])

    // a transaction that has written one row when the server goes away
    let wrote!: () => void
    const written = new Promise<void>((resolve) => (wrote = resolve))
    let serverDown!: () => void
    const down = new Promise<void>((resolve) => (serverDown = resolve))
    const halfWay = withTransaction(db, async (tx) => {
      await tx.insert(tables(tx).departments).values({ name: '规划处' })
      wrote()
      await down
      await tx.insert(tables(tx).departments).values({ name: '土地利用处' })
    })
    const halfWayFailed = expect(halfWay).rejects.toThrow()
    await written
    pgCtl('stop')
    serverDown()
    await halfWayFailed
    // and one begun while it is down (BEGIN fails on a dropped connection)
    await expect(withTransaction(db, async () => {})).rejects.toThrow()

    const res = await app.request('/departments')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(await res.json()).toEqual({
      error: {
        code: 'UNAVAILABLE',
        message: 'The database server cannot be reached; try again shortly',
      },
    })

    pgCtl('start')
    const again = await app.request('/departments')
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(['办公室'])
    // a kept query runs again on the pool's new connections
    const kept = await app.request('/departments/kept')
    expect(kept.status).toBe(200)
    expect(await kept.json()).toEqual(['办公室'])
    // no connection is left checked out by the failed transactions
    const pool = db.$client as unknown as pg.Pool
    expect(pool.totalCount - pool.idleCount).toBe(0)
  })
})
