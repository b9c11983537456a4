import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDb, openDb } from './client.ts'
import { dialectOf } from './dialect.ts'

// schema.test.ts compares the two schema files; this compares what each engine's migrations
// actually built, so a hand-edited migration that drifts from its schema file fails too.
// Search indexes are engine-specific by design (FTS5 tables on SQLite, a tsvector on PostgreSQL).
const ENGINE_SPECIFIC = /fts|search|tsv/i

type Column = { table: string; column: string; notNull: boolean }

function sqliteShape() {
  const db = openDb(':memory:').$client
  const tables = (
    db
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
      )
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((t) => !ENGINE_SPECIFIC.test(t))
  const columns: Column[] = tables.flatMap((table) =>
    (db.pragma(`table_info("${table}")`) as { name: string; notnull: number; pk: number }[]).map(
      (c) => ({ table, column: c.name, notNull: c.notnull === 1 || c.pk > 0 }),
    ),
  )
  const indexes = tables.flatMap((table) =>
    (db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[])
      .filter((i) => i.origin !== 'pk' && !ENGINE_SPECIFIC.test(i.name))
      .map((i) => `${table}.${i.name}${i.unique ? ' unique' : ''}`),
  )
  db.close()
  return { tables: tables.sort(), columns: sortColumns(columns), indexes: indexes.sort() }
}

async function postgresShape() {
  const db = await createTestDb()
  const rows = <T>(query: ReturnType<typeof sql>) => dialectOf(db).rows<T>(db, query)
  const tables = (
    await rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    )
  )
    .map((t) => t.name)
    .filter((t) => !ENGINE_SPECIFIC.test(t))
  const columns = (
    await rows<{ table: string; column: string; nullable: string }>(
      sql`select table_name as "table", column_name as "column", is_nullable as nullable from information_schema.columns where table_schema = current_schema()`,
    )
  )
    .filter((c) => tables.includes(c.table) && !ENGINE_SPECIFIC.test(c.column))
    .map((c) => ({ table: c.table, column: c.column, notNull: c.nullable === 'NO' }))
  const indexes = (
    await rows<{ table: string; name: string; def: string }>(
      sql`select i.tablename as "table", i.indexname as name, i.indexdef as def from pg_indexes i join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname) join pg_index x on x.indexrelid = c.oid where i.schemaname = current_schema() and not x.indisprimary`,
    )
  )
    .filter((i) => tables.includes(i.table) && !ENGINE_SPECIFIC.test(i.name))
    .map((i) => `${i.table}.${i.name}${i.def.startsWith('CREATE UNIQUE') ? ' unique' : ''}`)
  return { tables: tables.sort(), columns: sortColumns(columns), indexes: indexes.sort() }
}

const sortColumns = (columns: Column[]) =>
  columns.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`))

describe("each engine's migrations", () => {
  it('build the same tables, columns, nullability and indexes', async () => {
    const [sqlite, postgres] = [sqliteShape(), await postgresShape()]
    expect(postgres.tables).toEqual(sqlite.tables)
    expect(postgres.columns).toEqual(sqlite.columns)
    expect(postgres.indexes).toEqual(sqlite.indexes)
    expect(sqlite.tables.length).toBeGreaterThan(30)
  })
})
