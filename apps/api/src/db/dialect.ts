/**
 * The SQL that differs between database engines, in one place. Repos write drizzle queries that
 * every engine understands and ask `dialectOf(db)` for the rest, so one repo serves each engine.
 * The engine is read from the handle (never a global): two databases of different engines can
 * live in one process (a copy from SQLite to PostgreSQL).
 */
import { createHash } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type pg from 'pg'
import type { Db } from './client.ts'
import { engineOf, type Engine } from './tables.ts'

/**
 * How many rows an awaited insert, update or delete without `returning()` changed: better-sqlite3
 * reports `changes`, node-postgres `rowCount` (null for statements that change no rows).
 */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null }
  return r.changes ?? r.rowCount ?? 0
}

/** The engine-specific SQL of one engine; see each member. */
export type Dialect = {
  readonly engine: Engine
  /**
   * `table` as a FROM source that the planner must read through index `indexName` (SQLite's
   * `INDEXED BY`; an engine without index hints gives the plain table).
   */
  tableUsingIndex(table: SQL | object, indexName: string): SQL
  /**
   * A table expression of `values` with columns `key` (the 0-based position) and `value`, e.g.
   * for joining a calendar's running counts by day offset (SQLite: `json_each` over a JSON array).
   */
  numberedValues(values: readonly number[]): SQL
  /** The larger of two integer expressions (SQLite's two-argument `max`). */
  greatest(a: SQL, b: SQL): SQL
  /** Runs a raw query and gives its rows as objects keyed by the selected column names. */
  rows<T>(db: Db, query: SQL): Promise<T[]>
  /**
   * A select (inside withTransaction) that claims its rows: on PostgreSQL `FOR UPDATE SKIP
   * LOCKED`, so several processes each take different rows (an outbox message, an import job)
   * and none waits for another; on SQLite the query as it is, since withTransaction already lets
   * one writer at a time in (BEGIN IMMEDIATE).
   */
  claiming<Q extends object>(query: Q): Q
  /**
   * A select whose parameters are `sql.placeholder`s, run as often as asked: the function given
   * back takes the placeholders' values and answers the rows as objects keyed by `keys` (the
   * selection's keys, in its order). SQLite prepares the statement once and keys its raw value
   * arrays here (drizzle's per-row mapping costs more than the read at 10^6 rows); PostgreSQL
   * sends it unnamed each time (a named statement would stay prepared on every pooled
   * connection) and drizzle maps the rows.
   */
  preparedRows<T>(
    query: PreparableSelect,
    keys: readonly (keyof T & string)[],
  ): (params: Record<string, unknown>) => Promise<T[]>
  /**
   * `text` compared by code point, as SQLite's default BINARY collation does; on PostgreSQL
   * `COLLATE "C"`, so a list ordered by a name does not follow the server's locale (en_US puts
   * 'a' before 'B', zh_CN orders Han by pinyin).
   */
  textOrder(text: SQL | object): SQL
  /**
   * Takes the lock named by `key` for this process until the function given back is called, or
   * answers null at once when another process holds it (a job another process is running). On
   * PostgreSQL a session advisory lock on a connection of its own, which the server drops with
   * the connection if the process dies; on SQLite always granted (one process serves a file).
   * The release never throws (a connection that cannot unlock is closed, ending the lock).
   */
  tryProcessLock(db: Db, key: readonly [number, number]): Promise<(() => Promise<void>) | null>
  /**
   * Inside withTransaction: waits while another transaction holds the lock named `name`, then
   * holds it until this transaction ends, so two requests for the same thing (a form sent twice
   * at once) run one after the other and the second sees what the first wrote. PostgreSQL:
   * `pg_advisory_xact_lock` on a 64-bit hash of the name (two names sharing a hash only wait for
   * each other); SQLite: nothing, since BEGIN IMMEDIATE lets one writer in at a time.
   */
  lockFor(db: Db, name: string): Promise<void>
}

/** A select builder before it runs (drizzle's SQLite and PostgreSQL builders both have these). */
type PreparableSelect = {
  prepare(): { values(params: Record<string, unknown>): unknown }
}

const keyed = <T>(keys: readonly (keyof T & string)[], values: unknown[]): T => {
  const row: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) row[keys[i] as string] = values[i]
  return row as T
}

const sqlite: Dialect = {
  engine: 'sqlite',
  tableUsingIndex: (table, indexName) => sql`${table} indexed by ${sql.identifier(indexName)}`,
  numberedValues: (values) => sql`(select key, value from json_each(${JSON.stringify(values)}))`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  rows: async <T>(db: Db, query: SQL) => db.all<T>(query),
  claiming: (query) => query,
  preparedRows: <T>(query: PreparableSelect, keys: readonly (keyof T & string)[]) => {
    const statement = query.prepare()
    return async (params: Record<string, unknown>) =>
      (statement.values(params) as unknown[][]).map((v) => keyed<T>(keys, v))
  },
  textOrder: (text) => sql`${text}`,
  tryProcessLock: async () => async () => {},
  lockFor: async () => {},
}

// PostgreSQL has no index hints (its planner chooses by statistics); json arrays unnest with
// their 1-based position, and `greatest` is standard there
const postgres: Dialect = {
  engine: 'postgres',
  tableUsingIndex: (table) => sql`${table}`,
  numberedValues: (values) =>
    sql`(select (ord - 1)::int as key, value::bigint as value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) with ordinality as v(value, ord))`,
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  rows: async <T>(db: Db, query: SQL) =>
    (await (db as unknown as PgExecutor).execute(query)).rows as T[],
  // the builder was made on pg-core tables (tables(db)), so it is drizzle's PgSelect at run time
  claiming: (query) =>
    (query as unknown as { for(s: 'update', o: { skipLocked: true }): unknown }).for('update', {
      skipLocked: true,
    }) as typeof query,
  preparedRows:
    <T>(query: PreparableSelect) =>
    async (params: Record<string, unknown>) =>
      (await (query as unknown as PgSelect).execute(params)) as T[],
  textOrder: (text) => sql`${text} collate "C"`,
  tryProcessLock: async (db, [space, id]) => {
    const client = await (db.$client as unknown as pg.Pool).connect()
    try {
      const { rows } = await client.query<{ got: boolean }>(
        'select pg_try_advisory_lock($1, $2) as got',
        [space, id],
      )
      if (!rows[0]?.got) {
        client.release()
        return null
      }
    } catch (err) {
      client.release(true)
      throw err
    }
    return async () => {
      try {
        await client.query('select pg_advisory_unlock($1, $2)', [space, id])
        client.release()
      } catch {
        // a connection that fails is closed instead, which ends its locks as well
        client.release(true)
      }
    }
  },
  lockFor: async (db, name) => {
    const key = createHash('sha256').update(name).digest().readBigInt64BE(0)
    await (db as unknown as PgExecutor).execute(
      sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`,
    )
  },
}
type PgSelect = { execute(params: Record<string, unknown>): Promise<unknown[]> }
type PgExecutor = { execute(query: SQL): Promise<{ rows: unknown[] }> }

/** The dialect of the engine behind `db`. */
export function dialectOf(db: Db): Dialect {
  return engineOf(db) === 'postgres' ? postgres : sqlite
}
