/**
 * A service's transaction is atomic on the engine under test even when it fails after awaits:
 * nothing it wrote before the failure stays. (drizzle's better-sqlite3 `db.transaction` did not
 * await async callbacks, so statements after the first `await` used to escape it.)
 */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { BULK_ROWS } from '../../db/bulk-insert.ts'
import { createTestDb, type Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { withTransaction } from '../../db/transaction.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { ingestInquiries } from './ingest.service.ts'

const T0 = Date.parse('2024-09-27T09:30:00+08:00')
const ctx = { actorId: null, now: T0, eventType: 'received' as const }
const item = (externalId: string, channelCode = 'hotline_12345') => ({
  channelCode,
  externalId,
  subject: '路灯不亮',
  body: '小区门口的路灯坏了一周。',
  receivedAt: T0,
})

async function desk() {
  const db = await createTestDb()
  await ensureChannels(db, DEFAULT_CHANNELS, T0)
  return db
}
const rows = async (db: Db) => {
  const { inquiries, inquiryEvents } = tables(db)
  return {
    inquiries: (await db.select({ n: count() }).from(inquiries))[0]?.n,
    events: (await db.select({ n: count() }).from(inquiryEvents))[0]?.n,
  }
}

describe('a service transaction that fails half-way', () => {
  it('an ingest whose third item breaks a constraint writes none of them', async () => {
    const db = await desk()
    await expect(
      ingestInquiries(db, [item('A1'), item('A2'), item('A3', 'no_such_channel')], ctx),
    ).rejects.toThrow()
    expect(await rows(db)).toEqual({ inquiries: 0, events: 0 })
    // the desk goes on: the next ingest is written
    await ingestInquiries(db, [item('A4')], ctx)
    expect(await rows(db)).toEqual({ inquiries: 1, events: 1 })
  })

  it('a large ingest whose first insert fails while the later ones are queued writes none of them and reports the broken key', async () => {
    const db = await desk()
    // three prepared runs and a rest: the second row's unknown channel fails the first run
    const items = Array.from({ length: BULK_ROWS * 3 + 7 }, (_, i) =>
      item(`B${i}`, i === 1 ? 'no_such_channel' : 'hotline_12345'),
    )
    const err: unknown = await ingestInquiries(db, items, ctx).catch((e: unknown) => e)
    const cause = (err as { cause?: Error }).cause ?? (err as Error)
    expect(cause.message).toMatch(/foreign key/i)
    expect(await rows(db)).toEqual({ inquiries: 0, events: 0 })
    await ingestInquiries(db, [item('A4')], ctx)
    expect(await rows(db)).toEqual({ inquiries: 1, events: 1 })
  })

  it('a service called inside a transaction joins it, and is undone with it', async () => {
    const db = await desk()
    await expect(
      withTransaction(db, async (tx) => {
        await ingestInquiries(tx, [item('B1'), item('B2')], ctx)
        await new Promise((resolve) => setTimeout(resolve, 1))
        throw new Error('half-way')
      }),
    ).rejects.toThrow('half-way')
    expect(await rows(db)).toEqual({ inquiries: 0, events: 0 })
  })
})
