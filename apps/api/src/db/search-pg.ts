/**
 * The PostgreSQL side of text search: the table `inquiry_search(inquiry_id, part, doc tsvector)`
 * with a GIN index on `doc` (migrations-pg, bigram_search_pg) holds each inquiry's subject and
 * body as the domain's tokens (packages/domain search/tokens.ts), the same tokens SQLite's FTS5
 * table holds, so both engines find the same rows. The tsvector is written as a literal of those
 * tokens with their positions (never `to_tsvector`, whose parser would split and drop characters
 * by its own rules), and a search word becomes a tsquery literal of its phrase (`'楼顶' <-> '顶渗'
 * <-> '渗水'`, a prefix last token `'水':*`): typed text never reaches tsquery syntax.
 *
 * PostgreSQL's limits, and how they are kept exact:
 * - positions above 16,383 are silently stored as 16,383, and a lexeme keeps at most 255
 *   positions (later ones are dropped), either of which would lose phrase matches in a long
 *   text. So a text is cut into parts (one row each, `part` 0, 1, …): a part ends before either
 *   limit is passed, and the next part starts PART_OVERLAP tokens before the previous part's end,
 *   so every phrase of up to PART_OVERLAP + 1 tokens (a search word of up to 128 characters; the
 *   search box takes 100) lies wholly inside one part. Almost every inquiry is one part.
 * - a lexeme has at most 2,046 bytes: a word or digit run longer than MAX_TOKEN_CHARS code points
 *   is indexed, and searched, by its first MAX_TOKEN_CHARS, so a search for such a word also finds
 *   a longer word that starts with the same MAX_TOKEN_CHARS characters.
 * Subject positions start at 1 and body positions one after a skipped position, so a phrase never
 * runs from the end of the subject into the body (SQLite keeps them in two columns).
 */
import { searchTokens, type SearchPhrase, type SearchToken } from '@desk/domain'

/** Positions a tsvector can hold (PostgreSQL's MAXENTRYPOS - 1). */
const PART_POSITIONS = 16_383
/** Positions one lexeme can hold in a tsvector (PostgreSQL's MAXNUMPOS - 1). */
const LEXEME_POSITIONS = 255
/** Tokens a part repeats from the one before: phrases up to one more token never straddle parts. */
export const PART_OVERLAP = 127
/** Code points of a token kept in the index (4 bytes each at most: under the 2,046-byte lexeme limit). */
export const MAX_TOKEN_CHARS = 256

/**
 * A token as the index holds it (cut to MAX_TOKEN_CHARS), quoted for tsvector/tsquery input.
 * Called once per token of every imported text, so the usual token (a bigram, nothing to cut or
 * escape) takes no array or regular-expression replace.
 */
function lexeme(token: SearchToken): string {
  // at most MAX_TOKEN_CHARS UTF-16 units is at most that many code points: nothing to cut
  const kept =
    token.length <= MAX_TOKEN_CHARS ? token : Array.from(token).slice(0, MAX_TOKEN_CHARS).join('')
  // tokens are letters, marks and digits only (domain searchTokens); escaping keeps that safe anyway
  const quoted = /['\\]/.test(kept) ? kept.replace(/\\/g, '\\\\').replace(/'/g, "''") : kept
  return `'${quoted}'`
}

/**
 * The rows of inquiry_search for one inquiry: tsvector literals, the i-th for `part` i, none when
 * neither text has a token. Each stays within PostgreSQL's position limits (see above). Each
 * token is quoted once, and a part's positions are gathered in the pass that finds its end.
 */
export function searchDocuments(subject: string, body: string): string[] {
  const subjectTokens = searchTokens(subject)
  const bodyTokens = searchTokens(body)
  const seq: (SearchToken | null)[] =
    bodyTokens.length === 0 ? subjectTokens : [...subjectTokens, null, ...bodyTokens]
  const lexemes = seq.map((t) => (t === null ? null : lexeme(t)))
  const parts: string[] = []
  let start = 0
  while (start < lexemes.length) {
    // lexeme -> its positions in this part (position i + 1 for the part's i-th token), in the
    // order of first use
    const positions = new Map<string, number[]>()
    let end = start
    for (; end < lexemes.length && end - start < PART_POSITIONS; end++) {
      const key = lexemes[end]
      if (key === null || key === undefined) continue
      const list = positions.get(key)
      if (!list) positions.set(key, [end - start + 1])
      else if (list.length === LEXEME_POSITIONS) break
      else list.push(end - start + 1)
    }
    let doc = ''
    for (const [key, list] of positions) doc += `${doc === '' ? '' : ' '}${key}:${list.join(',')}`
    parts.push(doc)
    // a part holds at least LEXEME_POSITIONS tokens, more than the overlap: `start` always moves on
    start = end >= lexemes.length ? end : end - PART_OVERLAP
  }
  return parts
}

/**
 * A tsquery literal for `phrase`: its tokens joined by `<->` (each at the next position), the last
 * one as a prefix (`:*`) when the phrase says so.
 */
export function tsQuery(phrase: SearchPhrase): string {
  return phrase.tokens
    .map((t, i) => (phrase.prefix && i === phrase.tokens.length - 1 ? `${lexeme(t)}:*` : lexeme(t)))
    .join(' <-> ')
}

/** An inquiry to index: its id and texts, and its documents if searchDocuments made them already. */
export type SearchSource = {
  id: number
  subject: string
  body: string
  documents?: string[] | undefined
}

/**
 * The inquiry_search rows of `items` as (inquiry_id, part, doc literal), in item and part order.
 */
export function* searchRows(items: readonly SearchSource[]): Generator<[number, number, string]> {
  for (const item of items) {
    const docs = item.documents ?? searchDocuments(item.subject, item.body)
    for (let part = 0; part < docs.length; part++) yield [item.id, part, docs[part] as string]
  }
}

/** What insertSearchRows needs of a node-postgres pool or client. */
export type Queryable = {
  query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rowCount: number | null }>
}

/**
 * Writes the inquiry_search rows of `items` in one statement (prepared once per connection). A
 * row that exists already is left as it is: the backfill may meet inquiries the running desk has
 * indexed since (their text gives the same rows). An item may bring its `documents`, made by
 * searchDocuments(subject, body) before its id was known (the ingest makes them while its
 * inquiries are being inserted).
 */
export async function insertSearchRows(
  client: Queryable,
  items: readonly SearchSource[],
): Promise<void> {
  const ids: number[] = []
  const parts: number[] = []
  const docs: string[] = []
  for (const [id, part, doc] of searchRows(items)) {
    ids.push(id)
    parts.push(part)
    docs.push(doc)
  }
  if (docs.length === 0) return
  await client.query({
    name: 'desk_inquiry_search_insert',
    text: `insert into inquiry_search (inquiry_id, part, doc)
      select id, part, doc::tsvector from unnest($1::int[], $2::int2[], $3::text[]) as d(id, part, doc)
      on conflict (inquiry_id, part) do nothing`,
    values: [ids, parts, docs],
  })
}
