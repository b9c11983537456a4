/**
 * The counters and day summaries after imports into two channels over many days, and the undo of
 * one of them, equal a recount of the inquiries. Both engines keep them by trigger (SQLite per
 * row; PostgreSQL per INSERT or DELETE statement, from its transition table), so this runs on
 * both (projects api and api-pg). The recount uses the derived tables' own formulas: the Asia/
 * Shanghai day of receipt and of the first reply, and "on time" against the first round's due.
 */
import { formatInstant } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import { sql, type SQL } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { OPEN_DUE_DAYS_SELECT } from '../../db/open-due-days.ts'
import { generateInquiries } from '../seed/generate-inquiries.ts'
import { setupDesk } from '../../test/setup.ts'
import { createUser } from '../users/users.service.ts'
import { importFile } from './imports.service.ts'
import { undoImportBatch } from './import-wizard.service.ts'

const HEADER = [
  '留言编号',
  '留言用户',
  '留言主题',
  '留言时间',
  '留言详情',
  '一级分类',
  '答复意见',
  '答复时间',
]

// after the last generated receipt: an import refuses receipt times in the future
const NOW = Date.parse('2024-07-01T09:00:00+08:00')

/** `n` messages of 2024's first half as CSV; every third answered 0 to 10 days after receipt. */
function file(n: number, seed: number, prefix: string): Uint8Array {
  const items = generateInquiries({
    seed,
    counts: { minxin: n },
    firstDate: '2024-01-01',
    lastDate: '2024-06-30',
    externalIdPrefix: prefix,
  })
  const at = (ms: number) => formatInstant(ms).slice(0, 19).replace('T', ' ')
  const rows = [...items].map((it, i) => [
    it.externalId,
    it.citizenName ?? '',
    it.subject,
    at(it.receivedAt),
    it.body,
    it.category,
    i % 3 === 0 ? it.replyText : '',
    i % 3 === 0 ? at(it.receivedAt + (i % 11) * 86_400_000) : '',
  ])
  return new TextEncoder().encode(stringify([HEADER, ...rows]))
}

async function importInto(db: Db, channelCode: string, bytes: Uint8Array) {
  const s = await importFile(db, { channelCode, file: { name: 'f.csv', bytes }, now: NOW })
  expect(s.status).toBe('written')
  return s
}

type Counted = Record<string, unknown>

/** Columns that hold numbers: PostgreSQL gives bigint results (counts, day arithmetic) as strings. */
const NUMERIC = new Set([
  'day',
  'reply_day',
  'due_day',
  'department_id',
  'assignee_id',
  'n',
  'pending',
  'on_time',
  'rated',
  'satisfied',
])

/** Rows of `query`, numbers as numbers, sorted. */
async function sorted(db: Db, query: SQL): Promise<Counted[]> {
  const rows = await dialectOf(db).rows<Counted>(db, query)
  return rows
    .map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, NUMERIC.has(k) ? Number(v) : v])),
    )
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
}

const DAY = sql.raw('(received_at + 28800000) / 86400000')

async function derived(db: Db) {
  return {
    counts: await sorted(db, sql`select channel_code, status, n from inquiry_counts where n <> 0`),
    dayChannel: await sorted(
      db,
      sql`select day, channel_code, reply_day, n, pending, on_time, rated, satisfied
          from inquiry_day_channel_counts where n <> 0`,
    ),
    dayWorkload: await sorted(
      db,
      sql`select day, category, department_id, assignee_id, status, n
          from inquiry_day_workload_stats where n <> 0`,
    ),
    openDue: await sorted(
      db,
      sql`select day, due_day, dimension, value, n from inquiry_open_due_days where n <> 0`,
    ),
  }
}

async function recount(db: Db) {
  return {
    counts: await sorted(
      db,
      sql`select channel_code, status, count(*) as n from inquiries group by 1, 2`,
    ),
    dayChannel: await sorted(
      db,
      sql`select ${DAY} as day, channel_code,
            coalesce((replied_at + 28800000) / 86400000, -1) as reply_day, count(*) as n,
            sum(case when status in ('new', 'assigned') then 1 else 0 end) as pending,
            sum(case when replied_at <= coalesce(first_due_at, due_at) then 1 else 0 end) as on_time,
            sum(case when coalesce(satisfaction, '') <> '' then 1 else 0 end) as rated,
            sum(case when satisfaction in ('satisfied', 'basically_satisfied') then 1 else 0 end) as satisfied
          from inquiries group by 1, 2, 3`,
    ),
    dayWorkload: await sorted(
      db,
      sql`select ${DAY} as day, coalesce(category, '') as category,
            coalesce(department_id, 0) as department_id, coalesce(assignee_id, 0) as assignee_id,
            status, count(*) as n
          from inquiries group by 1, 2, 3, 4, 5`,
    ),
    openDue: await sorted(db, sql.raw(OPEN_DUE_DAYS_SELECT)),
  }
}

describe('counters and day summaries after imports', () => {
  it('equal a recount after imports into two channels over many days and an undone import', async () => {
    const { db } = await setupDesk()
    const admin = await createUser(
      db,
      { username: 'admin1', displayName: 'Admin', role: 'admin', password: 'secret-pass' },
      NOW,
    )
    // 1,500 rows: two write chunks, so several INSERT statements per table
    await importInto(db, 'minxin', file(1_500, 1, 'M'))
    await importInto(db, 'hotline_12345', file(400, 2, 'H'))
    const undone = await importInto(db, 'minxin', file(300, 3, 'U'))
    await undoImportBatch(db, undone.batchId ?? 0, admin.id, NOW + 60_000)

    const kept = await derived(db)
    expect(kept).toEqual(await recount(db))
    const perChannel = new Map<unknown, number>()
    for (const r of kept.counts)
      perChannel.set(r.channel_code, (perChannel.get(r.channel_code) ?? 0) + (r.n as number))
    expect(Object.fromEntries(perChannel)).toEqual({ hotline_12345: 400, minxin: 1_500 })
    expect(kept.counts.map((r) => r.status)).toContain('replied')
    expect(new Set(kept.dayChannel.map((r) => r.day)).size).toBeGreaterThan(100)
    expect(kept.dayChannel.some((r) => (r.on_time as number) > 0)).toBe(true)
  }, 240_000)
})
