import { SQL, is } from 'drizzle-orm'
import { PgDialect, PgTable, getTableConfig as pgConfig, type PgColumn } from 'drizzle-orm/pg-core'
import {
  SQLiteSyncDialect,
  SQLiteTable,
  getTableConfig as sqliteConfig,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as pgSchema from './schema.pg.ts'
import * as sqliteSchema from './schema.ts'

// Both engines' schemas described in one neutral shape; any difference fails. Storage types
// map: SQLite integer = PostgreSQL integer, serial (an auto-increment key) or bigint (instants in
// ms); SQLite's boolean mode = boolean; text = text.
const kindOf: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteBoolean: 'boolean',
  SQLiteText: 'text',
  PgInteger: 'integer',
  PgSerial: 'integer',
  PgBigInt53: 'integer',
  PgBoolean: 'boolean',
  PgText: 'text',
}

type AnyColumn = SQLiteColumn | PgColumn
const sqliteSql = new SQLiteSyncDialect()
const pgSql = new PgDialect()

function describeColumn(c: AnyColumn) {
  const config = (c as unknown as { config: { autoIncrement?: boolean } }).config
  return {
    kind: kindOf[c.columnType] ?? `unmapped ${c.columnType}`,
    notNull: c.notNull,
    primary: c.primary,
    unique: c.isUnique,
    enum: c.enumValues ?? null,
    autoIncrement: c.columnType === 'PgSerial' || config.autoIncrement === true,
    // SQL defaults (the current instant) differ in spelling by engine: only their presence counts
    default: is(c.default, SQL) ? 'sql' : c.default,
  }
}

function describeTable(table: SQLiteTable | PgTable) {
  const isPg = is(table, PgTable)
  const config = isPg ? pgConfig(table) : sqliteConfig(table as SQLiteTable)
  const render = (where: SQL | undefined) =>
    where === undefined ? null : (isPg ? pgSql : sqliteSql).sqlToQuery(where).sql
  return {
    name: config.name,
    columns: Object.fromEntries(
      (config.columns as AnyColumn[]).map((c) => [c.name, describeColumn(c)]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference()
        return {
          columns: ref.columns.map((c) => c.name),
          table: (isPg
            ? pgConfig(ref.foreignTable as PgTable)
            : sqliteConfig(ref.foreignTable as SQLiteTable)
          ).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        }
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        // an expression (the folded external id) as its SQL; PostgreSQL's says `collate "C"`
        // where SQLite's lower() folds ASCII only by itself (db/external-key.ts)
        columns: i.config.columns.map((c) =>
          is(c, SQL) ? render(c)?.replace(' collate "C"', '') : (c as AnyColumn).name,
        ),
        where: render(i.config.where),
      }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    unique: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
  }
}

const tablesOf = (schema: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(schema)
      .filter(([, v]) => is(v, SQLiteTable) || is(v, PgTable))
      .map(([name, table]) => [name, describeTable(table as SQLiteTable | PgTable)]),
  )

describe('schema.ts (SQLite) and schema.pg.ts (PostgreSQL)', () => {
  const sqlite = tablesOf(sqliteSchema)
  const pg = tablesOf(pgSchema)

  it('export the same tables under the same names', () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort())
    expect(Object.keys(sqlite).length).toBeGreaterThan(30)
  })

  it.each(Object.keys(sqlite))('%s: same columns, keys and indexes', (name) => {
    expect(pg[name]).toEqual(sqlite[name])
  })

  it('store every instant (…At, at, windowStart, lockedUntil) as bigint milliseconds on PostgreSQL', () => {
    const narrow = (Object.values(pgSchema) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .flatMap((t) =>
        pgConfig(t)
          .columns.filter((c) => /(At|^at|windowStart|lockedUntil)$/.test(c.name))
          .filter((c) => c.columnType !== 'PgBigInt53')
          .map((c) => `${pgConfig(t).name}.${c.name}`),
      )
    expect(narrow).toEqual([])
  })
})
