/**
 * Text search for the repos, on either engine: the index is written from the domain's tokens
 * (packages/domain search/tokens.ts) by the code that inserts an inquiry, in its transaction, and
 * a search word is the phrase of its tokens (`searchPhrase`), looked up in SQLite's FTS5 table
 * (search-fts.ts) or PostgreSQL's tsvector with its GIN index (search-pg.ts). Both hold the same
 * tokens, so both engines find the same rows.
 */
import { setImmediate } from 'node:timers/promises'
import { searchPhrases, type SearchPhrase } from '@desk/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { copyRows } from './copy-rows.ts'
import { engineOf, tables } from './engine.ts'
import { ftsEntries, ftsQuery, indexFts } from './search-fts.ts'
import { searchDocuments, searchRows, tsQuery } from './search-pg.ts'

/** What writeSearchIndexes writes for one inquiry: its texts, and on PostgreSQL its documents if made already. */
export type SearchItem = {
  id: number
  subject: string
  body: string
  /** searchDocuments(subject, body), from searchDocumentsOf (PostgreSQL only) */
  documents?: string[] | undefined
}

/** Texts between two turns of the event loop in searchDocumentsOf: about a millisecond of CPU. */
const DOCUMENTS_SLICE = 50

/**
 * The index documents of each of `items` on PostgreSQL (undefined each on SQLite, whose FTS5 rows
 * are written one by one), made before the inquiries' ids are known. A writer makes them while the
 * server inserts its inquiries: every DOCUMENTS_SLICE texts the event loop gets a turn, so
 * node-postgres can send the next statement it has queued (it sends one when the answer to the one
 * before is read) and the server is not left idle until all are made. SQLite is not given turns:
 * another request's read there would see the open transaction's rows.
 */
export async function searchDocumentsOf(
  db: Db,
  items: readonly { subject: string; body: string }[],
): Promise<(string[] | undefined)[]> {
  if (engineOf(db) !== 'postgres') return items.map(() => undefined)
  const out: string[][] = []
  for (const [i, { subject, body }] of items.entries()) {
    if (i > 0 && i % DOCUMENTS_SLICE === 0) await setImmediate()
    out.push(searchDocuments(subject, body))
  }
  return out
}

/**
 * Indexes the subject and body of each of `items` (inquiry ids, none indexed yet); call in the
 * transaction `tx` that inserts them. PostgreSQL writes them with one COPY (db/copy-rows.ts);
 * SQLite's FTS5 row by row.
 * @throws the driver's error when an id is indexed already
 */
export async function writeSearchIndexes(tx: Db, items: readonly SearchItem[]): Promise<void> {
  if (items.length === 0) return
  if (engineOf(tx) === 'postgres')
    await copyRows(tx, 'inquiry_search', ['inquiry_id', 'part', 'doc'], searchRows(items))
  else for (const { id, subject, body } of items) indexFts(tx, id, subject, body)
}

/**
 * The index entries of the rarest word of the search box `q`, counted up to `k` (`k`: k or more),
 * so the whole search matches about that few rows or fewer (every word must match; a word's exact external id
 * or phone number adds a handful). SQLite only: FTS5 counts a word's entries up to `k` and stops
 * (search-fts.ts `ftsEntries`). On PostgreSQL it is always `k`: a GIN lookup builds the
 * word's whole bitmap, and a phrase's count rechecks every row it counts in the heap (at 1,000,000
 * inquiries 容积率's 40,140 matches read 34,367 heap blocks, 1.28 s at load 20), dearer than
 * the walk it would spare.
 */
export function fewestMatches(db: Db, q: string, k: number): number {
  if (engineOf(db) === 'postgres') return k
  return Math.min(k, ...searchPhrases(q).map((phrase) => ftsEntries(db, phrase, k)))
}

/**
 * How a text condition is asked: `lookup` finds every matching inquiry in the index at once (for
 * counts, and for pages of rare words); `probe` asks it of one inquiry row at a time, as a
 * correlated EXISTS that seeks that inquiry in the index (for a page walked in its sort order that
 * stops at its last row: cheap when the word is frequent, see inquiries.repo.ts listInquiries).
 * Both are the same test, so they select the same rows.
 */
export type TextMode = 'lookup' | 'probe'

/**
 * Inquiries matched some other way than by their text (an exact external id: db/inquiry-filter.ts),
 * said both ways a text condition is asked: `ids`, a SELECT of inquiry ids (for a lookup), and
 * `row`, a condition on the `inquiries` row at hand (for a probe). Both must select the same rows.
 */
export type AlsoMatching = { ids: SQL; row: SQL }

/**
 * Inquiries whose subject or body contains the search word of `phrase`, asked as `mode` says, or
 * that `also` names. A lookup unions `also.ids` into the index's own id list, so the condition
 * stays one `id in (…)`: PostgreSQL turns that into a semi-join on the index's matches, which it
 * cannot do for an `id in (…) or …` (that reads every inquiry row and tests each one).
 */
export function textMatch(
  db: Db,
  phrase: SearchPhrase,
  mode: TextMode = 'lookup',
  also?: AlsoMatching,
): SQL {
  const { inquiries } = tables(db)
  const union = also ? sql` union all ${also.ids}` : sql``
  const orRow = (probe: SQL) => (also ? sql`(${probe} or ${also.row})` : probe)
  if (engineOf(db) === 'postgres') {
    const q = sql`doc @@ ${tsQuery(phrase)}::tsquery`
    // `offset 0` keeps the probe a correlated subplan: without it PostgreSQL turns the EXISTS into
    // a semi-join that first fetches every match (880 ms for 40,140 matches at 1,000,000 rows)
    return mode === 'probe'
      ? orRow(
          sql`exists (select 1 from inquiry_search where inquiry_search.inquiry_id = ${inquiries.id} and ${q} offset 0)`,
        )
      : sql`${inquiries.id} in (select inquiry_id from inquiry_search where ${q}${union})`
  }
  const q = sql`inquiry_search match ${ftsQuery(phrase)}`
  return mode === 'probe'
    ? orRow(
        sql`exists (select 1 from inquiry_search where ${q} and inquiry_search.rowid = ${inquiries.id})`,
      )
    : sql`${inquiries.id} in (select rowid from inquiry_search where ${q}${union})`
}

/**
 * A query's FROM that reads the search index's matches of `phrases` and then each inquiry they
 * name, `where`, the condition that ties the two, and `unread`, the phrases the FROM does not read
 * (the caller asks them of each row). A LIMIT then stops reading the index where it stops;
 * `id in (…)` (textMatch) gathers every match before its first row. undefined without a phrase to
 * read.
 * - SQLite: one FTS5 query of every phrase joined by AND (one row per inquiry, merged in rowid
 *   order as it is read), then each inquiry the list names in that order (a CROSS JOIN keeps
 *   SQLite from starting at the inquiries). Nothing unread.
 * - PostgreSQL: the phrase of the most tokens, of two or more, read through the GIN index (a
 *   bitmap of every candidate, then each row rechecked in the heap as it is read); each inquiry's
 *   first matching part only (part 0, or a part no earlier part of which matches: a text cut into
 *   parts can match in several, search-pg.ts), so no hash deduplicates all matches before the
 *   first row (at 1,000,000 inquiries the capped count of 容积率 rechecked 34,291 heap blocks, now
 *   8,535). A one-token word is never read here: PostgreSQL's lexeme statistics give its
 *   `id in (…)` a plan in the search table's key order that stops at the LIMIT (小区: 32,512 rows,
 *   160–350 ms), where the GIN bitmap of all 306,060 matches alone took 370–400 ms. A phrase has
 *   no statistics (容积率: 1,649 rows estimated for 40,140), hence its hash of every match.
 */
export function indexDriven(
  db: Db,
  phrases: readonly SearchPhrase[],
): { from: SQL; where: SQL; unread: SearchPhrase[] } | undefined {
  const { inquiries } = tables(db)
  if (engineOf(db) === 'postgres') {
    const read = phrases.reduce<SearchPhrase | undefined>(
      (best, p) => (p.tokens.length > (best?.tokens.length ?? 1) ? p : best),
      undefined,
    )
    if (!read) return undefined
    const q = sql`${tsQuery(read)}::tsquery`
    return {
      from: sql`inquiry_search s cross join ${inquiries}`,
      where: sql`${inquiries.id} = s.inquiry_id and s.doc @@ ${q} and (s.part = 0 or not exists (
        select 1 from inquiry_search e where e.inquiry_id = s.inquiry_id and e.part < s.part and e.doc @@ ${q}))`,
      unread: phrases.filter((p) => p !== read),
    }
  }
  if (phrases.length === 0) return undefined
  return {
    from: sql`inquiry_search cross join ${inquiries}`,
    where: sql`inquiry_search match ${phrases.map(ftsQuery).join(' AND ')} and ${inquiries.id} = inquiry_search.rowid`,
    unread: [],
  }
}
