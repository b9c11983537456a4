import { searchPhrase, type SearchPhrase } from '@desk/domain'
import { and, asc, eq } from 'drizzle-orm'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createTestDb, openDb, type Db } from './client.ts'
import { copyToPostgres } from './copy-to-postgres.ts'
import { tables } from './engine.ts'
import { hmacOfPhone, phoneHmac, phoneKeyOf } from './phone-key.ts'
import { runSearchBackfillPg } from './search-backfill.ts'
import { textMatch } from './search-index.ts'

const at = Date.parse('2024-09-27T09:30:00+08:00')

/** A small SQLite desk: a flag set to false, a duplicate that points to a LATER inquiry. */
async function sqliteDesk() {
  const db = openDb(':memory:')
  const t = tables(db)
  await db.insert(t.channels).values([
    { code: 'minxin', nameZh: '民心网', nameEn: 'Minxin', intake: 'api', isActive: false },
    { code: 'hotline_12345', nameZh: '12345', nameEn: '12345', intake: 'file' },
  ])
  await db.insert(t.users).values({
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    passwordHash: 'x',
  })
  const base = { subject: '噪音', body: '夜间施工', receivedAt: at, dueAt: at + 86_400_000 }
  await db.insert(t.inquiries).values([
    { ...base, channelCode: 'minxin', externalId: 'M1', createdAt: at, updatedAt: at },
    { ...base, channelCode: 'hotline_12345', externalId: 'H1', createdAt: at, updatedAt: at },
    {
      ...base,
      channelCode: 'minxin',
      externalId: 'M2',
      status: 'replied',
      repliedAt: at + 1,
      createdAt: at,
      updatedAt: at,
    },
  ])
  await db.update(t.inquiries).set({ duplicateOfId: 3 }).where(eq(t.inquiries.id, 1))
  await db.insert(t.auditLog).values({ at, action: 'login', actorId: 1 })
  return db
}

async function clientOf(db: Db) {
  return (db.$client as unknown as pg.Pool).connect()
}

describe('copyToPostgres (desk migrate-to)', () => {
  it('copies every row with its id, flags and forward links, and the counts match', async () => {
    const source = await sqliteDesk()
    const target = await createTestDb()
    const client = await clientOf(target)
    try {
      const report = await copyToPostgres(source, client)
      expect(report.inquiries).toBe(3)
      expect(report.tables.find((t) => t.name === 'audit_log')?.rows).toBe(1)
    } finally {
      client.release()
    }
    const t = tables(target)
    expect(
      await target
        .select({ id: t.inquiries.id, ext: t.inquiries.externalId, dup: t.inquiries.duplicateOfId })
        .from(t.inquiries)
        .orderBy(asc(t.inquiries.id)),
    ).toEqual([
      { id: 1, ext: 'M1', dup: 3 },
      { id: 2, ext: 'H1', dup: null },
      { id: 3, ext: 'M2', dup: null },
    ])
    expect(
      await target
        .select({ code: t.channels.code, on: t.channels.isActive })
        .from(t.channels)
        .orderBy(t.channels.code),
    ).toEqual([
      { code: 'hotline_12345', on: true },
      { code: 'minxin', on: false },
    ])
    expect(
      await target
        .select()
        .from(t.inquiryCounts)
        .orderBy(t.inquiryCounts.channelCode, t.inquiryCounts.status),
    ).toEqual([
      { channelCode: 'hotline_12345', status: 'new', n: 1 },
      { channelCode: 'minxin', status: 'new', n: 1 },
      { channelCode: 'minxin', status: 'replied', n: 1 },
    ])
    // the sequences continue after the copied ids
    const [next] = await target
      .insert(t.inquiries)
      .values({
        channelCode: 'minxin',
        externalId: 'M3',
        subject: 's',
        body: 'b',
        receivedAt: at,
        dueAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: t.inquiries.id })
    expect(next?.id).toBe(4)
    // the counters were built after the copy with their triggers off; the triggers are on again
    const [minxinNew] = await target
      .select({ n: t.inquiryCounts.n })
      .from(t.inquiryCounts)
      .where(and(eq(t.inquiryCounts.channelCode, 'minxin'), eq(t.inquiryCounts.status, 'new')))
    expect(minxinNew?.n).toBe(2)
    // the search index is PostgreSQL's own: the copy leaves its backfill pending
    const key = phoneKeyOf(target) as Buffer
    expect(await runSearchBackfillPg(target.$client as unknown as pg.Pool, key)).toBe(4)
    const found = await target
      .select({ ext: t.inquiries.externalId })
      .from(t.inquiries)
      .where(textMatch(target, searchPhrase('施工') as SearchPhrase))
      .orderBy(t.inquiries.externalId)
    expect(found.map((r) => r.ext)).toEqual(['H1', 'M1', 'M2'])
  })

  it('in bulk, copies the counters as rows with the triggers off, and they fire again after', async () => {
    const source = await sqliteDesk()
    const target = await createTestDb()
    const client = await clientOf(target)
    try {
      await copyToPostgres(source, client, () => {}, { bulk: true })
    } finally {
      client.release()
    }
    const t = tables(target)
    const counts = () =>
      target
        .select()
        .from(t.inquiryCounts)
        .where(eq(t.inquiryCounts.channelCode, 'minxin'))
        .orderBy(t.inquiryCounts.status)
    expect(await counts()).toEqual([
      { channelCode: 'minxin', status: 'new', n: 1 },
      { channelCode: 'minxin', status: 'replied', n: 1 },
    ])
    const [first] = await target
      .select({ dup: t.inquiries.duplicateOfId })
      .from(t.inquiries)
      .where(eq(t.inquiries.id, 1))
    expect(first?.dup).toBe(3)
    // the replica role was the copy's transaction's only: the next insert is counted by its trigger
    await target.insert(t.inquiries).values({
      channelCode: 'minxin',
      externalId: 'M3',
      subject: 's',
      body: 'b',
      receivedAt: at,
      dueAt: at,
      createdAt: at,
      updatedAt: at,
    })
    expect((await counts())[0]).toEqual({ channelCode: 'minxin', status: 'new', n: 2 })
  })

  it("writes each phone's HMAC under the target's key, so the backfill rewrites no inquiry", async () => {
    const phone = '13812345678'
    const withPhone = async () => {
      const source = await sqliteDesk()
      const t = tables(source)
      // SQLite's HMAC, under the source desk's own key, as its ingest writes it
      await source
        .update(t.inquiries)
        .set({ citizenPhone: phone, citizenPhoneHmac: phoneHmac(source, phone) })
        .where(eq(t.inquiries.id, 2))
      return source
    }
    const rows = async (target: Db) =>
      (
        await (target.$client as unknown as pg.Pool).query<{ hmac: string | null; xmin: string }>(
          'select citizen_phone_hmac as hmac, xmin::text from inquiries order by id',
        )
      ).rows
    const copied = async (withKey: boolean) => {
      const source = await withPhone()
      const target = await createTestDb()
      const client = await clientOf(target)
      try {
        const phoneKey = withKey ? (phoneKeyOf(target) as Buffer) : undefined
        await copyToPostgres(source, client, () => {}, { phoneKey })
      } finally {
        client.release()
      }
      return { source, target, key: phoneKeyOf(target) as Buffer }
    }

    const keyed = await copied(true)
    const right = hmacOfPhone(keyed.key, phone)
    expect(right).not.toBe(phoneHmac(keyed.source, phone))
    const before = await rows(keyed.target)
    expect(before.map((r) => r.hmac)).toEqual([null, right, null])
    await runSearchBackfillPg(keyed.target.$client as unknown as pg.Pool, keyed.key)
    // the same row versions: the backfill wrote the search index only
    expect(await rows(keyed.target)).toEqual(before)

    // without the key the source's HMAC is copied, and the backfill puts the target's in its place
    const plain = await copied(false)
    expect((await rows(plain.target))[1]?.hmac).toBe(phoneHmac(plain.source, phone))
    await runSearchBackfillPg(plain.target.$client as unknown as pg.Pool, plain.key)
    expect((await rows(plain.target)).map((r) => r.hmac)).toEqual([
      null,
      hmacOfPhone(plain.key, phone),
      null,
    ])
  })

  it('refuses a target that holds any row, and writes nothing', async () => {
    const source = await sqliteDesk()
    const target = await createTestDb()
    const t = tables(target)
    await target.insert(t.departments).values({ name: '办公室' })
    const client = await clientOf(target)
    try {
      await expect(copyToPostgres(source, client)).rejects.toThrow(
        'the target is not empty: table departments has rows',
      )
    } finally {
      client.release()
    }
    expect(await target.select().from(t.inquiries)).toEqual([])
  })
})
