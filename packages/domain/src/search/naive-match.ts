/**
 * What a search term means, written as a plain scan over the text with no tokens: the
 * specification the indexed search (tokens.ts, and each engine's index) is tested against, on
 * generated data, in the domain's property tests and in the API's engine tests.
 *
 * Text and term are normalised alike (Unicode NFKC, lower case) and read as maximal runs of Han
 * characters (letters and numbers of the Han script), of other letters (with combining marks) and of decimal digits; other characters
 * only separate runs. A term of one run matches a text with a run of the same class that contains
 * it (Han) or begins with it (letters, digits: a word or the beginning of one). A term of k ≥ 2
 * runs matches k consecutive runs of the text: the first ends with the term's first run (Han) or
 * equals it (a word), the middle ones equal the term's, the last begins with the term's last.
 * A term without any run matches every text.
 */

type Run = { cls: 'han' | 'digit' | 'letter'; text: string }

const RUN =
  /((?:(?=\p{Script=Han})[\p{L}\p{N}])+)|(\p{Nd}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}])+)/gu

function runs(s: string): Run[] {
  const out: Run[] = []
  for (const m of s.normalize('NFKC').toLowerCase().matchAll(RUN)) {
    out.push({ cls: m[1] ? 'han' : m[2] ? 'digit' : 'letter', text: m[0] })
  }
  return out
}

function fits(t: Run, q: Run, j: number, k: number): boolean {
  if (t.cls !== q.cls) return false
  const han = q.cls === 'han'
  if (k === 1) return han ? t.text.includes(q.text) : t.text.startsWith(q.text)
  if (j === 0) return han ? t.text.endsWith(q.text) : t.text === q.text
  if (j === k - 1) return t.text.startsWith(q.text)
  return t.text === q.text
}

/** True when `text` contains the search word `term` in the sense above (a linear scan). */
export function naiveSearchMatch(text: string, term: string): boolean {
  const q = runs(term)
  if (q.length === 0) return true
  const t = runs(text)
  for (let i = 0; i + q.length <= t.length; i++) {
    if (q.every((r, j) => fits(t[i + j] as Run, r, j, q.length))) return true
  }
  return false
}
