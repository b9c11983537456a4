/**
 * The import's set-based write on both engines: the same file imported into SQLite and
 * PostgreSQL must leave the same rows, column for column (ids included), in every table the
 * import writes or its triggers keep (inquiries, events, replies, the batch, the per-channel
 * counters and both day summaries), and give the same summary. The file spans several write
 * chunks, with duplicates inside the file, across chunks and of inquiries stored before.
 */
import { DEFAULT_CHANNELS, formatInstant } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client.ts'
import { engineOf, tables } from '../../db/engine.ts'
import { phoneKeyOf, setPhoneKey } from '../../db/phone-key.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { generateInquiries } from '../seed/generate-inquiries.ts'
import { setupDesk, T0 } from '../../test/setup.ts'
import { importFile } from './imports.service.ts'

const HEADER = [
  '留言编号',
  '留言用户',
  '电话',
  '留言主题',
  '留言时间',
  '留言详情',
  '一级分类',
  '答复意见',
  '答复时间',
]

/** `n` generated messages as file rows; every third has a reply, every fifth a phone number. */
function messages(n: number): string[][] {
  const items = generateInquiries({
    seed: 16,
    counts: { minxin: n },
    firstDate: '2024-01-01',
    lastDate: '2024-12-31',
    externalIdPrefix: 'M',
  })
  const at = (ms: number) => formatInstant(ms).slice(0, 19).replace('T', ' ')
  return [...items].map((it, i) => [
    it.externalId,
    it.citizenName ?? '',
    i % 5 === 0 ? `138${String(10_000_000 + i).slice(-8)}` : '',
    it.subject,
    at(it.receivedAt),
    it.body,
    it.category,
    i % 3 === 0 ? it.replyText : '',
    i % 3 === 0 ? at(it.receivedAt + (i % 11) * 86_400_000) : '',
  ])
}

// after the last generated receipt: an import refuses receipt times in the future
const NOW = Date.parse('2025-01-06T09:00:00+08:00')

const csv = (rows: string[][]) => new TextEncoder().encode(stringify([HEADER, ...rows]))

async function importInto(db: Db, bytes: Uint8Array, now: number) {
  return await importFile(db, {
    channelCode: 'minxin',
    file: { name: 'minxin.csv', bytes },
    map: ['电话=citizenPhone'],
    now,
  })
}

/** Every row of the tables an import touches, each row's keys sorted, rows sorted. */
async function contents(db: Db) {
  const t = tables(db)
  const all = async (table: unknown) =>
    ((await db.select().from(table as typeof t.inquiries)) as object[])
      .map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))))
      .sort()
  return {
    inquiries: await all(t.inquiries),
    events: await all(t.inquiryEvents),
    replies: await all(t.replies),
    batches: await all(t.importBatches),
    counts: await all(t.inquiryCounts),
    dayChannel: await all(t.inquiryDayChannelCounts),
    dayWorkload: await all(t.inquiryDayWorkloadStats),
    openDue: await all(t.inquiryOpenDueDays),
  }
}

describe('an import on SQLite and PostgreSQL', () => {
  it('leaves the same rows, counters and day summaries and reports the same', async () => {
    const postgres = (await setupDesk()).db
    const sqlite = openDb(':memory:')
    await ensureChannels(sqlite, DEFAULT_CHANNELS, T0)
    // one phone-search key, so the phones' HMACs can be compared too
    setPhoneKey(sqlite, phoneKeyOf(postgres) as Buffer)
    expect([engineOf(sqlite), engineOf(postgres)]).toEqual(['sqlite', 'postgres'])

    const rows = messages(2_298)
    // the first 40 stored before, the 12th with another subject (listed: the desk keeps its
    // own); then 2,299 rows in three write chunks: the 2,298 and the 1,500th again at the end;
    // the 6th and that repeat with their ids in lower case, still the same ids (externalIdKey)
    const changed = rows.map((r, i) =>
      i === 11 ? r.map((c, j) => (j === 3 ? '另一个主题' : c)) : r,
    )
    const lowerId = (r: string[] = []) => r.map((c, j) => (j === 0 ? c.toLowerCase() : c))
    const first = csv(changed.slice(0, 40))
    const second = csv([...rows.map((r, i) => (i === 5 ? lowerId(r) : r)), lowerId(rows[1_499])])
    const results = []
    for (const db of [sqlite, postgres]) {
      const a = await importInto(db, first, NOW)
      const b = await importInto(db, second, NOW + 60_000)
      results.push({ a, b, rows: await contents(db) })
    }
    const [onSqlite, onPostgres] = results
    expect(onSqlite?.a).toMatchObject({ status: 'written', created: 40 })
    expect(onSqlite?.b).toMatchObject({ status: 'written', created: 2_258, duplicates: 41 })
    expect(onSqlite?.b.errors.map((e) => e.row)).toEqual([12 + 1])
    expect(onSqlite?.rows.inquiries).toHaveLength(2_298)
    expect(onSqlite?.rows.replies).toHaveLength(766)
    expect(onPostgres).toEqual(onSqlite)
  }, 240_000)
})
