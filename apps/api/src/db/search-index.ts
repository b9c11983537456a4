/**
 * Text search for the repos, on either engine: the index is written from the domain's tokens
 * (packages/domain search/tokens.ts) by the code that inserts an inquiry, in its transaction, and
 * a search word is the phrase of its tokens (`searchPhrase`), looked up in SQLite's FTS5 table
 * (search-fts.ts) or PostgreSQL's tsvector with its GIN index (search-pg.ts). Both hold the same
 * tokens, so both engines find the same rows.
 */
import type { SearchPhrase } from '@desk/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { clientOf } from './connection.ts'
import { engineOf, tables } from './engine.ts'
import { ftsQuery, indexFts } from './search-fts.ts'
import { insertSearchRows, tsQuery, type Queryable } from './search-pg.ts'

/**
 * Indexes inquiry `id`'s subject and body; call in the transaction that inserts the inquiry.
 * @throws the driver's error when `id` is indexed already (SQLite; PostgreSQL keeps the rows it has)
 */
export async function writeSearchIndex(
  db: Db,
  id: number,
  subject: string,
  body: string,
): Promise<void> {
  if (engineOf(db) === 'postgres')
    await insertSearchRows(clientOf(db) as unknown as Queryable, [{ id, subject, body }])
  else indexFts(db, id, subject, body)
}

/** Inquiries whose subject or body contains the search word of `phrase` (an index lookup). */
export function textMatch(db: Db, phrase: SearchPhrase): SQL {
  const { inquiries } = tables(db)
  if (engineOf(db) === 'postgres')
    return sql`${inquiries.id} in (select inquiry_id from inquiry_search where doc @@ ${tsQuery(phrase)}::tsquery)`
  return sql`${inquiries.id} in (select rowid from inquiry_search where inquiry_search match ${ftsQuery(phrase)})`
}
