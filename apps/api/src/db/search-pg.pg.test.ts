/**
 * The PostgreSQL search index itself (search-pg.ts): long texts past PostgreSQL's tsvector limits,
 * typed text that looks like tsquery syntax, the key on transactions, the backfill of existing
 * rows. The results of both engines on the same data: modules/inquiries/search-engines.pg.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { naiveSearchMatch, searchPhrase } from '@desk/domain'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDb, type Db } from './client.ts'
import { dialectOf } from './dialect.ts'
import { closeDatabase, tables } from './engine.ts'
import { hmacOfPhone, PHONE_KEY_FILE, phoneHmac, phoneKeyOf } from './phone-key.ts'
import { openPostgres } from './postgres.ts'
import { runSearchBackfillPg } from './search-backfill.ts'
import { textMatch, writeSearchIndexes } from './search-index.ts'
import { withTransaction } from './transaction.ts'
import type pg from 'pg'
import { pgAdmin, pgUrlFor, uniqueDbName } from '../test/pg-server.ts'

const T = Date.parse('2026-12-01T09:00:00+08:00')

async function addInquiry(
  db: Db,
  externalId: string,
  subject: string,
  body: string,
  phone?: string,
) {
  const { channels, inquiries } = tables(db)
  await db
    .insert(channels)
    .values({ code: 'minxin', nameZh: '民心网', nameEn: 'Minxin', intake: 'file' })
    .onConflictDoNothing()
  const [row] = await db
    .insert(inquiries)
    .values({
      channelCode: 'minxin',
      externalId,
      subject,
      body,
      citizenPhone: phone,
      citizenPhoneHmac: phoneHmac(db, phone),
      receivedAt: T,
      dueAt: T,
      createdAt: T,
      updatedAt: T,
    })
    .returning({ id: inquiries.id })
  return (row as { id: number }).id
}

/** External ids of the inquiries the search word `term` finds, through the index. */
async function find(db: Db, term: string): Promise<string[]> {
  const { inquiries } = tables(db)
  const phrase = searchPhrase(term)
  if (!phrase) return []
  const rows = await db
    .select({ externalId: inquiries.externalId })
    .from(inquiries)
    .where(textMatch(db, phrase))
  return rows.map((r) => r.externalId).sort()
}

describe('the PostgreSQL search index', () => {
  it('finds terms anywhere in a text past 16,383 tokens and after a bigram repeated 600 times', async () => {
    const db = await createTestDb()
    const body = `${'哈'.repeat(601)}，${'噪音扰民'.repeat(9_000)}造成楼顶渗水，哈哈大笑`
    await withTransaction(db, async (tx) => {
      const id = await addInquiry(tx, 'LONG', '关于噪音', body)
      await writeSearchIndexes(tx, [{ id, subject: '关于噪音', body }])
      const short = await addInquiry(tx, 'SHORT', '楼顶', '渗水')
      await writeSearchIndexes(tx, [{ id: short, subject: '楼顶', body: '渗水' }])
    })
    expect(await find(db, '造成楼顶渗水')).toEqual(['LONG'])
    expect(await find(db, '哈哈大笑')).toEqual(['LONG'])
    expect(await find(db, '渗水')).toEqual(['LONG', 'SHORT'])
    // subject and body do not run into each other
    expect(await find(db, '楼顶渗水')).toEqual(['LONG'])
    expect(await find(db, '扰民噪音扰')).toEqual(['LONG'])
    expect(await find(db, '哈，噪')).toEqual(['LONG'])
    expect(await find(db, '哈噪')).toEqual([])
    const parts = await dialectOf(db).rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from inquiry_search`,
    )
    expect(parts[0]?.n).toBeGreaterThan(3)
  })

  it('treats text that looks like tsquery syntax as plain words', async () => {
    const db = await createTestDb()
    const [subject, body] = ["a&b | c's", "路灯!(不亮):* \\'"]
    const id = await addInquiry(db, 'A', subject, body)
    await writeSearchIndexes(db, [{ id, subject, body }])
    for (const q of [
      'a&',
      '|',
      '!(:*',
      "'",
      '\\',
      "c's",
      '路灯!(不亮',
      '):*',
      "'a'<->'b'",
      "b'|c",
    ]) {
      const expected = naiveSearchMatch(subject, q) || naiveSearchMatch(body, q) ? ['A'] : []
      expect({ q, found: await find(db, q) }).toEqual({ q, found: searchPhrase(q) ? expected : [] })
    }
    expect(await find(db, '不亮:*')).toEqual(['A'])
    expect(await find(db, 'zz:*')).toEqual([])
  })

  it('leaves the index with a deleted inquiry', async () => {
    const db = await createTestDb()
    const id = await addInquiry(db, 'D', '积水', '')
    await writeSearchIndexes(db, [{ id, subject: '积水', body: '' }])
    await db.delete(tables(db).inquiries).where(eq(tables(db).inquiries.id, id))
    const left = await dialectOf(db).rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from inquiry_search`,
    )
    expect(left[0]?.n).toBe(0)
  })

  it('hashes phones with the pool key inside a transaction too', async () => {
    const db = await createTestDb()
    const outside = phoneHmac(db, '13812345678')
    expect(outside).toMatch(/^[0-9a-f]{64}$/)
    expect(await withTransaction(db, async (tx) => phoneHmac(tx, '+86 138-1234-5678'))).toBe(
      outside,
    )
  })

  it('backfills the tokens and phone HMACs of inquiries stored before the index, in batches', async () => {
    const db = await createTestDb()
    for (let i = 0; i < 7; i++)
      await addInquiry(db, `B${i}`, `停车难${i}`, '楼顶渗水', '13812345678')
    await addInquiry(db, 'B7', '路灯', '', undefined)
    await db.insert(tables(db).pendingBackfills).values({ name: 'inquiry_search' })
    const key = phoneKeyOf(db) as Buffer
    expect(await runSearchBackfillPg(db.$client as unknown as pg.Pool, key, 3)).toBe(8)
    expect(await find(db, '顶渗')).toEqual(['B0', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6'])
    expect(await find(db, '路')).toEqual(['B7'])
    const { inquiries, pendingBackfills } = tables(db)
    const hmacs = await db.select({ h: inquiries.citizenPhoneHmac }).from(inquiries)
    expect(hmacs.filter((r) => r.h === hmacOfPhone(key, '13812345678'))).toHaveLength(7)
    expect(hmacs.filter((r) => r.h === null)).toHaveLength(1)
    expect(await db.select().from(pendingBackfills)).toEqual([])
    // nothing pending: nothing done
    expect(await runSearchBackfillPg(db.$client as unknown as pg.Pool, key, 3)).toBe(0)
  })

  it('refuses to start with a key file other than the one the stored phones were hashed with', async () => {
    const name = uniqueDbName('desk_key')
    const [dirA, dirB] = [
      mkdtempSync(join(tmpdir(), 'desk-a-')),
      mkdtempSync(join(tmpdir(), 'desk-b-')),
    ]
    await pgAdmin(`create database ${name}`)
    try {
      const a = await openPostgres(pgUrlFor(name), { max: 1, dataDir: dirA })
      await addInquiry(a, 'K1', '路灯', '', '13812345678')
      await closeDatabase(a)
      await expect(openPostgres(pgUrlFor(name), { max: 1, dataDir: dirB })).rejects.toThrow(
        `The phone-search key ${join(dirB, PHONE_KEY_FILE)} is not the one this database's phone numbers were hashed with`,
      )
      const again = await openPostgres(pgUrlFor(name), { max: 1, dataDir: dirA })
      const [stored] = await again
        .select({ h: tables(again).inquiries.citizenPhoneHmac })
        .from(tables(again).inquiries)
      expect(stored?.h).toBe(phoneHmac(again, '+86 138 1234 5678'))
      await closeDatabase(again)
    } finally {
      await pgAdmin(`drop database if exists ${name} with (force)`)
      for (const dir of [dirA, dirB]) rmSync(dir, { recursive: true, force: true })
    }
  })
})
