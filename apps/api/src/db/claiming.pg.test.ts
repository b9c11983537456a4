import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { dialectOf } from './dialect.ts'
import { closeDatabase, tables } from './engine.ts'
import { openPostgres } from './postgres.ts'
import { withTransaction } from './transaction.ts'

const at = Date.parse('2024-09-27T09:30:00+08:00')

async function fourDueMessages(db: Db) {
  const t = tables(db)
  await db
    .insert(t.channels)
    .values({ code: 'minxin', nameZh: '民心网', nameEn: 'Minxin', intake: 'api' })
  const [inquiry] = await db
    .insert(t.inquiries)
    .values({
      channelCode: 'minxin',
      externalId: 'M1',
      subject: 's',
      body: 'b',
      receivedAt: at,
      dueAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  const [reply] = await db
    .insert(t.replies)
    .values({ inquiryId: inquiry!.id, body: '答复', origin: 'desk', createdAt: at })
    .returning()
  await db.insert(t.outboxMessages).values(
    [1, 2, 3, 4].map((n) => ({
      inquiryId: inquiry!.id,
      replyId: reply!.id,
      channelCode: 'minxin',
      idempotencyKey: `k${n}`,
      payload: '{}',
      nextAttemptAt: at,
      createdAt: at,
    })),
  )
}

/** One process's claim: two due messages, held while "sending", then marked delivered. */
async function claimTwo(db: Db, sending: Promise<void>) {
  return withTransaction(db, async (tx) => {
    const { outboxMessages: o } = tables(tx)
    const rows = await dialectOf(tx).claiming(
      tx
        .select({ id: o.id })
        .from(o)
        .where(and(eq(o.status, 'pending'), lte(o.nextAttemptAt, at)))
        .orderBy(asc(o.id))
        .limit(2),
    )
    await sending
    const ids = rows.map((r) => r.id)
    if (ids.length > 0) await tx.update(o).set({ status: 'delivered' }).where(inArray(o.id, ids))
    return ids
  })
}

describe('claiming rows with FOR UPDATE SKIP LOCKED', () => {
  it('gives two processes (two pools) different due messages, neither waiting for the other', async () => {
    const a = await createTestDb()
    await fourDueMessages(a)
    const url = (a.$client as unknown as pg.Pool).options.connectionString as string
    const b = await openPostgres(url, { max: 1 })
    try {
      let release!: () => void
      const sending = new Promise<void>((resolve) => (release = resolve))
      const first = claimTwo(a, sending)
      // the second claims while the first still holds its rows (without SKIP LOCKED it would
      // wait for the first to commit, and this test would never release it)
      await new Promise((r) => setTimeout(r, 200))
      const second = await claimTwo(b, Promise.resolve())
      release()
      const firstIds = await first
      expect(firstIds).toHaveLength(2)
      expect(second).toHaveLength(2)
      expect([...firstIds, ...second].sort()).toEqual([1, 2, 3, 4])
    } finally {
      await closeDatabase(b)
    }
  })
})
