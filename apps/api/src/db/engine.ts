/**
 * The two engines behind one `Db` type. A desk runs on a SQLite file (the default) or on a
 * PostgreSQL server (`DESK_DB=postgres://…`); repository code is written once for both.
 *
 * The one type erasure: `Db` is the SQLite drizzle type on both engines. On PostgreSQL the
 * node-postgres drizzle instance, built on the pg-core tables of schema.pg.ts, is cast to it.
 * What repos may use is what both drizzle dialects share: awaited select/insert/update/delete
 * builders with `returning`, `onConflictDo…`, joins and subqueries — never `.all()/.get()/.run()`,
 * `db.$client` or `db.transaction` (use withTransaction). Repos take their tables from the handle
 * (`tables(db)`), since drizzle's PostgreSQL dialect only prints joins of pg-core tables.
 */
import { dataDirOf } from '../paths.ts'
import { openDb, type Db } from './client.ts'
import { isPostgresUrl, openPostgres } from './postgres.ts'
import { engineOf } from './tables.ts'

export { aliasTable, engineOf, tables, type Engine, type Tables } from './tables.ts'

/**
 * Opens the desk's database: a `postgres://` URL connects to the server and migrates it (its
 * phone-search key in the data folder, paths.ts `dataDirOf`); anything else is the path of the
 * SQLite file (created and migrated when new; the key beside it).
 * @throws DbStartError (postgres.ts) when the server cannot be used; SqliteError for a bad file
 */
export async function openDatabase(setting: string): Promise<Db> {
  return isPostgresUrl(setting)
    ? openPostgres(setting, { dataDir: dataDirOf(setting) })
    : openDb(setting)
}

/** Closes the file or ends the pool. */
export async function closeDatabase(db: Db): Promise<void> {
  if (engineOf(db) === 'postgres') await (db.$client as unknown as { end(): Promise<void> }).end()
  else db.$client.close()
}
