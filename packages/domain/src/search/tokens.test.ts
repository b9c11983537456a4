import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { naiveSearchMatch } from './naive-match.ts'
import {
  searchPhrase,
  searchPhrases,
  searchText,
  searchTokens,
  type SearchPhrase,
} from './tokens.ts'

/** How both engines read a phrase: its tokens at consecutive positions, the last as a prefix. */
function phraseFound(tokens: readonly string[], p: SearchPhrase): boolean {
  const n = p.tokens.length
  for (let i = 0; i + n <= tokens.length; i++) {
    const ok = p.tokens.every((t, j) => {
      const at = tokens[i + j] as string
      return p.prefix && j === n - 1 ? at.startsWith(t) : at === t
    })
    if (ok) return true
  }
  return false
}

const found = (text: string, term: string) => {
  const p = searchPhrase(term)
  return p === undefined || phraseFound(searchTokens(text), p)
}

// few distinct characters, so generated terms often occur in generated texts
const HAN = ['停', '车', '难', '渗', '水', '噪', '音', '〇', '𠀀']
const OTHER = ['⺀', 'a', 'B', 'é', 'ｚ', '1', '２', '9', ' ', '，', '-', '!', '\n', '😀']
const char = fc.constantFrom(...HAN, ...HAN, ...OTHER)
const text = fc.array(char, { maxLength: 30 }).map((cs) => cs.join(''))
const hanText = fc
  .array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 30 })
  .map((cs) => cs.join(''))

describe('searchTokens', () => {
  it.each([
    ['小区停车难 A栋', ['小区', '区停', '停车', '车难', '难', 'a', '栋']],
    ['渗水', ['渗水', '水']],
    ['水', ['水']],
    ['ＪＺ３Ｋ７ 2024年', ['jz', '3', 'k', '7', '2024', '年']],
    ['Hello, World!', ['hello', 'world']],
    ['。。', []],
    ['', []],
  ])('%j -> %j', (input, tokens) => {
    expect(searchTokens(input)).toEqual(tokens)
    expect(searchText(input)).toBe(tokens.join(' '))
  })

  it('gives tokens of letters and digits only, never spaces or quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        for (const t of searchTokens(s)) expect(t).toMatch(/^[\p{L}\p{M}\p{N}]+$/u)
      }),
    )
  })

  it('classifies characters the same after a text of more distinct characters than it keeps', () => {
    // 68,592 distinct Han characters in one run: U+4E00…, Extension A, Extension B
    const ranges: [number, number][] = [
      [0x4e00, 20_000],
      [0x3400, 6_592],
      [0x20000, 42_000],
    ]
    const many = ranges
      .flatMap(([from, n]) => Array.from({ length: n }, (_, i) => String.fromCodePoint(from + i)))
      .join('')
    expect(searchTokens(many)).toHaveLength(68_592)
    expect(searchTokens('ＪＺ３ 渗水。')).toEqual(['jz', '3', '渗水', '水'])
  })
})

describe('searchPhrase', () => {
  it.each([
    ['渗水', { tokens: ['渗水'], prefix: false }],
    ['楼顶渗水', { tokens: ['楼顶', '顶渗', '渗水'], prefix: false }],
    ['水', { tokens: ['水'], prefix: true }],
    ['a栋', { tokens: ['a', '栋'], prefix: true }],
    ['停车场A', { tokens: ['停车', '车场', '场', 'a'], prefix: true }],
    ['JZ3', { tokens: ['jz', '3'], prefix: true }],
  ])('%j -> %j', (term, phrase) => {
    expect(searchPhrase(term)).toEqual(phrase)
  })

  it('has nothing to look up in punctuation alone', () => {
    expect(searchPhrase('。，!')).toBeUndefined()
    expect(searchPhrases(' 渗水  。 a ')).toEqual([
      { tokens: ['渗水'], prefix: false },
      { tokens: ['a'], prefix: true },
    ])
  })

  it('finds every substring of a Han text, of any length', () => {
    fc.assert(
      fc.property(hanText, fc.nat(), fc.nat(), (t, a, b) => {
        const chars = Array.from(t)
        const from = a % chars.length
        const to = from + 1 + (b % (chars.length - from))
        expect(found(t, chars.slice(from, to).join(''))).toBe(true)
      }),
    )
  })

  it('finds a Han term exactly when the text contains it', () => {
    const term = fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(text, term, (t, cs) => {
        const q = cs.join('')
        expect(found(t, q)).toBe(t.normalize('NFKC').includes(q))
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with the naive scan on mixed Latin, Han, digits and punctuation', () => {
    const sub = text.chain((t) => {
      const chars = Array.from(t)
      return fc
        .tuple(fc.nat(chars.length), fc.nat(chars.length))
        .map(([a, b]) => [t, chars.slice(Math.min(a, b), Math.max(a, b)).join('')] as const)
    })
    const anyTerm = fc.tuple(
      text,
      text.filter((q) => q.length <= 8),
    )
    fc.assert(
      fc.property(fc.oneof(sub, anyTerm), ([t, q]) => {
        expect(found(t, q)).toBe(naiveSearchMatch(t, q))
      }),
      { numRuns: 5000 },
    )
  })
})
