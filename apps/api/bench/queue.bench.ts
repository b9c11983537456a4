/**
 * Queue scenarios through the real service functions (queue.service.ts): the first page and
 * page 1000 (keyset cursor, 50 rows a page) of the pending queue by due date and of the whole
 * queue newest first, the per-channel counts of pending and of all, and text search (q) with
 * 2-, 3-, 4- and 6-character Chinese terms. Page 1000 is opened with the cursor page 999 would give;
 * when a queue has fewer pages, its last page is timed and the row says which page that is.
 */
import { statusesOf, type QueueQuery } from '@desk/domain'
import { sql } from 'drizzle-orm'
import type { Db } from '../src/db/client.ts'
import { dialectOf } from '../src/db/dialect.ts'
import type { Viewer } from '../src/lib/context.ts'
import { getQueueCounts, getQueuePage } from '../src/modules/inquiries/queue.service.ts'
import { encodeCursor } from '../src/modules/inquiries/queue-cursor.ts'
import { timeRunsAsync, type Percentiles } from './measure.ts'

export type Measured = { name: string; p: Percentiles; note?: string }

const RUNS = 40
const DEEP_PAGE = 1000

type Queue = { label: string; query: QueueQuery }

export const QUEUES: readonly Queue[] = [
  { label: 'pending, due_asc', query: { status: 'pending', sort: 'due_asc', limit: 50 } },
  { label: 'all, received_desc', query: { status: 'all', sort: 'received_desc', limit: 50 } },
]

/**
 * The cursor that opens page `n` (1-based) of `query`'s queue, as page n-1 would hand it out: the
 * sort key and id of row (n-1) × limit in the queue's order, read in one SQL step instead of
 * following n-1 pages (which costs n-1 page reads before anything is timed). When the queue has
 * fewer rows, the cursor of its last page and that page's number.
 */
async function cursorOfPage(
  db: Db,
  query: QueueQuery,
  n: number,
): Promise<{ cursor: string | undefined; page: number }> {
  const col = sql.raw(query.sort === 'due_asc' ? 'due_at' : 'received_at')
  const dir = sql.raw(query.sort === 'due_asc' ? 'asc' : 'desc')
  const where = sql`status in (${sql.join(
    [...statusesOf(query.status)].map((s) => sql`${s}`),
    sql`, `,
  )})`
  const { rows } = dialectOf(db)
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*) as n from inquiries where ${where}`,
  )
  const page = Math.max(1, Math.min(n, Math.ceil(Number(count?.n) / query.limit)))
  if (page === 1) return { cursor: undefined, page }
  const [row] = await rows<{ key: number; id: number }>(
    db,
    sql`select ${col} as key, id from inquiries where ${where} order by ${col} ${dir}, id ${dir} limit 1 offset ${(page - 1) * query.limit - 1}`,
  )
  if (!row) throw new Error(`no row opens page ${page}`)
  return {
    cursor: encodeCursor({ sort: query.sort, key: Number(row.key), id: Number(row.id) }),
    page,
  }
}

/** The first page of the pending queue by due date, as `viewer` sees it. */
export async function benchFirstPage(
  db: Db,
  viewer: Viewer,
  now: number,
  label: string,
): Promise<Measured> {
  const { query } = QUEUES[0] as Queue
  return {
    name: `queue page 1 (pending, due_asc) ${label}`,
    p: await timeRunsAsync(async () => await getQueuePage(db, query, viewer, now), RUNS),
  }
}

/** First page and page 1000 of each queue (manager's view), p50/p95 ms over 40 runs each. */
export async function benchQueuePages(db: Db, viewer: Viewer, now: number): Promise<Measured[]> {
  const out: Measured[] = []
  for (const { label, query } of QUEUES) {
    out.push({
      name: `queue page 1 (${label})`,
      p: await timeRunsAsync(async () => await getQueuePage(db, query, viewer, now), RUNS),
    })
    const deep = await cursorOfPage(db, query, DEEP_PAGE)
    const q = { ...query, cursor: deep.cursor }
    const note = deep.page < DEEP_PAGE ? `only ${deep.page} pages: last page timed` : undefined
    out.push({
      name: `queue page ${deep.page} (${label})`,
      p: await timeRunsAsync(async () => await getQueuePage(db, q, viewer, now), RUNS),
      ...(note ? { note } : {}),
    })
  }
  return out
}

/** Per-channel counts for status=pending and status=all, p50/p95 ms. */
export async function benchCounts(db: Db, viewer: Viewer, now: number): Promise<Measured[]> {
  const out: Measured[] = []
  for (const status of ['pending', 'all'] as const)
    out.push({
      name: `counts (status=${status})`,
      p: await timeRunsAsync(async () => await getQueueCounts(db, { status }, viewer, now), RUNS),
    })
  return out
}

/**
 * Search terms of 2, 3, 4 and 6 characters from different templates of the generator
 * (modules/seed/topics.ts, places.ts), so they match different rows in different numbers: 小区 is
 * frequent (in about 29% of the inquiries: a community name's tail and a word of many texts),
 * 容积率 about 3.4%, 日照分析报告 about 2.5%, and 紫荆家园 (one community) rare, about 0.2%.
 * Each is looked up in the search index (db/search-index.ts): a 2-character term as one bigram,
 * the longer ones as phrases of their bigrams.
 */
export const SEARCH_TERMS = ['小区', '容积率', '紫荆家园', '日照分析报告'] as const

/** Timed runs per search measure (BENCH_SEARCH_RUNS; fewer at 10,000,000, where a count of a frequent word takes seconds). */
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20)

/** Text search: the first page of the whole queue newest first with `q`, and its counts (capped at SEARCH_COUNT_CAP). */
export async function benchSearch(db: Db, viewer: Viewer, now: number): Promise<Measured[]> {
  const out: Measured[] = []
  for (const q of SEARCH_TERMS) {
    const query: QueueQuery = { status: 'all', sort: 'received_desc', limit: 50, q }
    out.push({
      name: `search page 1 q=${q} (all, received_desc)`,
      p: await timeRunsAsync(
        async () => await getQueuePage(db, query, viewer, now),
        SEARCH_RUNS,
        1,
      ),
    })
    const counted = await getQueueCounts(db, { status: 'all', q }, viewer, now)
    out.push({
      name: `search counts q=${q} (status=all)`,
      p: await timeRunsAsync(
        async () => await getQueueCounts(db, { status: 'all', q }, viewer, now),
        SEARCH_RUNS,
        1,
      ),
      // a frequent word is counted up to the cap only (inquiries.repo.ts SEARCH_COUNT_CAP)
      note: `${counted.total}${counted.capped ? '+ (capped)' : ''} matches`,
    })
  }
  return out
}
