import { searchPhrase, searchTokens } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { MAX_TOKEN_CHARS, PART_OVERLAP, searchDocuments, tsQuery } from './search-pg.ts'

/** A tsvector literal read back: lexeme → positions (what PostgreSQL stores, before its limits). */
function parse(doc: string): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const m of doc.matchAll(/'((?:[^']|'')*)':([\d,]+)/g))
    out.set(m[1] as string, (m[2] as string).split(',').map(Number))
  return out
}

/** The token at each position of a part (undefined: a position left empty). */
function tokensAt(doc: string): (string | undefined)[] {
  const at: (string | undefined)[] = []
  for (const [lexeme, positions] of parse(doc)) for (const p of positions) at[p - 1] = lexeme
  return at
}

describe('searchDocuments', () => {
  it('gives the domain tokens with their positions, the body one position after the subject', () => {
    expect(searchDocuments('停车难', '路灯 A1')).toEqual([
      "'停车':1 '车难':2 '难':3 '路灯':5 '灯':6 'a':7 '1':8",
    ])
    expect(searchDocuments('', '渗水')).toEqual(["'渗水':2 '水':3"])
    expect(searchDocuments('。', '')).toEqual([])
  })

  it('cuts a long text into parts within PostgreSQL position limits, each phrase of up to 128 tokens whole in one part', () => {
    // 40,000 tokens, a bigram repeated 600 times at the start, and the term at the very end
    const body = `${'哈'.repeat(601)}，${'噪音扰民'.repeat(9_000)}造成楼顶渗水`
    const tokens = ['x', ...searchTokens(body)]
    const parts = searchDocuments('x', body)
    expect(parts.length).toBeGreaterThan(3)
    const windows = new Set<string>()
    for (const doc of parts) {
      const at = tokensAt(doc)
      expect(at.length).toBeLessThanOrEqual(16_383)
      for (const positions of parse(doc).values()) expect(positions.length).toBeLessThanOrEqual(255)
      // every run of PART_OVERLAP + 1 consecutive tokens of this part
      for (let i = 0; i + PART_OVERLAP < at.length; i++)
        windows.add(at.slice(i, i + PART_OVERLAP + 1).join(' '))
    }
    // the whole text as positions: the subject, the empty position, the body
    const all = [tokens[0], undefined, ...tokens.slice(1)]
    for (let i = 0; i + PART_OVERLAP < all.length; i += 97)
      expect(windows.has(all.slice(i, i + PART_OVERLAP + 1).join(' '))).toBe(true)
    expect(parts.at(-1)).toContain("'渗水'")
  })

  it('keeps the first 256 characters of a very long word (a lexeme holds 2,046 bytes)', () => {
    const word = 'a'.repeat(300)
    const [doc] = searchDocuments(word, '')
    expect(doc).toBe(`'${'a'.repeat(MAX_TOKEN_CHARS)}':1`)
  })
})

describe('tsQuery', () => {
  it.each([
    ['渗水', "'渗水'"],
    ['楼顶渗水', "'楼顶' <-> '顶渗' <-> '渗水'"],
    ['水', "'水':*"],
    ['停车场A', "'停车' <-> '车场' <-> '场' <-> 'a':*"],
    ["a & | ! (:* ' \\", "'a':*"],
  ])('%j -> %s', (term, query) => {
    expect(tsQuery(searchPhrase(term) ?? { tokens: [], prefix: false })).toBe(query)
  })
})
