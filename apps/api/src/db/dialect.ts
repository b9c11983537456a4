/**
 * The SQL that differs between database engines, in one place. Repos write drizzle queries that
 * every engine understands and ask `dialectOf(db)` for the rest, so one repo serves each engine.
 * The engine is read from the handle (never a global): two databases of different engines can
 * live in one process (a copy from SQLite to PostgreSQL). Only the SQLite form exists so far.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'

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
  readonly engine: 'sqlite'
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
}

const sqlite: Dialect = {
  engine: 'sqlite',
  tableUsingIndex: (table, indexName) => sql`${table} indexed by ${sql.identifier(indexName)}`,
  numberedValues: (values) => sql`(select key, value from json_each(${JSON.stringify(values)}))`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  rows: async <T>(db: Db, query: SQL) => db.all<T>(query),
}

/** The dialect of the engine behind `db`. */
export function dialectOf(db: Db): Dialect {
  void db
  return sqlite
}
