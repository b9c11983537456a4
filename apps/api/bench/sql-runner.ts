/**
 * Raw SQL for the benchmark's set-based fill, on either engine: one connection (better-sqlite3's
 * own, or one pooled node-postgres client held for the whole fill, so session settings such as
 * `session_replication_role` stay in force), statements as strings, rows as objects.
 */
import type pg from 'pg'
import type { Db } from '../src/db/client.ts'
import { engineOf, type Engine } from '../src/db/engine.ts'

export type SqlRunner = {
  engine: Engine
  /** Runs one statement (or, on SQLite, several separated by semicolons). */
  run(statement: string): Promise<void>
  rows<T>(query: string): Promise<T[]>
  /** Gives the PostgreSQL client back to the pool (nothing on SQLite). */
  release(): void
}

/** A runner on `db`'s connection. */
export async function sqlRunner(db: Db): Promise<SqlRunner> {
  if (engineOf(db) === 'sqlite') {
    const client = db.$client
    return {
      engine: 'sqlite',
      run: async (s) => void client.exec(s),
      rows: async <T>(q: string) => client.prepare(q).all() as T[],
      release: () => {},
    }
  }
  const client = await (db.$client as unknown as pg.Pool).connect()
  return {
    engine: 'postgres',
    run: async (s) => void (await client.query(s)),
    rows: async <T>(q: string) => (await client.query(q)).rows as T[],
    release: () => client.release(),
  }
}

/** The column names of `table`, in their order. */
export async function columnsOf(r: SqlRunner, table: string): Promise<string[]> {
  const rows =
    r.engine === 'sqlite'
      ? await r.rows<{ name: string }>(`select name from pragma_table_info('${table}')`)
      : await r.rows<{ name: string }>(
          `select column_name as name from information_schema.columns
           where table_schema = current_schema() and table_name = '${table}' order by ordinal_position`,
        )
  return rows.map((c) => c.name)
}
