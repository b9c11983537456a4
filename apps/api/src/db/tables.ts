/**
 * Which engine a handle runs on, and the table objects of that engine (see engine.ts). Kept apart
 * from engine.ts, which opens databases, so that db/ modules the opening code itself uses (search
 * index, phone key) can ask without an import cycle.
 */
import { is } from 'drizzle-orm'
import { PgDatabase, PgTable, alias as pgAlias } from 'drizzle-orm/pg-core'
import { alias as sqliteAlias, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client.ts'
import type * as schema from './schema.ts'

export type Engine = 'sqlite' | 'postgres'

/** The table objects of schema.ts; on PostgreSQL their pg-core twins of schema.pg.ts. */
export type Tables = typeof schema

/** Which engine `db` (or a transaction handle) runs on. */
export function engineOf(db: Db): Engine {
  return is(db, PgDatabase) ? 'postgres' : 'sqlite'
}

/** The tables of the engine `db` runs on: the schema given to drizzle when it was opened. */
export function tables(db: Db): Tables {
  return db._.fullSchema as Tables
}

/** `alias(table, name)` of the table's own dialect (tables come from `tables(db)`). */
export function aliasTable<T extends SQLiteTable, A extends string>(table: T, name: A) {
  return is(table, PgTable)
    ? (pgAlias(table as unknown as PgTable, name) as unknown as ReturnType<
        typeof sqliteAlias<T, A>
      >)
    : sqliteAlias(table, name)
}
