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
 * Copies the SQLite desk in `file` into the empty, migrated PostgreSQL database of `db` in bulk
 * (copy-to-postgres.ts `bulk`: triggers and foreign-key checks off, the counters and day summaries
 * copied from the file, whose triggers wrote them; multiply.ts then checks them against
 * PostgreSQL's formulas and triggers), then writes its search index and phone HMACs as
 * `desk migrate-to` does, with the GIN index built once after the rows are in.
 */
export async function copyDesk(file: string, db: Db): Promise<void> {
  const source = openDb(file)
  const pool = db.$client as unknown as pg.Pool
  const client = await pool.connect()
  try {
    const phoneKey = phoneKeyOf(db) as Buffer
    await copyToPostgres(source, client, () => {}, { bulk: true, phoneKey })
    const gin = await client.query<{ sql: string }>(
      `select indexdef as sql from pg_indexes where indexname = 'inquiry_search_doc_idx'`,
    )
    await client.query('drop index if exists inquiry_search_doc_idx')
    // PostgreSQL's search index and the phone HMACs under its key, as `desk migrate-to` writes them
    await runSearchBackfillPg(pool, phoneKey)
    for (const { sql } of gin.rows) await client.query(sql)
  } finally {
    client.release()
    source.$client.close()
  }
}
