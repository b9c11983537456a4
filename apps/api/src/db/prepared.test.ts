import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { aliasTable, tables } from './engine.ts'
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

describe('runPrepared rows', () => {
  it('gives the values drizzle gives: nulls of a left join, booleans of a boolean column, expressions decoded by mapWith', async () => {
    const db = await createTestDb()
    const { departments, users } = tables(db)
    const [office] = await db.insert(departments).values({ name: '办公室' }).returning()
    await db.insert(users).values([
      // one in a department, one inactive without one
      {
        username: 'li',
        displayName: '李四',
        role: 'responder',
        passwordHash: 'x',
        departmentId: office!.id,
      },
      {
        username: 'wang',
        displayName: '王五',
        role: 'manager',
        passwordHash: 'x',
        isActive: false,
        mustChangePassword: true,
      },
    ])
    const build = (from: unknown) => {
      const dept = aliasTable(departments, 'dept')
      return db
        .select({
          id: users.id,
          name: users.displayName,
          isActive: users.isActive,
          mustChangePassword: users.mustChangePassword,
          departmentName: dept.name,
          colleagues:
            sql<number>`(select count(*) from ${users} u2 where u2.department_id = ${users.departmentId})`.mapWith(
              Number,
            ),
          inDepartment: sql<boolean>`${users.departmentId} is not null`.mapWith(Boolean),
          label: sql<string>`${users.username} || '!'`.as('label'),
        })
        .from(users)
        .leftJoin(dept, eq(dept.id, users.departmentId))
        .where(sql`${users.id} >= ${from}`)
        .orderBy(asc(users.id))
    }
    const rows = await runPrepared(db, 'test_user_rows', () => build(sql.placeholder('from')), {
      from: 0,
    })
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        name: '李四',
        isActive: true,
        mustChangePassword: false,
        departmentName: '办公室',
        colleagues: 1,
        inDepartment: true,
        label: 'li!',
      },
      {
        id: expect.any(Number),
        name: '王五',
        isActive: false,
        mustChangePassword: true,
        departmentName: null,
        colleagues: 0,
        inDepartment: false,
        label: 'wang!',
      },
    ])
    // exactly what the awaited select gives, key order included
    const awaited = await build(0)
    expect(JSON.stringify(rows)).toBe(JSON.stringify(awaited))
  })
})
