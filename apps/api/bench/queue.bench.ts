/**
 * Queue scenarios through the real service functions (queue.service.ts): the first page and
 * page 1000 (keyset cursor, 50 rows a page) of the pending queue by due date and of the whole
 * queue newest first, the per-channel counts of pending and of all, and text search (q) with a
 * 2- and a 4-character Chinese term. Page 1000 is reached by following the cursors from page 1;
 * when a queue has fewer pages, its last page is timed and the row says which page that is.
 */
import type { QueueQuery } from '@desk/domain'
import type { Db } from '../src/db/client.ts'
import type { Viewer } from '../src/modules/inquiries/inquiry-filter.repo.ts'
import { getQueueCounts, getQueuePage } from '../src/modules/inquiries/queue.service.ts'
import { timeRuns, type Percentiles } from './measure.ts'

export type Measured = { name: string; p: Percentiles; note?: string }

const RUNS = 40
const DEEP_PAGE = 1000

type Queue = { label: string; query: QueueQuery }

export const QUEUES: readonly Queue[] = [
  { label: 'pending, due_asc', query: { status: 'pending', sort: 'due_asc', limit: 50 } },
  { label: 'all, received_desc', query: { status: 'all', sort: 'received_desc', limit: 50 } },
]

/** Follows cursors up to page `n` (1-based); returns the cursor that opens the deepest page reached and its number. */
function cursorOfPage(db: Db, query: QueueQuery, viewer: Viewer, now: number, n: number) {
  let cursor: string | undefined
  let page = 1
  while (page < n) {
    const next = getQueuePage(db, { ...query, cursor }, viewer, now).nextCursor
    if (next === null) break
    cursor = next
    page += 1
  }
  return { cursor, page }
}

/** First page and page 1000 of each queue, p50/p95 ms over 40 runs each. */
export function benchQueuePages(db: Db, viewer: Viewer, now: number): Measured[] {
  const out: Measured[] = []
  for (const { label, query } of QUEUES) {
    out.push({ name: `queue page 1 (${label})`, p: timeRuns(() => getQueuePage(db, query, viewer, now), RUNS) })
    const deep = cursorOfPage(db, query, viewer, now, DEEP_PAGE)
    const q = { ...query, cursor: deep.cursor }
    const note = deep.page < DEEP_PAGE ? `only ${deep.page} pages: last page timed` : undefined
    out.push({ name: `queue page ${deep.page} (${label})`, p: timeRuns(() => getQueuePage(db, q, viewer, now), RUNS), ...(note ? { note } : {}) })
  }
  return out
}

/** Per-channel counts for status=pending and status=all, p50/p95 ms. */
export function benchCounts(db: Db, viewer: Viewer, now: number): Measured[] {
  return (['pending', 'all'] as const).map((status) => ({
    name: `counts (status=${status})`,
    p: timeRuns(() => getQueueCounts(db, { status }, viewer, now), status === 'all' ? 15 : RUNS),
  }))
}

/**
 * Text search: the first page of the whole queue newest first with `q`, and its counts.
 * Terms from the generator's templates: 渗水 (2 characters: instr() on subject and body, as
 * inquiry-filter.repo.ts does below 3) and 私搭乱建 (4 characters: the FTS5 trigram index).
 */
export function benchSearch(db: Db, viewer: Viewer, now: number): Measured[] {
  const out: Measured[] = []
  for (const q of ['渗水', '私搭乱建']) {
    const query: QueueQuery = { status: 'all', sort: 'received_desc', limit: 50, q }
    out.push({ name: `search page 1 q=${q} (all, received_desc)`, p: timeRuns(() => getQueuePage(db, query, viewer, now), 15, 1) })
    out.push({ name: `search counts q=${q} (status=all)`, p: timeRuns(() => getQueueCounts(db, { status: 'all', q }, viewer, now), 5, 1) })
  }
  return out
}
