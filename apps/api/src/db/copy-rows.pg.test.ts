/**
 * COPY FROM STDIN (copy-rows.ts) on PostgreSQL: text with every character COPY's text format
 * escapes comes back as it went in, ids are drawn in the rows' order, and a refused row writes
 * nothing, neither its COPY nor what the transaction wrote before it.
 */
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { copyField, copyRows } from './copy-rows.ts'
import { dialectOf } from './dialect.ts'
import { withTransaction } from './transaction.ts'

type Probe = { id: number; t: string | null; n: string | null }

let db: Db
const rows = async () =>
  await dialectOf(db).rows<Probe>(db, sql`select id, t, n::text as n from copy_probe order by id`)

beforeAll(async () => {
  db = await createTestDb()
  await dialectOf(db).rows(
    db,
    sql`create table copy_probe (id serial primary key, t text unique, n bigint)`,
  )
})

describe('copyRows', () => {
  it('writes texts with backslashes, tabs, newlines and nulls as they are, ids in row order', async () => {
    const texts = ['a\\b', 'tab\there', 'two\nlines\r\n', '\\N', '引号\'"', '']
    await withTransaction(db, (tx) =>
      copyRows(
        tx,
        'copy_probe',
        ['t', 'n'],
        [...texts.map((t, i) => [t, 1_751_277_600_000 + i]), [null, null]],
      ),
    )
    expect(await rows()).toEqual([
      ...texts.map((t, i) => ({ id: i + 1, t, n: String(1_751_277_600_000 + i) })),
      { id: 7, t: null, n: null },
    ])
  })

  it('writes nothing of the transaction when the server refuses a row', async () => {
    const before = await rows()
    const failed = withTransaction(db, async (tx) => {
      await dialectOf(tx).rows(tx, sql`insert into copy_probe (t) values ('written first')`)
      // 'a\b' is stored already: the unique key refuses the second row
      await copyRows(tx, 'copy_probe', ['t'], [['new'], ['a\\b']])
    })
    await expect(failed).rejects.toMatchObject({ code: '23505' })
    expect(await rows()).toEqual(before)
  })

  it('refuses a number COPY would misread', () => {
    expect(copyField(42)).toBe('42')
    expect(() => copyField(1.5)).toThrow('not a safe integer')
    expect(() => copyField(1e21)).toThrow('not a safe integer')
  })
})
