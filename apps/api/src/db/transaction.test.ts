import { describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { withTransaction } from './transaction.ts'

const names = (db: Db) =>
  db.$client.prepare('select name from departments order by id').pluck().all() as string[]
const insert = (db: Db, name: string) =>
  db.$client
    .prepare('insert into departments (name, is_active, created_at) values (?, 1, 0)')
    .run(name)

describe('withTransaction', () => {
  it('leaves nothing written when the change fails half-way, after an await', async () => {
    const db = await createTestDb()
    await expect(
      withTransaction(db, async (tx) => {
        insert(tx, '规划处')
        await Promise.resolve()
        insert(tx, '土地利用处')
        throw new Error('half-way')
      }),
    ).rejects.toThrow('half-way')
    expect(names(db)).toEqual([])
    expect(db.$client.inTransaction).toBe(false)
  })

  it('runs two concurrent changes one after the other, never interleaved', async () => {
    const db = await createTestDb()
    const log: string[] = []
    let openGate!: () => void
    const gate = new Promise<void>((resolve) => (openGate = resolve))
    const first = withTransaction(db, async (tx) => {
      log.push('first begins')
      insert(tx, '规划处')
      await gate // the second change is started while this one waits
      insert(tx, '办公室')
      log.push('first ends')
    })
    const second = withTransaction(db, (tx) => {
      log.push(`second sees ${names(tx).join(',')}`)
      insert(tx, '执法监察支队')
    })
    await Promise.resolve()
    log.push('gate opens')
    openGate()
    await Promise.all([first, second])
    expect(log).toEqual(['first begins', 'gate opens', 'first ends', 'second sees 规划处,办公室'])
    expect(names(db)).toEqual(['规划处', '办公室', '执法监察支队'])
  })

  it('lets the next change in after one that failed', async () => {
    const db = await createTestDb()
    const failed = withTransaction(db, () => {
      insert(db, '规划处')
      throw new Error('no')
    })
    const next = withTransaction(db, (tx) => insert(tx, '办公室'))
    await expect(failed).rejects.toThrow('no')
    await next
    expect(names(db)).toEqual(['办公室'])
  })
})
