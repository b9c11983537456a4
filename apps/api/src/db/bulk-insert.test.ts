import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { BULK_ROWS, insertRows } from './bulk-insert.ts'
import { createTestDb } from './client.ts'
import { tables } from './engine.ts'
import { withTransaction } from './transaction.ts'

describe('insertRows', () => {
  it('writes every row in order through the prepared runs and the rest, values mapped and ids returned', async () => {
    const db = await createTestDb()
    const { departments } = tables(db)
    const n = BULK_ROWS * 2 + 3
    const rows = Array.from({ length: n }, (_, i) => ({
      name: `部门${i}`,
      isActive: i % 2 === 0,
      createdAt: 1_000 + i,
    }))
    const insert = (values: typeof rows, tx: typeof db) =>
      tx
        .insert(departments)
        .values(values)
        .returning({ id: departments.id, name: departments.name })
    const returned = await insertRows<{ id: number; name: string }, (typeof rows)[number]>(
      db,
      'test.departments',
      rows,
      insert,
    )
    // twice on the same handle: the second call reuses the prepared statement
    const again = await insertRows<{ id: number; name: string }, (typeof rows)[number]>(
      db,
      'test.departments',
      rows.map((r) => ({ ...r, name: `${r.name}b` })),
      insert,
    )
    expect(returned.map((r) => r.name)).toEqual(rows.map((r) => r.name))
    expect(again.at(-1)?.name).toBe(`部门${n - 1}b`)
    const stored = await db.select().from(departments).orderBy(asc(departments.id))
    expect(stored).toHaveLength(2 * n)
    expect(stored.slice(0, 3)).toEqual([
      { id: returned[0]?.id, name: '部门0', isActive: true, createdAt: 1_000 },
      { id: returned[1]?.id, name: '部门1', isActive: false, createdAt: 1_001 },
      { id: returned[2]?.id, name: '部门2', isActive: true, createdAt: 1_002 },
    ])
    // the rows after the prepared runs
    expect(stored.slice(n - 2, n)).toEqual([
      { id: returned[n - 2]?.id, name: `部门${n - 2}`, isActive: false, createdAt: 1_000 + n - 2 },
      { id: returned[n - 1]?.id, name: `部门${n - 1}`, isActive: true, createdAt: 1_000 + n - 1 },
    ])
    // in a transaction the statements go out back to back, unawaited: still in order
    const inTx = await withTransaction(db, (tx) =>
      insertRows<{ id: number; name: string }, (typeof rows)[number]>(
        tx,
        'test.departments',
        rows.map((r) => ({ ...r, name: `${r.name}c` })),
        (values, handle) =>
          handle
            .insert(departments)
            .values(values)
            .returning({ id: departments.id, name: departments.name }),
      ),
    )
    const third = (await db.select().from(departments).orderBy(asc(departments.id))).slice(2 * n)
    expect(third.map((r) => r.name)).toEqual(rows.map((r) => `${r.name}c`))
    expect(inTx.map((r) => r.id)).toEqual(third.map((r) => r.id))
  })

  it('leaves a column a row does not set to its default, also when other rows set it', async () => {
    const db = await createTestDb()
    const { departments } = tables(db)
    const rows = Array.from({ length: BULK_ROWS + 1 }, (_, i) =>
      i === 7 ? { name: `d${i}`, createdAt: i } : { name: `d${i}`, isActive: false, createdAt: i },
    )
    await insertRows(db, 'test.departments.defaults', rows, (values, tx) =>
      tx.insert(departments).values(values),
    )
    const stored = await db.select().from(departments).orderBy(asc(departments.createdAt))
    expect(stored.map((d) => d.isActive).filter(Boolean)).toHaveLength(1)
    expect(stored[7]).toMatchObject({ name: 'd7', isActive: true })
  })

  it('writes none of the rows when a later statement fails, also on a handle outside a transaction', async () => {
    const db = await createTestDb()
    const { departments } = tables(db)
    // a prepared run of BULK_ROWS rows, then a last statement whose name repeats the first (unique)
    const rows = Array.from({ length: BULK_ROWS + 1 }, (_, i) => ({
      name: i === BULK_ROWS ? 'd0' : `d${i}`,
      createdAt: i,
    }))
    await expect(
      insertRows(db, 'test.departments.atomic', rows, (values, tx) =>
        tx.insert(departments).values(values),
      ),
    ).rejects.toThrow()
    expect(await db.select().from(departments)).toEqual([])
  })
})
