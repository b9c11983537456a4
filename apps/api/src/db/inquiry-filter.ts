/**
 * The one predicate behind the queue list and its counts, the dashboard's links and the exports:
 * a list filtered by channel X returns exactly `byChannel[X]` rows of the counts, because all are
 * built here. It lives in db/ (the SQL layer every repo may use) so that the reports' repos read
 * the same rows as the queue without importing the inquiries module's repos.
 */
import {
  statusesOf,
  startOfZonedDay,
  addCalendarDays,
  externalIdKey,
  MAX_SEARCH_WORDS,
  PENDING_STATUSES,
  POSITIVE_SATISFACTIONS,
  searchPhrase,
  type DueWindow,
  type InquiryFilter,
  type InquiryStatus,
  type ReplyFilter,
  type SatisfactionFilter,
} from '@desk/domain'
import {
  and,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { Viewer } from '../lib/context.ts'
import type { Db } from './client.ts'
import { externalIdIn, externalKeyOf } from './external-key.ts'
import { phoneHmac } from './phone-key.ts'
import { tables } from './engine.ts'
import { indexDriven, textMatch, type AlsoMatching, type TextMode } from './search-index.ts'

/**
 * The rows `viewer` may see (the domain's rule, inquiry/visibility.ts). Managers and admins see
 * everything. A responder sees inquiries not yet dispatched to a department (the intake pool),
 * those of their own department, and those they hold; of the pool, a responder of a department
 * sees only the items nobody holds (taking one dispatches it to the holder's department,
 * `departmentOnTaking`), while intake staff of no department see it all. Scoping by department rather than by "has
 * no assignee" is what makes a transfer (转办) take an inquiry out of the sending department's
 * sight while its assignee is cleared.
 * `placeholders`: the viewer's ids as `sql.placeholder('viewerId' | 'viewerDepartmentId')` for a
 * prepared query (values from `viewerScopeParams`, one query per `viewerScopeShape`).
 */
export function viewerScope(db: Db, viewer: Viewer, placeholders = false): SQL | undefined {
  if (seesAll(viewer)) return undefined
  const { inquiries } = tables(db)
  return or(
    // a department's responder sees the pool's unheld items; intake staff of no department share
    // the whole pool (the domain's rule, inquiry/visibility.ts)
    and(
      isNull(inquiries.departmentId),
      viewer.departmentId === null ? undefined : isNull(inquiries.assigneeId),
    ),
    viewer.departmentId === null
      ? undefined
      : eq(
          inquiries.departmentId,
          placeholders ? sql.placeholder('viewerDepartmentId') : viewer.departmentId,
        ),
    eq(inquiries.assigneeId, placeholders ? sql.placeholder('viewerId') : viewer.id),
  )
}

/** Which SQL `viewerScope(db, viewer, true)` gives: part of a prepared query's name. */
export function viewerScopeShape(viewer: Viewer): 'all' | 'department' | 'pool' {
  return seesAll(viewer) ? 'all' : viewer.departmentId === null ? 'pool' : 'department'
}

/** The placeholder values of `viewerScope(db, viewer, true)`. */
export function viewerScopeParams(viewer: Viewer) {
  return { viewerId: viewer.id, viewerDepartmentId: viewer.departmentId }
}

/**
 * The inquiries a channel knows as `word` (the upstream work-order number staff are asked about on
 * the phone), in any ASCII case (domain externalIdKey: `mx-t7-1` finds `MX-T7-1`), as typed or as
 * its NFKC form (an input method's full-width `ＧＤ－７` is `GD-7`): for a lookup, one seek per
 * channel on the unique (channel_code, folded external_id) index (db/external-key.ts; the external
 * id has no index of its own; channels are a handful of rows); for a probe, the row's own column.
 */
function externalIdMatch(db: Db, word: string): AlsoMatching {
  const { channels } = tables(db)
  const keys = [...new Set([word, word.normalize('NFKC')].map(externalIdKey))]
  const list = sql.join(
    keys.map((w) => sql`${w}`),
    sql`, `,
  )
  return {
    // CROSS JOIN: SQLite then keeps channels as the outer loop (without it, and without ANALYZE
    // statistics, it read the whole index and looked each channel up)
    ids: sql`select x.id from ${channels} c cross join ${sql.raw('"inquiries"')} x where x.channel_code = c.code and ${externalKeyOf(db, sql.raw('x.external_id'))} in (${list})`,
    row: externalIdIn(db, keys),
  }
}

/**
 * True when `word` has a decimal digit (NFKC, so full-width ones count): work-order numbers always
 * do, so only such words are also looked up as an external id. Every other word (most searches
 * are Chinese words) keeps the plain index lookup: the union with the id lookup hides from
 * PostgreSQL how many distinct ids come back (it assumes 200), and at 200,000 inquiries the
 * count of 小区 (61,380 matches) became a nested loop of 61,380 seeks instead of a hash
 * semi-join: 1.03 s instead of 0.45 s (median of 5). An id's own lookup is 5 index seeks.
 */
function hasDigit(word: string): boolean {
  return /\p{Nd}/u.test(word.normalize('NFKC'))
}

/**
 * Every word of the search box must match (domain `searchPhrases`): its text phrase in subject or
 * body, through the search index (db/search-index.ts), or, for a word with a digit (hasDigit),
 * the inquiry's external id exactly (externalIdMatch: the index holds subject and body only, where
 * the work-order number seldom is; the id column is compared whole, so `GD-7` is not `GD-70`
 * there); a word that is a phone number also matches the inquiries of the citizen with that
 * number (by its HMAC, db/phone-key.ts), shown masked as always, as does the whole box when it is
 * one number written with spaces. Words without a letter, digit or Han character are ignored.
 * `mode`: how the index is asked (search-index.ts).
 */
export function textPredicate(db: Db, q: string, mode: TextMode = 'lookup'): SQL | undefined {
  const parts = searchWords(q).map((word) => wordPredicate(db, word, mode))
  const whole = wholePhone(db, q)
  return whole === null ? and(...parts) : or(and(...parts), whole)
}

/** The words of the search box that count (at most MAX_SEARCH_WORDS). */
function searchWords(q: string): string[] {
  return q.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS)
}

/** One word of textPredicate: its phrase (or exact external id), or the phone number it is. */
function wordPredicate(db: Db, word: string, mode: TextMode): SQL | undefined {
  const { inquiries } = tables(db)
  const phrase = searchPhrase(word)
  const hmac = phoneHmac(db, word)
  return or(
    phrase
      ? textMatch(db, phrase, mode, hasDigit(word) ? externalIdMatch(db, word) : undefined)
      : undefined,
    hmac === null ? undefined : eq(inquiries.citizenPhoneHmac, hmac),
  )
}

/** A number typed with spaces (`138 1234 5678`) is one phone number, not three words. */
function wholePhone(db: Db, q: string): SQL | null {
  const whole = /\s/.test(q.trim()) ? phoneHmac(db, q) : null
  return whole === null ? null : eq(tables(db).inquiries.citizenPhoneHmac, whole)
}

/**
 * The filter as a query driven by the search index's matches (db/search-index.ts `indexDriven`):
 * `from`, the index's matches of the words of `q` that are a text phrase alone (no digit, so never
 * an external id; never a phone number), then each inquiry they name; `where`, the tie between
 * the two, the other words' condition and the rest of the filter. The same rows as
 * `filterWithoutChannel`. A LIMIT then stops reading the index (a capped count reads about cap + 1
 * matches, not all of them). The phrases the index is not read for (PostgreSQL reads one) are
 * probed per row, a seek each. undefined when no word can be read so (on PostgreSQL: no phrase of
 * two tokens or more), when the whole box is a phone number typed with spaces (a match need then
 * hold none of its words), and when the filter has a field besides status and the text: the
 * matches are read until the LIMIT's rows pass the filter, a seek per match, so a narrow field (an
 * assignee, a day) could make that all of them; the other plan starts from that field's index.
 */
export function indexDrivenFilter(
  db: Db,
  filter: Omit<InquiryFilter, 'channel'>,
  viewer: Viewer,
): { from: SQL; where: SQL | undefined } | undefined {
  const { q, status, ...rest } = filter
  if (!q || wholePhone(db, q) !== null) return undefined
  if (Object.values(rest).some((v) => v !== undefined)) return undefined
  const indexed = searchWords(q).filter((w) => !hasDigit(w) && phoneHmac(db, w) === null)
  const phrases = indexed.flatMap((w) => searchPhrase(w) ?? [])
  const driven = indexDriven(db, phrases)
  if (!driven) return undefined
  const others = searchWords(q).filter((w) => !indexed.includes(w))
  return {
    from: driven.from,
    where: and(
      driven.where,
      filterWithoutChannel(db, { status }, viewer),
      ...driven.unread.map((p) => textMatch(db, p, 'probe')),
      ...others.map((w) => wordPredicate(db, w, 'lookup')),
    ),
  }
}

/**
 * SQL for `filter` without its channel (the counts group by channel), within what `viewer` may see
 * in `db` (whose phone-search key a phone number in `q` is hashed with).
 * `from`/`to` are inclusive Asia/Shanghai dates on the receipt instant.
 */
export function filterWithoutChannel(
  db: Db,
  filter: Omit<InquiryFilter, 'channel'>,
  viewer: Viewer,
): SQL | undefined {
  const { inquiries } = tables(db)
  // The due filter asks for pending rows itself (duePredicate). Saying `status in ('new',
  // 'assigned')` twice made PostgreSQL count its selectivity twice (7,552 rows estimated for
  // 156,675) and pick a non-covering index for the dashboard's overdue counts: 2.6 s instead of
  // 0.45 s at 10,000,000 inquiries. So a pending filter with a due window says it once.
  const saidByDue = filter.dueWindow !== undefined && filter.status === 'pending'
  const conds: (SQL | undefined)[] = [
    viewerScope(db, viewer),
    filter.status === 'all' || saidByDue ? undefined : statusIn(db, statusesOf(filter.status)),
  ]
  if (filter.assignee === 'me') conds.push(eq(inquiries.assigneeId, viewer.id))
  else if (filter.assignee === 'none') conds.push(isNull(inquiries.assigneeId))
  else if (typeof filter.assignee === 'number')
    conds.push(eq(inquiries.assigneeId, filter.assignee))
  if (filter.department === 'none') conds.push(isNull(inquiries.departmentId))
  else if (filter.department !== undefined)
    conds.push(eq(inquiries.departmentId, filter.department))
  if (filter.q) conds.push(textPredicate(db, filter.q))
  if (filter.from) conds.push(gte(inquiries.receivedAt, startOfZonedDay(filter.from)))
  if (filter.to)
    conds.push(lt(inquiries.receivedAt, startOfZonedDay(addCalendarDays(filter.to, 1))))
  if (filter.replied) conds.push(repliedPredicate(db, filter.replied))
  if (filter.category) conds.push(eq(inquiries.category, filter.category))
  if (filter.uncategorized) conds.push(isNull(inquiries.category))
  if (filter.dueWindow) conds.push(duePredicate(db, filter.dueWindow))
  if (filter.satisfaction) conds.push(satisfactionPredicate(db, filter.satisfaction))
  if (filter.unposted) conds.push(hasUnpostedReply(db))
  if (filter.proposalSource !== undefined || filter.keyProposal)
    conds.push(proposalPredicate(db, filter.proposalSource, filter.keyProposal === '1'))
  if (filter.urged) conds.push(isNotNull(inquiries.urgedAt))
  if (filter.reopened) conds.push(sql`${inquiries.round} > 1`)
  return and(...conds)
}

/**
 * A suggestion or proposal from `source` (when given), a key one (重点建议 or 重点提案) when `keyOnly`: the
 * links of the annual report's proposals sentence, one per number it writes (its 省人大5件, 主办件1件,
 * 重点提案2件 …). The `proposals` row is looked up by the inquiry's id (its primary key).
 */
function proposalPredicate(db: Db, source: string | undefined, keyOnly: boolean): SQL {
  const { inquiries, proposals } = tables(db)
  return sql`exists (select 1 from ${proposals} where ${proposals.inquiryId} = ${inquiries.id}${
    source === undefined ? sql`` : sql` and ${proposals.source} = ${source}`
  }${keyOnly ? sql` and ${eq(proposals.isKey, true)}` : sql``})`
}

/**
 * True for an inquiry with a reply that has not reached its channel's platform (the `unposted`
 * filter, 待回填平台; the queue's row tag reads the same SQL): a reply written in the desk (origin
 * 'desk'; imported 'source' replies were never the desk's to post) whose `posted_at` is null (not
 * marked posted by hand) and that has no outbox message with status 'delivered' (the outbox sets it
 * on the webhook's 2xx answer; 'pending' and 'failed' have not reached the channel). A correlated
 * EXISTS, probing the partial index `replies_unposted_idx` (its 'desk' and null literals are inline
 * SQL, not bound parameters, so SQLite can prove it applies) and `outbox_inquiry_idx`: a few index
 * seeks per inquiry looked at. Not an `id IN (set)`: the queue's row tag reads this on every page,
 * and building the set of every unposted reply cost each page 290 ms at 1,000,000 inquiries
 * (webhook-delivered replies also keep `posted_at` null, so the set only grows).
 */
export function hasUnpostedReply(db: Db): SQL {
  const { inquiries, outboxMessages, replies } = tables(db)
  return sql`exists (select 1 from ${replies} where ${replies.inquiryId} = ${inquiries.id} and ${replies.origin} = 'desk'
    and ${replies.postedAt} is null and not exists (select 1 from ${outboxMessages}
      where ${outboxMessages.inquiryId} = ${replies.inquiryId} and ${outboxMessages.replyId} = ${replies.id}
        and ${outboxMessages.status} = 'delivered'))`
}

/** `rated`: any satisfaction; `positive`: 满意 or 基本满意 (domain SATISFACTION_FILTERS). */
function satisfactionPredicate(db: Db, f: SatisfactionFilter): SQL {
  const { inquiries } = tables(db)
  if (f === 'rated') return isNotNull(inquiries.satisfaction)
  return inArray(inquiries.satisfaction, [...POSITIVE_SATISFACTIONS])
}

/**
 * `status in ('new', 'assigned')` with the statuses as SQL literals, not bound parameters: only
 * then can SQLite prove the pending-only partial index applies (the values come from the domain's
 * closed status list, never from the request).
 */
export function statusIn(db: Db, statuses: readonly InquiryStatus[]): SQL {
  const { inquiries } = tables(db)
  const list = statuses.map((s) => `'${s}'`).join(', ')
  return sql`${inquiries.status} in (${sql.raw(list)})`
}

/**
 * True when the filter narrows by status alone and `viewer` sees every inquiry: its per-channel
 * counts can then be read from the counter table. Any other filter field set (present or future)
 * makes it false.
 */
export function isStatusOnly(filter: Omit<InquiryFilter, 'channel'>, viewer: Viewer): boolean {
  return (
    seesAll(viewer) && Object.entries(filter).every(([k, v]) => k === 'status' || v === undefined)
  )
}

/** Managers and admins: no viewer scope (viewerScope). */
function seesAll(viewer: Viewer): boolean {
  return viewer.role !== 'responder'
}

/** Pending inquiries with a running clock due in [notBefore, before) (the `due` filter, resolved). */
function duePredicate(db: Db, w: DueWindow): SQL | undefined {
  const { inquiries } = tables(db)
  return and(
    statusIn(db, PENDING_STATUSES),
    isNull(inquiries.pausedAt),
    lt(inquiries.dueAt, w.before),
    w.notBefore === undefined ? undefined : gte(inquiries.dueAt, w.notBefore),
  )
}

/**
 * The first reply's presence and punctuality against the first round's due instant (domain
 * `firstRoundDueAt`; the report summaries' trigger compares the same). A null replied_at compares
 * false, so on_time/late exclude it.
 */
function repliedPredicate(db: Db, replied: ReplyFilter): SQL {
  const { inquiries } = tables(db)
  if (replied === 'yes') return isNotNull(inquiries.repliedAt)
  if (replied === 'no') return isNull(inquiries.repliedAt)
  const due = sql`coalesce(${inquiries.firstDueAt}, ${inquiries.dueAt})`
  return replied === 'on_time' ? lte(inquiries.repliedAt, due) : gt(inquiries.repliedAt, due)
}

/**
 * `filterPredicate` for a filter of status and channel alone (the queue's tabs as they open)
 * with its values as placeholders (`channel` and those of `viewerScopeParams`), for a prepared
 * query: `name` tells its SQL apart, `params` are the values. Undefined for any other filter.
 */
export function preparedFilterPredicate(
  db: Db,
  filter: InquiryFilter,
  viewer: Viewer,
): { name: string; where: SQL | undefined; params: Record<string, unknown> } | undefined {
  const { status, channel, ...rest } = filter
  if (Object.values(rest).some((v) => v !== undefined)) return undefined
  const { inquiries } = tables(db)
  return {
    name: `${status}_${channel ? 'channel' : 'any'}_${viewerScopeShape(viewer)}`,
    where: and(
      viewerScope(db, viewer, true),
      status === 'all' ? undefined : statusIn(db, statusesOf(status)),
      channel ? eq(inquiries.channelCode, sql.placeholder('channel')) : undefined,
    ),
    params: { channel, ...viewerScopeParams(viewer) },
  }
}

/** SQL for the whole filter, channel included. */
export function filterPredicate(db: Db, filter: InquiryFilter, viewer: Viewer): SQL | undefined {
  const { inquiries } = tables(db)
  return and(
    filterWithoutChannel(db, filter, viewer),
    filter.channel ? eq(inquiries.channelCode, filter.channel) : undefined,
  )
}
