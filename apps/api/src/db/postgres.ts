/**
 * Opens the desk on a PostgreSQL server (`DESK_DB=postgres://…`): a connection pool, the
 * committed PostgreSQL migrations (migrations-pg/) applied under an advisory lock, and the drizzle
 * instance on the pg-core tables (schema.pg.ts), typed as the SQLite `Db` (see engine.ts).
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { Db } from './client.ts'
import { hmacOfPhone, loadPhoneKey, PHONE_KEY_FILE, phoneKeyOf, setPhoneKey } from './phone-key.ts'
import * as schema from './schema.pg.ts'
import { runSearchBackfillPg } from './search-backfill.ts'

export const PG_MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations-pg')

/** A database setting that names a PostgreSQL server. */
export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value)

// Instants are int8 milliseconds and counts come back as int8 (count(*)) or numeric (sum()):
// read both as JS numbers, as SQLite gives them (every value the desk stores is below 2^53).
// pg's global type table, because drizzle passes its own per-query parsers that fall back to it.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number)

/** The server's refusal, in one line for the person starting the desk: no stack, no password. */
export class DbStartError extends Error {}

/** `host:port/database as user` of a URL, for messages (never the password). */
export function describeUrl(url: string): string {
  const u = new URL(url)
  const host = u.searchParams.get('host') ?? (u.hostname || 'localhost')
  const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username)
  return `${host}${u.port ? `:${u.port}` : ''}/${db} as ${decodeURIComponent(u.username) || 'the current user'}`
}

function startProblem(err: unknown, url: string): string {
  const where = describeUrl(url)
  const code = (err as { code?: string }).code
  const message = err instanceof Error ? err.message : String(err)
  if (code === '3D000')
    return `PostgreSQL database missing (${where}): ${message}. Create it first (createdb ${new URL(url).pathname.slice(1) || '<name>'}).`
  if (code === '28P01' || code === '28000')
    return `PostgreSQL refused the login (${where}): ${message}. Check the user and password in DESK_DB.`
  return `Cannot reach PostgreSQL (${where}): ${message}.`
}

// any fixed number: every desk process migrating the same database takes the same lock
const MIGRATION_LOCK = 7_316_482_001

/**
 * pg's pool options for a desk URL (tests open small pools), and the desk's data folder, where
 * its phone-search key is kept (phone-key.ts; undefined: a random key for this pool, as for a
 * SQLite database in memory).
 */
export type PgOptions = { max?: number; dataDir?: string }

/**
 * Connects, applies the pending migrations (two processes starting together: one migrates while
 * the other waits on the advisory lock, then finds nothing to do), binds the phone-search key,
 * writes the search index of inquiries stored before it existed (search-backfill.ts) and returns
 * the database.
 * @throws DbStartError when the server is unreachable, refuses the login or lacks the database,
 *   or the key is not the one its phone HMACs were made with; Error when the key file is unreadable
 */
export async function openPostgres(url: string, options: PgOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // JIT off for the desk's sessions (this setting only, not the server's): its queries are
    // short, and compiling one whose plan costs over jit_above_cost took ~155 ms of a 2.4 s count
    // at 1,000,000 inquiries. Sent as a startup parameter, so no query of the desk's has to wait
    // behind a `set` (a `set` sent on connect ran alongside the caller's first query on the same
    // connection, which node-postgres deprecates).
    options: '-c jit=off',
  })
  // a connection that dies while idle in the pool (server restart) is dropped and replaced on
  // the next checkout; without a listener node-postgres would crash the process
  pool.on('error', () => {})
  // the same for a connection in use (a transaction waiting on the app) when the server goes:
  // its next query fails and the request answers 503 (isDatabaseUnreachable); the pool drops it.
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (err) {
    await pool.end()
    throw new DbStartError(startProblem(err, url))
  }
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(drizzle({ client, casing: 'snake_case' }), {
        migrationsFolder: PG_MIGRATIONS_DIR,
      })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } catch (err) {
    client.release()
    await pool.end()
    throw err
  }
  client.release()
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Db
  try {
    const key = loadPhoneKey(options.dataDir)
    setPhoneKey(db, key)
    await runSearchBackfillPg(pool, key)
    if (options.dataDir !== undefined) await checkPhoneKey(pool, key, options.dataDir)
  } catch (err) {
    await pool.end()
    throw err
  }
  return db
}

/**
 * Refuses a phone-search key other than the one the stored HMACs were made with: several
 * processes share one PostgreSQL database, and one started with a data folder of its own (a new
 * key) would write HMACs no other process finds, and find none of theirs. Compares one stored
 * inquiry's HMAC with its phone under `key` (only for a key file: a pool opened without a data
 * folder, in tests, has a random key of its own).
 * @throws DbStartError naming the key file and what to do
 */
async function checkPhoneKey(pool: pg.Pool, key: Buffer, dataDir: string) {
  const { rows } = await pool.query<{ phone: string; hmac: string }>(
    'select citizen_phone as phone, citizen_phone_hmac as hmac from inquiries where citizen_phone_hmac is not null limit 1',
  )
  const row = rows[0]
  if (row === undefined || hmacOfPhone(key, row.phone) === row.hmac) return
  throw new DbStartError(
    `The phone-search key ${join(dataDir, PHONE_KEY_FILE)} is not the one this database's phone numbers were hashed with: give every process the same key file (DESK_DATA_DIR), or restore it from the backup. If it is lost, re-hash every phone with this key: insert into pending_backfills (name) values ('inquiry_search'), then start again.`,
  )
}

type PgSession = { transaction<R>(f: (tx: Db) => Promise<R>): Promise<R> }

/**
 * `fn` in a transaction on one connection of `db`'s pool, given back to the pool whatever
 * happens. drizzle's own pool transaction sends BEGIN before its try/finally, so a BEGIN on a
 * connection the server dropped would keep that connection checked out for good, and a few
 * outages would leave the pool with none; here the pool drops such a connection on release.
 */
export async function pgTransaction<T>(db: Db, fn: (tx: Db) => T | Promise<T>): Promise<T> {
  const client = await (db.$client as unknown as pg.Pool).connect()
  try {
    const session = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db
    // the transaction runs on `client`: it hashes phone numbers with its pool's key
    const key = phoneKeyOf(db)
    if (key) setPhoneKey(session, key)
    return await (session as unknown as PgSession).transaction(async (tx) => fn(tx))
  } finally {
    client.release()
  }
}
