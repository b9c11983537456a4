import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { tables } from './engine.ts'
import { runPrepared } from './prepared.ts'
import { withTransaction } from './transaction.ts'

/** Departments named `name`, through one kept query per handle. */
function departmentsNamed(db: Db, name: string) {
  return runPrepared(
    db,
    'test_departments_named',
    () => {
      const { departments } = tables(db)
      return db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(eq(departments.name, sql.placeholder('name')))
        .orderBy(asc(departments.id))
    },
    { name },
  )
}

describe('runPrepared', () => {
  it("runs a kept query with each call's values, sees later writes, and runs inside a transaction", async () => {
    const db = await createTestDb()
    const { departments } = tables(db)
    await db.insert(departments).values([{ name: '办公室' }, { name: '规划处' }])

    expect((await departmentsNamed(db, '办公室')).map((d) => d.name)).toEqual(['办公室'])
    expect((await departmentsNamed(db, '规划处')).map((d) => d.name)).toEqual(['规划处'])
    expect(await departmentsNamed(db, '土地利用处')).toEqual([])

    // a transaction's own handle: its uncommitted row is seen inside, and nothing is left behind
    // on a rollback
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(tables(tx).departments).values({ name: '土地利用处' })
        expect((await departmentsNamed(tx, '土地利用处')).map((d) => d.name)).toEqual([
          '土地利用处',
        ])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await departmentsNamed(db, '土地利用处')).toEqual([])

    // the query kept on the first call reads rows written after it was made
    await db.insert(departments).values({ name: '土地利用处' })
    expect((await departmentsNamed(db, '土地利用处')).map((d) => d.name)).toEqual(['土地利用处'])
  })
})
