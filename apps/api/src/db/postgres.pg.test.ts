import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { asc, eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { pgAdmin, pgUrlFor, uniqueDbName } from '../test/pg-server.ts'
import { createTestDb, type Db } from './client.ts'
import { dialectOf } from './dialect.ts'
import { aliasTable, closeDatabase, engineOf, tables } from './engine.ts'
import { PG_MIGRATIONS_DIR, openPostgres } from './postgres.ts'
import { withTransaction } from './transaction.ts'

const API_DIR = resolve(import.meta.dirname, '../..')
const journal = JSON.parse(
  readFileSync(resolve(PG_MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
) as { entries: unknown[] }

async function departmentNames(db: Db) {
  const { departments } = tables(db)
  return (await db.select().from(departments).orderBy(asc(departments.id))).map((d) => d.name)
}
const addDepartment = (db: Db, name: string) => db.insert(tables(db).departments).values({ name })

/** Starts the API process on `url` and gives its exit code and stderr. */
function startApi(url: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env: { ...process.env, DESK_DB: url, DESK_DEMO: '0', PORT: '0' },
    })
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('exit', (code) => done({ code, stderr }))
  })
}

describe('PostgreSQL engine', () => {
  it('runs on pg-core tables: engineOf, tables() and aliases for self-joins', async () => {
    const db = await createTestDb()
    expect(engineOf(db)).toBe('postgres')
    const { users, departments } = tables(db)
    const [dept] = await db.insert(departments).values({ name: '规划处' }).returning()
    await db.insert(users).values([
      { username: 'a', displayName: 'A', role: 'admin', passwordHash: 'x', departmentId: dept?.id },
      { username: 'b', displayName: 'B', role: 'responder', passwordHash: 'x', isActive: false },
    ])
    const other = aliasTable(users, 'other')
    const rows = await db
      .select({ name: users.username, dept: departments.name, other: other.username })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .innerJoin(other, sql`${other.id} <> ${users.id}`)
      .where(eq(users.isActive, true))
    expect(rows).toEqual([{ name: 'a', dept: '规划处', other: 'b' }])
    // the desk's sessions run without JIT (openPostgres), whatever the server's default
    expect(await dialectOf(db).rows(db, sql`show jit`)).toEqual([{ jit: 'off' }])
    // instants are numbers (int8 read as Number), as on SQLite
    const [created] = await db.select({ at: users.createdAt }).from(users).limit(1)
    expect(typeof created?.at).toBe('number')
    expect(Math.abs((created?.at ?? 0) - Date.now())).toBeLessThan(60_000)
    const numbered = await dialectOf(db).rows<{ key: number; value: number }>(
      db,
      sql`select * from ${dialectOf(db).numberedValues([5, 7])} t order by key`,
    )
    expect(numbered).toEqual([
      { key: 0, value: 5 },
      { key: 1, value: 7 },
    ])
  })

  it('leaves nothing written when a transaction fails half-way, after an await', async () => {
    const db = await createTestDb()
    await expect(
      withTransaction(db, async (tx) => {
        await addDepartment(tx, '规划处')
        await new Promise((r) => setTimeout(r, 5))
        await addDepartment(tx, '土地利用处')
        throw new Error('half-way')
      }),
    ).rejects.toThrow('half-way')
    expect(await departmentNames(db)).toEqual([])
  })

  it('joins the running transaction when called with one (a nested call rolls back with it)', async () => {
    const db = await createTestDb()
    await expect(
      withTransaction(db, async (tx) => {
        await addDepartment(tx, '规划处')
        await withTransaction(tx, async (inner) => addDepartment(inner, '办公室'))
        throw new Error('outer fails')
      }),
    ).rejects.toThrow('outer fails')
    expect(await departmentNames(db)).toEqual([])
    await withTransaction(db, async (tx) => {
      await withTransaction(tx, async (inner) => addDepartment(inner, '办公室'))
    })
    expect(await departmentNames(db)).toEqual(['办公室'])
  })

  it('keeps the per-channel counts and day summaries by trigger, and refuses to alter the audit log', async () => {
    const db = await createTestDb()
    const { channels, inquiries, inquiryCounts, inquiryDayChannelCounts, auditLog } = tables(db)
    await db
      .insert(channels)
      .values({ code: 'minxin', nameZh: '民心网', nameEn: 'Minxin', intake: 'api' })
    const at = Date.parse('2024-09-27T23:30:00+08:00') // the 27th in Shanghai, the 27th 15:30 UTC
    const base = {
      channelCode: 'minxin',
      subject: 's',
      body: 'b',
      receivedAt: at,
      dueAt: at + 86_400_000,
      createdAt: at,
      updatedAt: at,
    }
    await db.insert(inquiries).values([
      { ...base, externalId: '1' },
      { ...base, externalId: '2' },
    ])
    await db
      .update(inquiries)
      .set({ status: 'replied', repliedAt: at + 3_600_000 })
      .where(eq(inquiries.externalId, '1'))
    expect(await db.select().from(inquiryCounts).orderBy(inquiryCounts.status)).toEqual([
      { channelCode: 'minxin', status: 'new', n: 1 },
      { channelCode: 'minxin', status: 'replied', n: 1 },
    ])
    const day = Math.floor((at + 8 * 3_600_000) / 86_400_000)
    expect(
      await db
        .select()
        .from(inquiryDayChannelCounts)
        .where(sql`${inquiryDayChannelCounts.n} > 0`)
        .orderBy(inquiryDayChannelCounts.replyDay),
    ).toEqual([
      {
        day,
        channelCode: 'minxin',
        replyDay: -1,
        n: 1,
        pending: 1,
        onTime: 0,
        rated: 0,
        satisfied: 0,
      },
      {
        day,
        channelCode: 'minxin',
        replyDay: day + 1,
        n: 1,
        pending: 0,
        onTime: 1,
        rated: 0,
        satisfied: 0,
      },
    ])
    await db.insert(auditLog).values({ at, action: 'login' })
    // drizzle wraps the driver's error: the server's message is its cause
    const refusal = { cause: expect.objectContaining({ message: 'the audit log is append-only' }) }
    await expect(db.delete(auditLog)).rejects.toMatchObject(refusal)
    await expect(db.update(auditLog).set({ action: 'x' })).rejects.toMatchObject(refusal)
    await expect(dialectOf(db).rows(db, sql`truncate audit_log`)).rejects.toMatchObject(refusal)
  })

  it('never sends a query on a connection still running another (fresh connections included)', async () => {
    // counts, per connection, queries sent while an earlier one has not answered
    const running = new WeakMap<object, number>()
    let overlapping = 0
    const send = pg.Client.prototype.query
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const n = running.get(this) ?? 0
      if (n > 0) overlapping++
      running.set(this, n + 1)
      const answer = (send as (...a: unknown[]) => unknown).apply(this, args)
      const done = () => running.set(this, (running.get(this) ?? 1) - 1)
      if (answer instanceof Promise) answer.then(done, done)
      else done()
      return answer as never
    })
    const name = uniqueDbName('desk_overlap')
    await pgAdmin(`create database ${name}`)
    try {
      const db = await openPostgres(pgUrlFor(name), { max: 4 })
      // four fresh connections, each taking its first query at once, then a transaction
      const counts = await Promise.all(
        [1, 2, 3, 4].map(() => dialectOf(db).rows<{ jit: string }>(db, sql`show jit`)),
      )
      expect(counts).toEqual([1, 2, 3, 4].map(() => [{ jit: 'off' }]))
      await withTransaction(db, (t) => addDepartment(t, '办公室'))
      expect(await departmentNames(db)).toEqual(['办公室'])
      await closeDatabase(db)
    } finally {
      spy.mockRestore()
      await pgAdmin(`drop database if exists ${name} with (force)`)
    }
    expect(overlapping).toBe(0)
  })

  it('migrates once when two processes start on a new database together', async () => {
    const name = uniqueDbName('desk_race')
    await pgAdmin(`create database ${name}`)
    try {
      const both = await Promise.all([
        openPostgres(pgUrlFor(name), { max: 1 }),
        openPostgres(pgUrlFor(name), { max: 1 }),
      ])
      const applied = await dialectOf(both[0]).rows<{ n: number }>(
        both[0],
        sql`select count(*) as n from drizzle.__drizzle_migrations`,
      )
      expect(applied).toEqual([{ n: journal.entries.length }])
      await Promise.all(both.map(closeDatabase))
    } finally {
      await pgAdmin(`drop database if exists ${name} with (force)`)
    }
  })

  it('refuses to start on a missing database or a refused login: one line, exit 1', async () => {
    const wrongUser = new URL(pgUrlFor('postgres'))
    wrongUser.username = 'desk_no_such_role'
    const [missing, refused, unreachable] = await Promise.all([
      startApi(pgUrlFor('desk_no_such_database')),
      startApi(wrongUser.toString()),
      startApi('postgres://desk:secret@127.0.0.1:1/desk'),
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^PostgreSQL database missing .*desk_no_such_database.*createdb/),
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^PostgreSQL refused the login .*desk_no_such_role/),
    ])
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Cannot reach PostgreSQL \(127\.0\.0\.1:1\/desk as desk\)/),
    ])
    expect(unreachable.stderr).not.toContain('secret')
    // three API processes start at once: on a loaded machine their tsx start alone can take 30 s
  }, 120_000)
})
