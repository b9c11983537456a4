/**
 * The SQLite side of text search: the FTS5 table `inquiry_search` (the bigram_search migration) holds each
 * inquiry's subject and body as the domain's tokens (packages/domain search/tokens.ts), written
 * by the code that inserts the inquiry, in its transaction; a search word is the phrase of its
 * tokens (`searchPhrase`). A deleted inquiry leaves the index by trigger. Subject and body are
 * separate columns, so a phrase never runs from the end of one into the other.
 */
import { searchText, type SearchPhrase } from '@desk/domain'
import type { Statement } from 'better-sqlite3'
import type { Db } from './client.ts'
import { clientOf } from './connection.ts'

const inserts = new WeakMap<Db['$client'], Statement<[number | bigint, string, string]>>()
const boundedCounts = new WeakMap<Db['$client'], Statement<[string, number], { n: number }>>()

/**
 * Indexes inquiry `id`'s subject and body; call in the transaction that inserts the inquiry.
 * The statement is prepared once per connection (a bulk import runs it per row).
 * @throws the driver's error when `id` is indexed already
 */
export function indexFts(db: Db, id: number | bigint, subject: string, body: string): void {
  const client = clientOf(db)
  let stmt = inserts.get(client)
  if (!stmt) {
    stmt = client.prepare<[number | bigint, string, string]>(
      'insert into inquiry_search (rowid, subject, body) values (?, ?, ?)',
    )
    inserts.set(client, stmt)
  }
  stmt.run(id, searchText(subject), searchText(body))
}

/**
 * How many rows `phrase` has in the index, counted up to `k` (so `k` means k or more). No inquiry
 * row is read: about 0.09 µs an entry (18 ms CPU for 204,000 of 小区's at 1,000,000 inquiries,
 * 1.4 ms for 紫荆家园's 2,700). The statement is prepared once per connection.
 */
export function ftsEntries(db: Db, phrase: SearchPhrase, k: number): number {
  const client = clientOf(db)
  let stmt = boundedCounts.get(client)
  if (!stmt) {
    stmt = client.prepare<[string, number], { n: number }>(
      'select count(*) as n from (select rowid from inquiry_search where inquiry_search match ? limit ?)',
    )
    boundedCounts.set(client, stmt)
  }
  return stmt.get(ftsQuery(phrase), k)?.n ?? 0
}

/**
 * An FTS5 query for `phrase`: its tokens in double quotes (they are letters and digits only), a
 * trailing `*` when the last is a prefix.
 */
export function ftsQuery(phrase: SearchPhrase): string {
  return `"${phrase.tokens.join(' ')}"${phrase.prefix ? ' *' : ''}`
}
