/** Inquiries, their events and replies in SQL. Only this file (and tests) write these tables. */
import {
  PENDING_STATUSES,
  searchPhrases,
  statusesOf,
  type InquiryFilter,
  type MessageFields,
  type QueueSort,
} from '@desk/domain'
import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { aliasTable, engineOf, tables } from '../../db/engine.ts'
import { isExternalId } from '../../db/external-key.ts'
import { fewestMatches, type TextMode } from '../../db/search-index.ts'
import {
  filterPredicate,
  filterWithoutChannel,
  hasUnpostedReply,
  indexDrivenFilter,
  preparedFilterPredicate,
  isStatusOnly,
  statusIn,
  textPredicate,
  viewerScope,
  viewerScopeParams,
  viewerScopeShape,
} from '../../db/inquiry-filter.ts'
import type { Viewer } from '../../lib/context.ts'
import type { QueueCursor } from './queue-cursor.ts'
import { returnedRow } from '../../db/rows.ts'
import { messageFieldColumns } from '../../db/message-columns.ts'
import { changedRows, dialectOf } from '../../db/dialect.ts'
import { runPrepared, runWithParams } from '../../db/prepared.ts'

export type InquiryRow = typeof schema.inquiries.$inferSelect
export type InquiryInsert = typeof schema.inquiries.$inferInsert

/** A queue row's columns; `assignee` is the users alias the query joins on the row's assignee. */
function listColumns(db: Db, assignee: ReturnType<typeof assigneeOf>) {
  const { attachments, departments, inquiries } = tables(db)
  return {
    id: inquiries.id,
    channelCode: inquiries.channelCode,
    externalId: inquiries.externalId,
    subject: inquiries.subject,
    citizenName: inquiries.citizenName,
    category: inquiries.category,
    status: inquiries.status,
    receivedAt: inquiries.receivedAt,
    dueAt: inquiries.dueAt,
    pausedAt: inquiries.pausedAt,
    repliedAt: inquiries.repliedAt,
    version: inquiries.version,
    assigneeId: inquiries.assigneeId,
    assigneeName: assignee.displayName,
    departmentId: inquiries.departmentId,
    departmentName: departments.name,
    duplicateOfId: inquiries.duplicateOfId,
    kind: inquiries.kind,
    satisfaction: inquiries.satisfaction,
    round: inquiries.round,
    roundStartedAt: inquiries.roundStartedAt,
    firstDueAt: inquiries.firstDueAt,
    urgedAt: inquiries.urgedAt,
    // the queue's paper clip: a seek on attachments_inquiry_idx per listed row
    attachmentCount:
      sql<number>`(select count(*) from ${attachments} where ${attachments.inquiryId} = ${inquiries.id})`.mapWith(
        Number,
      ),
    hasUnpostedReply: sql<boolean>`${hasUnpostedReply(db)}`.mapWith(Boolean),
  }
}

/** The users table as the joined row's assignee. */
function assigneeOf(db: Db) {
  return aliasTable(tables(db).users, 'assignee')
}

function sortColumn(db: Db, sort: QueueSort) {
  const { inquiries } = tables(db)
  return sort === 'due_asc' ? inquiries.dueAt : inquiries.receivedAt
}

/** After the cursor in the sort's order; its values are the placeholders `cursorKey`, `cursorId`. */
function keysetCondition(db: Db, cursor: QueueCursor | undefined): SQL | undefined {
  if (!cursor) return undefined
  const { inquiries } = tables(db)
  const col = sortColumn(db, cursor.sort)
  const after = sql`(${sql.placeholder('cursorKey')}, ${sql.placeholder('cursorId')})`
  return cursor.sort === 'received_desc'
    ? sql`(${col}, ${inquiries.id}) < ${after}`
    : sql`(${col}, ${inquiries.id}) > ${after}`
}

/** What listInquiries is asked for. */
type PageRequest = {
  filter: InquiryFilter
  viewer: Viewer
  sort: QueueSort
  cursor?: QueueCursor | undefined
  limit: number
  /** rows a text search walks before it asks the index (walkedPageIds; tests make it small) */
  walkRows?: number
  /** matches under which a text search asks the index without a walk (SEARCH_LOOKUP_BELOW; tests set it) */
  lookupBelow?: number
  /** matches from which a text search walks with probes first (SEARCH_PROBE_WALK_FROM; tests set it) */
  probeWalkFrom?: number
  /** rows SQLite's second walk reads (SEARCH_SET_WALK_ROWS; tests make it small) */
  setWalkRows?: number
}

/**
 * One page of the queue: `limit + 1` rows are read so the caller knows whether more follow. Each row
 * carries its assignee's display name and department's name (joined on the page's ids only),
 * `pausedAt` (UTC ms, null unless the deadline clock is paused) and `hasUnpostedReply` (a desk reply
 * not yet on the channel's platform: db/inquiry-filter.ts `hasUnpostedReply`). The queue's tabs
 * as they open (status and channel alone) run prepared queries, one per shape.
 */
export async function listInquiries(db: Db, q: PageRequest) {
  const params = { limit: q.limit + 1, cursorKey: q.cursor?.key, cursorId: q.cursor?.id }
  const prepared = preparedFilterPredicate(db, q.filter, q.viewer)
  if (prepared) {
    return await runPrepared(
      db,
      `queue_page_${prepared.name}_${q.sort}_${q.cursor ? 'after' : 'first'}`,
      () => pageQuery(db, q, prepared.where),
      { ...params, ...prepared.params },
    )
  }
  const walked = q.filter.q ? await walkedPageIds(db, q, params) : undefined
  return await runWithParams(
    db,
    pageQuery(db, q, filterPredicate(db, q.filter, q.viewer), walked),
    params,
  )
}

/**
 * Where the page's ids are read from. SQLite's planner prefers a status index plus a sort of every
 * pending row (80 ms at 200k rows) to the pending-only index that is already in due order
 * (0.3 ms): name it for that view.
 */
function pageSource(db: Db, q: { filter: InquiryFilter; sort: QueueSort }) {
  const { inquiries } = tables(db)
  return readsPendingDue(q)
    ? dialectOf(db).tableUsingIndex(inquiries, 'inquiries_pending_due_idx')
    : inquiries
}

/** True for the view whose page is read from the pending-only index in due order (pageSource). */
function readsPendingDue(q: { filter: InquiryFilter; sort: QueueSort }): boolean {
  return q.sort === 'due_asc' && q.filter.status === 'pending'
}

/**
 * The page's select, filtered by `where` (or the page's ids when a text search's walk found them),
 * its limit and cursor as placeholders (`limit`, keysetCondition).
 */
function pageQuery(
  db: Db,
  q: { filter: InquiryFilter; sort: QueueSort; cursor?: QueueCursor | undefined },
  where: SQL | undefined,
  ids?: number[],
) {
  const { departments, inquiries } = tables(db)
  const col = sortColumn(db, q.sort)
  const assignee = assigneeOf(db)
  const order =
    q.sort === 'received_desc' ? [desc(col), desc(inquiries.id)] : [asc(col), asc(inquiries.id)]
  // The page's ids first, from the sort's index alone; only those rows are then joined. In one
  // query SQLite joined and sorted every matching row before the limit (160 ms at 200k rows).
  const pageIds =
    ids ??
    db
      .select({ id: sql<number>`${sql.raw('"inquiries"."id"')}` })
      .from(pageSource(db, q))
      .where(and(where, keysetCondition(db, q.cursor)))
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
  return db
    .select(listColumns(db, assignee))
    .from(inquiries)
    .leftJoin(assignee, eq(assignee.id, inquiries.assigneeId))
    .leftJoin(departments, eq(departments.id, inquiries.departmentId))
    .where(inArray(inquiries.id, pageIds))
    .orderBy(...order)
}

/**
 * Rows of the queue's order a text search walks before it asks the index instead (walkedPageIds),
 * per engine. PostgreSQL: ~10 µs a row at 1,000,000 inquiries, so 4,000 rows (a word in 1.3% of
 * the rows or more fills a page of 50; a rarer one costs ≤ ~40 ms before its lookup). SQLite:
 * FTS5 answers a probe of one rowid by seeking the phrase's token lists, measured at 10,000,000
 * inquiries on a quiet machine: ~0.035 ms a row for a word of one token (小区) and 0.06–0.12 ms for
 * a phrase (容积率, 日照分析报告). So a one-token word walks 1,000 rows (≤ ~35 ms; 小区, in 18% of
 * the bench's newest rows, fills its page within ~280, where 250 rows fell short and its second
 * walk read the word's 3,000,000-entry list: 550 ms), and a phrase 250 (≤ ~30 ms).
 */
const SEARCH_WALK_ROWS = { postgres: 4000, sqlite: { token: 1000, phrase: 250 } } as const

/** SEARCH_WALK_ROWS for the search box `text` on `db`'s engine. */
function probeWalkRows(db: Db, text: string): number {
  if (engineOf(db) === 'postgres') return SEARCH_WALK_ROWS.postgres
  const oneToken = searchPhrases(text).every((p) => p.tokens.length === 1)
  return oneToken ? SEARCH_WALK_ROWS.sqlite.token : SEARCH_WALK_ROWS.sqlite.phrase
}

/**
 * A search whose word has fewer index entries than this skips the probing walk (db/search-index.ts
 * `fewestMatches`, SQLite only): the probing walk (SEARCH_WALK_ROWS) fills a page only for a word
 * in 5% of the rows (one token) or a fifth (a phrase), which has far more entries (小区: 306,060 of
 * 1,000,000). Counting the entries up to 50,000 costs ~5 ms CPU for the most frequent word.
 */
const SEARCH_PROBE_WALK_FROM = 50_000

/**
 * A search whose word has fewer index entries than this is looked up at once, without any walk
 * (fewestMatches, SQLite only): its lookup seeks and sorts at most this many rows (~1 µs each),
 * less than the walk against its list, which reads ~limit / share rows of the queue (紫荆家园's
 * 2,700 matches in 1,000,000: 19,000 rows, 14 ms CPU, against a 5 ms lookup).
 */
const SEARCH_LOOKUP_BELOW = 5_000

/**
 * Rows of the queue's order SQLite's second walk reads (walkedPageIds): each row is tested against
 * the word's index list, read once into a set (`id in (list)`, ~0.2 µs an entry) and probed per row
 * (~0.1 µs), so 100,000 rows cost ~10 ms and fill a page of 50 for a word in 0.05% of the rows or
 * more. A lookup instead seeks and sorts every match (~1 µs each): 容积率's 40,140 matches at
 * 1,000,000 inquiries took 42 ms CPU as a lookup and 10 ms this way.
 */
const SEARCH_SET_WALK_ROWS = 100_000

/**
 * The ids of a text search's page (`limit + 1` of them), found by walking the queue's order
 * without its text (from the sort's index, after the cursor) and testing each row, stopping at the
 * page's last row; undefined when no walk filled the page, or at once when a word of the search
 * has fewer than SEARCH_LOOKUP_BELOW index entries (fewestMatches): the caller then asks the index
 * for all the matches and sorts them (the lookup). Two walks, each exact, so each gives the
 * lookup's page:
 * - unless a word of the search has fewer than SEARCH_PROBE_WALK_FROM index entries, the first
 *   SEARCH_WALK_ROWS rows, each probed in the index on its own (cheap
 *   for a word in a fifth of the rows or more, where the list is long: 小区 fills its page within
 *   a few hundred rows);
 * - then, on SQLite and unless the page is read from the pending index in due order (whose
 *   lookup walks that index against the list already), the first SEARCH_SET_WALK_ROWS rows,
 *   tested against the word's list read
 *   once (for words in 0.05–20% of the rows, which the first walk does not fill and whose lookup
 *   costs a seek and a sort per match: at 10,000,000 inquiries a word in 3% of them is 300,000).
 * `params`: the cursor's placeholder values (keysetCondition).
 */
async function walkedPageIds(
  db: Db,
  q: PageRequest,
  params: Record<string, unknown>,
): Promise<number[] | undefined> {
  const text = q.filter.q
  if (!text) return undefined
  // one count of the rarest word's entries, up to the larger bound, decides both
  const probeFrom = q.probeWalkFrom ?? SEARCH_PROBE_WALK_FROM
  const lookupBelow = q.lookupBelow ?? SEARCH_LOOKUP_BELOW
  const entries = fewestMatches(db, text, Math.max(probeFrom, lookupBelow))
  if (entries < lookupBelow) return undefined
  if (entries >= probeFrom) {
    const ids = await walk(db, q, params, q.walkRows ?? probeWalkRows(db, text), 'probe')
    if (ids) return ids
  }
  // the pending view's lookup is already this walk, unbounded and without the join (pageSource)
  if (engineOf(db) === 'postgres' || readsPendingDue(q)) return undefined
  return await walk(db, q, params, q.setWalkRows ?? SEARCH_SET_WALK_ROWS, 'lookup')
}

/**
 * One walk of walkedPageIds: the first `rows` rows of the queue's order without its text, each
 * tested for the text as `mode` says (db/search-index.ts TextMode), the first `limit + 1` that
 * match; undefined when fewer match.
 */
async function walk(
  db: Db,
  q: PageRequest,
  params: Record<string, unknown>,
  rows: number,
  mode: TextMode,
): Promise<number[] | undefined> {
  const { inquiries } = tables(db)
  const { q: text, ...rest } = q.filter
  if (!text) return undefined
  const col = sortColumn(db, q.sort)
  const walked = db
    .select({
      id: sql<number>`${sql.raw('"inquiries"."id"')}`.as('walk_id'),
      key: sql<number>`${col}`.as('walk_key'),
    })
    .from(pageSource(db, q))
    .where(and(filterPredicate(db, rest, q.viewer), keysetCondition(db, q.cursor)))
    .orderBy(
      ...(q.sort === 'received_desc'
        ? [desc(col), desc(inquiries.id)]
        : [asc(col), asc(inquiries.id)]),
    )
    .limit(rows)
    .as('walked')
  const found = await runWithParams(
    db,
    db
      .select({ id: walked.id })
      .from(walked)
      // CROSS JOIN: SQLite keeps the walk as the outer loop, in its order; joined on, it read the
      // word's list first and sorted the whole walk (111 ms instead of 12 for 容积率 at 1,000,000)
      .crossJoin(inquiries)
      .where(and(eq(inquiries.id, walked.id), textPredicate(db, text, mode)))
      .orderBy(
        ...(q.sort === 'received_desc'
          ? [desc(walked.key), desc(walked.id)]
          : [asc(walked.key), asc(walked.id)]),
      )
      .limit(q.limit + 1),
    params,
  )
  return found.length > q.limit ? found.map((r) => Number(r.id)) : undefined
}

/**
 * How many matches a text search's counts go up to before they stop counting: 10,000, as
 * Elasticsearch's `track_total_hits` default. Counting every match of a frequent word is what
 * makes a search's counts slow at scale (each match's channel is read: 小区's 612,120 matches at
 * 2,000,000 inquiries took 572 ms CPU). Past the cap the counts say "more than 10,000" and give no
 * per-channel figure; the list still pages through every match by its cursor.
 */
export const SEARCH_COUNT_CAP = 10_000

/**
 * Row counts per channel for the filter without its channel (same predicate as the list), and
 * `capped: true` (with no rows) when the filter has a text search that matches more than `cap`
 * rows (SEARCH_COUNT_CAP; tests make it small): such a search reads at most `cap + 1` matches. A
 * status-only filter for a viewer who sees everything reads the trigger-kept counter table.
 */
export async function countByChannel(
  db: Db,
  filter: Omit<InquiryFilter, 'channel'>,
  viewer: Viewer,
  cap = SEARCH_COUNT_CAP,
): Promise<{ rows: { channelCode: string; n: number }[]; capped: boolean }> {
  if (isStatusOnly(filter, viewer)) {
    // the queue's own counts, asked with every page view: one prepared query per status filter
    const rows = await runPrepared(db, `inquiry_counts_${filter.status}`, () => {
      const { inquiryCounts } = tables(db)
      return db
        .select({
          channelCode: inquiryCounts.channelCode,
          n: sql<number>`sum(${inquiryCounts.n})`.mapWith(Number),
        })
        .from(inquiryCounts)
        .where(
          filter.status === 'all'
            ? undefined
            : inArray(inquiryCounts.status, [...statusesOf(filter.status)]),
        )
        .groupBy(inquiryCounts.channelCode)
    })
    return { rows, capped: false }
  }
  const { inquiries } = tables(db)
  const where = filterWithoutChannel(db, filter, viewer)
  if (!filter.q) {
    const rows = await db
      .select({ channelCode: inquiries.channelCode, n: count() })
      .from(inquiries)
      .where(where)
      .groupBy(inquiries.channelCode)
    return { rows, capped: false }
  }
  // the first cap + 1 matches in whatever order the engine finds them: counted by channel, they
  // are the exact counts when there are no more, and say only "more than cap" when there are.
  // Read from the search index's matches where that is the same filter, so the limit stops the
  // index's reading too (db/inquiry-filter.ts indexDrivenFilter; on PostgreSQL for a phrase only)
  const driven = indexDrivenFilter(db, filter, viewer)
  const matches = db
    // an SQL field: drizzle refuses a column of a table the FROM does not name as one
    .select({ channelCode: sql<string>`${inquiries.channelCode}`.as('channel_code') })
    .from(driven?.from ?? inquiries)
    .where(driven ? driven.where : where)
    .limit(cap + 1)
    .as('matches')
  const rows = await db
    .select({ channelCode: matches.channelCode, n: count() })
    .from(matches)
    .groupBy(sql`${matches.channelCode}`)
  const capped = rows.reduce((sum, r) => sum + r.n, 0) > cap
  return capped ? { rows: [], capped } : { rows, capped }
}

/** The inquiry, when it exists and `viewer` (if given) may see it. */
export async function findInquiry(db: Db, id: number, viewer?: Viewer) {
  const rows = await runPrepared(
    db,
    `inquiry_detail_${viewer ? viewerScopeShape(viewer) : 'all'}`,
    () => {
      const { departments, inquiries } = tables(db)
      const assignee = assigneeOf(db)
      return db
        .select({
          ...listColumns(db, assignee),
          body: inquiries.body,
          citizenPhone: inquiries.citizenPhone,
          citizenEmail: inquiries.citizenEmail,
          closedAt: inquiries.closedAt,
          updatedAt: inquiries.updatedAt,
          deadlineRule: inquiries.deadlineRule,
          deadlinePolicyId: inquiries.deadlinePolicyId,
        })
        .from(inquiries)
        .leftJoin(assignee, eq(assignee.id, inquiries.assigneeId))
        .leftJoin(departments, eq(departments.id, inquiries.departmentId))
        .where(
          and(
            eq(inquiries.id, sql.placeholder('id')),
            viewer ? viewerScope(db, viewer, true) : undefined,
          ),
        )
        .limit(1)
    },
    { id, ...(viewer ? viewerScopeParams(viewer) : {}) },
  )
  return rows[0]
}

/**
 * The inquiry a channel knows as `externalId` in any ASCII case (id, version, status, receivedAt
 * in UTC ms), if the desk holds it.
 */
export async function findInquiryByExternalId(db: Db, channelCode: string, externalId: string) {
  const { inquiries } = tables(db)
  return (
    await db
      .select({
        id: inquiries.id,
        version: inquiries.version,
        status: inquiries.status,
        receivedAt: inquiries.receivedAt,
      })
      .from(inquiries)
      .where(isExternalId(db, channelCode, externalId))
      .limit(1)
  )[0]
}

/** The message fields (domain MessageFields; receivedAt in UTC ms) of the inquiries `ids`, by id. */
export async function listMessageFields(db: Db, ids: readonly number[]) {
  const { inquiries } = tables(db)
  const found = new Map<number, MessageFields>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: inquiries.id, ...messageFieldColumns(db) })
      .from(inquiries)
      .where(inArray(inquiries.id, ids.slice(i, i + 500)))
    for (const { id, ...fields } of rows) found.set(id, fields)
  }
  return found
}

export async function insertInquiry(db: Db, row: InquiryInsert): Promise<number> {
  const { inquiries } = tables(db)
  return returnedRow(await db.insert(inquiries).values(row).returning({ id: inquiries.id })).id
}

/**
 * Applies `patch` only when the row still has `version`; bumps the version.
 * @returns true when the row was updated, false when the version was stale
 */
export async function updateInquiryIfVersion(
  db: Db,
  id: number,
  version: number,
  patch: Partial<
    Pick<
      InquiryRow,
      | 'status'
      | 'assigneeId'
      | 'repliedAt'
      | 'closedAt'
      | 'dueAt'
      | 'pausedAt'
      | 'departmentId'
      | 'duplicateOfId'
      | 'satisfaction'
      | 'round'
      | 'roundStartedAt'
      | 'firstDueAt'
      | 'urgedAt'
      | 'category'
    >
  > & { updatedAt: number },
): Promise<boolean> {
  const { inquiries } = tables(db)
  const res = await db
    .update(inquiries)
    .set({ ...patch, version: sql`${inquiries.version} + 1` })
    .where(and(eq(inquiries.id, id), eq(inquiries.version, version)))
  return changedRows(res) === 1
}

/**
 * Open inquiries whose clock runs (pending statuses, not paused), with what their deadline is
 * computed from: the ones a calendar change may move.
 */
export async function listRunningOpenDeadlines(db: Db) {
  const { inquiries } = tables(db)
  return await db
    .select({
      id: inquiries.id,
      kind: inquiries.kind,
      receivedAt: inquiries.receivedAt,
      dueAt: inquiries.dueAt,
      deadlineRule: inquiries.deadlineRule,
      roundStartedAt: inquiries.roundStartedAt,
    })
    .from(inquiries)
    .where(and(statusIn(db, PENDING_STATUSES), isNull(inquiries.pausedAt)))
    .orderBy(asc(inquiries.id))
}

/** Moves a due date without a user's action (a calendar change): the version stays. */
export async function updateDueAt(db: Db, id: number, dueAt: number, updatedAt: number) {
  const { inquiries } = tables(db)
  await db.update(inquiries).set({ dueAt, updatedAt }).where(eq(inquiries.id, id))
}

/**
 * Deletes the batch's inquiries except `keepIds`, with their events and replies (the rest of an
 * inquiry's rows cascade). Call inside the caller's transaction.
 * @returns how many inquiries were deleted
 */
export async function deleteBatchInquiries(
  db: Db,
  batchId: number,
  keepIds: readonly number[],
): Promise<number> {
  const { inquiries, inquiryEvents, replies } = tables(db)
  const ofBatch = and(
    eq(inquiries.importBatchId, batchId),
    keepIds.length > 0 ? notInArray(inquiries.id, [...keepIds]) : undefined,
  )
  const ids = db.select({ id: inquiries.id }).from(inquiries).where(ofBatch)
  await db.delete(inquiryEvents).where(inArray(inquiryEvents.inquiryId, ids))
  await db.delete(replies).where(inArray(replies.inquiryId, ids))
  return changedRows(await db.delete(inquiries).where(ofBatch))
}

/** Who last changed the inquiry (the newest event's actor), for the 409 message. */
export async function findLastActor(db: Db, inquiryId: number) {
  const { inquiryEvents, users } = tables(db)
  return (
    await db
      .select({
        displayName: users.displayName,
        type: inquiryEvents.type,
        createdAt: inquiryEvents.createdAt,
      })
      .from(inquiryEvents)
      .leftJoin(users, eq(users.id, inquiryEvents.actorId))
      .where(eq(inquiryEvents.inquiryId, inquiryId))
      .orderBy(desc(inquiryEvents.id))
      .limit(1)
  )[0]
}

export async function insertEvent(
  db: Db,
  e: {
    inquiryId: number
    actorId: number | null
    type: string
    data?: Record<string, unknown>
    createdAt: number
  },
) {
  const { inquiryEvents } = tables(db)
  await db.insert(inquiryEvents).values({ ...e, data: JSON.stringify(e.data ?? {}) })
}

/** One `contact_revealed` event per exported inquiry. */
export async function insertRevealEvents(
  db: Db,
  inquiryIds: readonly number[],
  actorId: number,
  now: number,
  format: string,
) {
  const { inquiryEvents } = tables(db)
  const data = JSON.stringify({ via: 'export', format })
  await db.insert(inquiryEvents).values(
    inquiryIds.map((inquiryId) => ({
      inquiryId,
      actorId,
      type: 'contact_revealed',
      data,
      createdAt: now,
    })),
  )
}

export async function listEvents(db: Db, inquiryId: number) {
  return await runPrepared(
    db,
    'inquiry_events',
    () => {
      const { inquiryEvents, users } = tables(db)
      return db
        .select({
          id: inquiryEvents.id,
          type: inquiryEvents.type,
          data: inquiryEvents.data,
          createdAt: inquiryEvents.createdAt,
          actorName: users.displayName,
        })
        .from(inquiryEvents)
        .leftJoin(users, eq(users.id, inquiryEvents.actorId))
        .where(eq(inquiryEvents.inquiryId, sql.placeholder('inquiryId')))
        .orderBy(asc(inquiryEvents.id))
    },
    { inquiryId },
  )
}

/** @returns the new reply's id */
export async function insertReply(
  db: Db,
  r: {
    inquiryId: number
    body: string
    authorId: number | null
    origin: 'desk' | 'source'
    createdAt: number
    approvedBy?: number | null
  },
): Promise<number> {
  const { replies } = tables(db)
  return returnedRow(await db.insert(replies).values(r).returning({ id: replies.id })).id
}

export async function listReplies(db: Db, inquiryId: number) {
  return await runPrepared(
    db,
    'inquiry_replies',
    () => {
      const { replies, users } = tables(db)
      const approver = aliasTable(users, 'approver')
      return db
        .select({
          id: replies.id,
          body: replies.body,
          origin: replies.origin,
          createdAt: replies.createdAt,
          authorName: users.displayName,
          approvedByName: approver.displayName,
          postedAt: replies.postedAt,
        })
        .from(replies)
        .leftJoin(users, eq(users.id, replies.authorId))
        .leftJoin(approver, eq(approver.id, replies.approvedBy))
        .where(eq(replies.inquiryId, sql.placeholder('inquiryId')))
        .orderBy(asc(replies.id))
    },
    { inquiryId },
  )
}
