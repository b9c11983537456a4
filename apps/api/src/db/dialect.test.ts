/**
 * The engine-specific SQL of db/dialect.ts gives the same answers on each engine (this file runs
 * in the `api` project on SQLite and in `api-pg` on PostgreSQL).
 */
import { asc, gt, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDb } from './client.ts'
import { dialectOf } from './dialect.ts'
import { tables } from './engine.ts'

const NAMES = ['b', '中', 'B', 'é', 'a', 'Z', '一']

async function withDepartments() {
  const db = await createTestDb()
  const { departments } = tables(db)
  const at = Date.parse('2024-09-27T01:30:00Z')
  await db.insert(departments).values(NAMES.map((name, i) => ({ name, createdAt: at + i })))
  return { db, departments, at }
}

describe('dialect', () => {
  it('orders text by code point whatever the server locale', async () => {
    const { db, departments } = await withDepartments()
    const rows = await db
      .select({ name: departments.name })
      .from(departments)
      .orderBy(dialectOf(db).textOrder(departments.name))
    expect(rows.map((r) => r.name)).toEqual(['B', 'Z', 'a', 'b', 'é', '一', '中'])
  })

  it('runs a prepared select again with new placeholder values, rows keyed by the selection', async () => {
    const { db, departments, at } = await withDepartments()
    type Row = { id: number; name: string; createdAt: number }
    const query = db
      .select({ id: departments.id, name: departments.name, createdAt: departments.createdAt })
      .from(departments)
      .where(gt(departments.id, sql.placeholder('after')))
      .orderBy(asc(departments.id))
      .limit(sql.placeholder('limit'))
    const read = dialectOf(db).preparedRows<Row>(query, ['id', 'name', 'createdAt'])
    const first = await read({ after: 0, limit: 2 })
    expect(first).toEqual([
      { id: first[0]?.id, name: 'b', createdAt: at },
      { id: (first[0]?.id ?? 0) + 1, name: '中', createdAt: at + 1 },
    ])
    const rest = await read({ after: first[1]?.id, limit: 10 })
    expect(rest.map((r) => r.name)).toEqual(['B', 'é', 'a', 'Z', '一'])
    expect(typeof rest[0]?.createdAt).toBe('number')
  })
})
