/**
 * Opens the desk's SQLite database: WAL, foreign keys on, synchronous=FULL (a committed reply
 * survives a power cut), a 32 MB page cache, and applies the committed migrations. One file, created on first start, readable by the desk's account
 * only (mode 0600 in a folder made 0700: lib/private-files.ts).
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { makePrivateDirSync, makePrivateFileSync, tightenFilesSync } from '../lib/private-files.ts'
import { isPostgresUrl } from './postgres.ts'
import { loadPhoneKey, setPhoneKey } from './phone-key.ts'
import * as schema from './schema.ts'
import { runSearchBackfill } from './search-backfill.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations')

/**
 * Opens (creating if needed) the database at `path` (`:memory:` for tests), migrates it, binds
 * the phone-search key kept beside it (phone-key.ts; made on first start) and writes the search
 * index of inquiries stored before it existed (search-backfill.ts).
 * @throws the driver's SqliteError when the file cannot be opened or a migration fails; an
 *   Error when the key file is unreadable; Error for a postgres:// URL
 */
export function openDb(path: string): Db {
  // a URL here would become a folder named `postgres:`; PostgreSQL opens through openDatabase
  if (isPostgresUrl(path)) throw new Error('openDb opens SQLite files: use openDatabase for a URL')
  if (path !== ':memory:') {
    // personal data: the folder 0700 when the desk makes it, the file (and so its -wal, -shm) 0600
    makePrivateDirSync(dirname(resolve(path)))
    makePrivateFileSync(path)
    tightenFilesSync([`${path}-wal`, `${path}-shm`])
  }
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 32 MB of page cache (default 2 MB): the hot index pages of a million-row desk stay in memory;
  // 64 MB pushed a year's streamed export past 300 MB of RSS (bench at 1M rows)
  sqlite.pragma('cache_size = -32768')
  // statement journals (the undo record of each INSERT with triggers inside a longer
  // transaction) and temporary b-trees in memory: on disk they cost an import ~26 pwrite
  // calls and ~40 µs of kernel time per row (strace of the 100,000-row bench import)
  sqlite.pragma('temp_store = MEMORY')
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' })
  migrate(db, { migrationsFolder: MIGRATIONS_DIR })
  setPhoneKey(db, loadPhoneKey(path === ':memory:' ? undefined : dirname(resolve(path))))
  runSearchBackfill(db)
  return db
}

let testDatabase: (() => Promise<Db>) | undefined

/**
 * Tests on another engine: the `api-pg` project's per-file set-up hands its PostgreSQL database
 * (emptied on each call) to createTestDb; `undefined` goes back to SQLite in memory.
 */
export function useTestDatabase(open: (() => Promise<Db>) | undefined): void {
  testDatabase = open
}

/** A fresh, migrated database for a test: SQLite in memory, or the engine under test's (see useTestDatabase). */
export async function createTestDb(): Promise<Db> {
  return (await testDatabase?.()) ?? openDb(':memory:')
}
