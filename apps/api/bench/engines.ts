/**
 * The benchmark's databases on each engine: a SQLite file in the run's temporary folder, or a
 * database of its own on the PostgreSQL server of the api-pg tests (test/pg-server.ts: the local
 * socket as root, or DESK_TEST_PG), created for the run and dropped after it. BENCH_ENGINE picks
 * the engines: `sqlite` (default), `postgres` or `both`. On PostgreSQL the phone-search key lives
 * in the data folder (DESK_DATA_DIR): the bench points it at its temporary folder.
 */
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'
import { openDb, type Db } from '../src/db/client.ts'
import { copyToPostgres } from '../src/db/copy-to-postgres.ts'
import { phoneKeyOf } from '../src/db/phone-key.ts'
import { runSearchBackfillPg } from '../src/db/search-backfill.ts'
import { openDatabase, type Engine } from '../src/db/engine.ts'
import { pgAdmin, pgUrlFor, uniqueDbName } from '../src/test/pg-server.ts'

/** The engines BENCH_ENGINE names. @throws Error for any other value */
export function benchEngines(setting = process.env.BENCH_ENGINE ?? 'sqlite'): Engine[] {
  if (setting === 'both') return ['sqlite', 'postgres']
  if (setting === 'sqlite' || setting === 'postgres') return [setting]
  throw new Error(`BENCH_ENGINE must be sqlite, postgres or both, not "${setting}"`)
}

/** A database made for the bench: its setting (file or URL), its size and its removal. */
export type BenchDatabase = {
  engine: Engine
  /** the file path or postgres:// URL, as DESK_DB takes it */
  setting: string
  open(): Promise<Db>
  /** bytes on disk: the file and its WAL, or pg_database_size */
  size(db: Db): Promise<number>
  /** removes the file or drops the database (after every handle is closed) */
  drop(): Promise<void>
}

/**
 * A new, empty database named `name` on `engine` (SQLite: `<dir>/<name>.sqlite`, a copy of
 * `from` when given, a migrated SQLite file with no open handle).
 */
export async function createBenchDatabase(
  engine: Engine,
  dir: string,
  name: string,
  from?: string,
): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const file = join(dir, `${name}.sqlite`)
    if (from) copyFileSync(from, file)
    const files = [file, `${file}-wal`, `${file}-shm`]
    return {
      engine,
      setting: file,
      open: () => openDatabase(file),
      size: async () => files.filter(existsSync).reduce((s, f) => s + statSync(f).size, 0),
      drop: async () => {
        for (const f of files) rmSync(f, { force: true })
      },
    }
  }
  const database = uniqueDbName(`desk_bench_${name}`)
  await pgAdmin(`create database ${database}`)
  const url = pgUrlFor(database)
  return {
    engine,
    setting: url,
    open: () => openDatabase(url),
    size: async (db) => {
      const pool = db.$client as unknown as { query(q: string): Promise<{ rows: { n: number }[] }> }
      const res = await pool.query('select pg_database_size(current_database()) as n')
      return Number(res.rows[0]?.n)
    },
    drop: () => pgAdmin(`drop database if exists ${database} with (force)`),
  }
}

/**
 * Copies the SQLite desk in `file` into the empty, migrated PostgreSQL database of `db`, as
 * `desk migrate-to` does (ids kept, counters and summaries made by the target's triggers and
 * compared with the file's), then writes its search index and phone HMACs.
 */
export async function copyDesk(file: string, db: Db): Promise<void> {
  const source = openDb(file)
  const client = await (db.$client as unknown as pg.Pool).connect()
  try {
    await copyToPostgres(source, client)
  } finally {
    client.release()
    source.$client.close()
  }
  // PostgreSQL's search index and the phone HMACs under its key, as `desk migrate-to` writes them
  await runSearchBackfillPg(db.$client as unknown as pg.Pool, phoneKeyOf(db) as Buffer)
}
