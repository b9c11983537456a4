/**
 * The one tokenisation of the desk's text search, shared by both engines: SQLite indexes the
 * tokens in an FTS5 table, PostgreSQL in a `tsvector` with a GIN index, and both get the same
 * phrase for a search term, so they find the same rows.
 *
 * Chinese has no spaces between words and most words are two characters (噪音, 违建, 停车), so
 * Han text is indexed as overlapping character bigrams, the approach of PostgreSQL's pg_bigm and
 * of the "ngram" full-text parsers of MySQL and Elasticsearch: a 2-character term is one index
 * lookup and a longer term is the phrase of its bigrams. Latin words and digit runs are indexed
 * whole (lower-cased), as every full-text engine does.
 *
 * Text is first normalised with Unicode NFKC (full-width `ＡＢＣ１２３` reads as `abc123`) and
 * lower-cased. It then splits into maximal runs of one class: Han characters (Unicode script Han,
letters and numbers such as 〇),
 * letters of other scripts (with their combining marks), and decimal digits. Every other
 * character (spaces, punctuation, symbols) only separates runs.
 *
 * A Han run c1…cn gives the bigrams c1c2 … c(n-1)cn and then its last character cn alone (a run
 * of one character gives just that character). The trailing single character costs one token per
 * run and makes single-character terms an index lookup too: every character of a run is either
 * the first character of a bigram or the run's last character, so a prefix query for `水` finds
 * every text containing 水. (A full unigram index would double the tokens for the same answers.)
 */

/** Tokens are letters and digits only: no spaces, quotes or ASCII punctuation, safe in either engine's query syntax. */
export type SearchToken = string

/**
 * The phrase a search term must match: `tokens` at consecutive positions in one field, the last
 * token matched as a prefix when `prefix` is true.
 */
export type SearchPhrase = { tokens: SearchToken[]; prefix: boolean }

type RunClass = 'han' | 'letter' | 'digit'
type Run = { cls: RunClass; chars: string[] }

const HAN = /\p{Script=Han}/u
const HAN_WORD_CHAR = /[\p{L}\p{N}]/u
const LETTER = /[\p{L}\p{M}]/u
const DIGIT = /\p{Nd}/u

/** Han radicals and other Han-script symbols (⺀, ⿰) separate runs like punctuation. */
function classify(ch: string): RunClass | undefined {
  if (HAN.test(ch)) return HAN_WORD_CHAR.test(ch) ? 'han' : undefined
  if (DIGIT.test(ch)) return 'digit'
  if (LETTER.test(ch)) return 'letter'
  return undefined
}

/**
 * Characters classified so far (null: a separator). An import tokenises every row's subject and
 * body, and their characters are a few thousand distinct ones: a lookup costs less than up to four
 * Unicode-property tests a character. Emptied at CLASS_CACHE_SIZE, so odd texts cannot grow it.
 */
const classes = new Map<string, RunClass | null>()
const CLASS_CACHE_SIZE = 65_536

function classOf(ch: string): RunClass | undefined {
  let cls = classes.get(ch)
  if (cls === undefined) {
    cls = classify(ch) ?? null
    if (classes.size >= CLASS_CACHE_SIZE) classes.clear()
    classes.set(ch, cls)
  }
  return cls ?? undefined
}

/** NFKC, lower-cased, split into maximal runs of one class (code points, not UTF-16 units). */
function runsOf(text: string): Run[] {
  const runs: Run[] = []
  let current: Run | undefined
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const cls = classOf(ch)
    if (cls === undefined) {
      current = undefined
    } else if (current?.cls === cls) {
      current.chars.push(ch)
    } else {
      current = { cls, chars: [ch] }
      runs.push(current)
    }
  }
  return runs
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
  return out
}

/** A run's tokens as indexed: a word, or a Han run's bigrams followed by its last character. */
function runTokens(run: Run): string[] {
  if (run.cls !== 'han') return [run.chars.join('')]
  return [...bigrams(run.chars), run.chars.at(-1) as string]
}

/**
 * The tokens of `text` in order, as both engines index them (positions are the array indexes).
 * Pure; any string (empty, emoji, lone surrogates) is accepted.
 * @example searchTokens('小区停车难 A栋') → ['小区', '区停', '停车', '车难', '难', 'a', '栋']
 */
export function searchTokens(text: string): SearchToken[] {
  return runsOf(text).flatMap(runTokens)
}

/**
 * `searchTokens(text)` joined by single spaces: the string each engine's plain whitespace
 * tokenizer (FTS5 `ascii`, PostgreSQL `to_tsvector('simple', …)`) splits back into the same tokens.
 */
export function searchText(text: string): string {
  return searchTokens(text).join(' ')
}

/**
 * The phrase that finds `term` (one search word: the queue splits its box on whitespace).
 * Matching is substring matching on Han text and whole-word matching on letters and digits,
 * except that the term's last word may be the beginning of a longer word (typing `jz3` finds
 * `JZ3K7…`). Runs other than the last give the tokens the text has there (a run followed by more
 * of the term ends where the text's run ends); the last run gives its bigrams, or, when it is a
 * single Han character or a word, a prefix token.
 * @returns undefined when the term has no letter, digit or Han character (nothing to look up)
 */
export function searchPhrase(term: string): SearchPhrase | undefined {
  const runs = runsOf(term)
  const last = runs.at(-1)
  if (!last) return undefined
  const tokens = runs.slice(0, -1).flatMap(runTokens)
  if (last.cls === 'han' && last.chars.length >= 2) {
    return { tokens: [...tokens, ...bigrams(last.chars)], prefix: false }
  }
  return { tokens: [...tokens, last.chars.join('')], prefix: true }
}

/** At most this many words of a search box are used (the rest are ignored). */
export const MAX_SEARCH_WORDS = 8

/**
 * The words of a search box: split on whitespace, at most MAX_SEARCH_WORDS, each with its phrase;
 * words without any letter, digit or Han character are dropped. All words must match (AND).
 */
export function searchPhrases(q: string): SearchPhrase[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS)
    .map(searchPhrase)
    .filter((p): p is SearchPhrase => p !== undefined)
}
