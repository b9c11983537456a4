import { describe, expect, it } from 'vitest'
import { isSupportedDate, isSupportedInstant, supportedDateSchema } from './supported-dates.ts'
import {
  controlCharAt,
  isBlankText,
  lineTextSchema,
  loneSurrogateAt,
  normalizeText,
  singleLine,
  textSchema,
  toXmlText,
} from './text.ts'

describe('normalizeText', () => {
  it.each([
    ['plain 中文 😀', 'plain 中文 😀'],
    ['a\uD800b', 'a\uFFFDb'], // lone high surrogate
    ['a\uDC00', 'a\uFFFD'], // lone low surrogate
    ['\uDC00\uD800', '\uFFFD\uFFFD'], // reversed pair
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
    ['\u0001\u000B', '\u0001\u000B'], // kept in storage; exporters drop them
  ])('%j -> %j', (input, output) => {
    expect(normalizeText(input)).toBe(output)
  })
})

describe('loneSurrogateAt', () => {
  it('finds half a pair, high or low, and nothing in whole pairs', () => {
    expect(loneSurrogateAt('plain 中文 😀')).toBe(-1)
    expect(loneSurrogateAt('ab\uD800')).toBe(2)
    expect(loneSurrogateAt('😀\uDC00')).toBe(2)
    expect(loneSurrogateAt('\uDC00\uD800')).toBe(0)
    expect(loneSurrogateAt('\uFFFE')).toBe(-1)
  })
})

describe('toXmlText', () => {
  it('drops what XML 1.0 forbids and reads line ends as XML does', () => {
    expect(toXmlText('a\u0001\u0008b\tc\r\nd\re\u000Bf\uFFFF')).toBe('ab\tc\nd\nef\uFFFD')
  })
})

describe('textSchema', () => {
  it('refuses NUL and normalises the rest', () => {
    const s = textSchema().trim().min(1)
    expect(s.safeParse('a\u0000').error?.issues.map((i) => i.message)).toEqual([
      'contains a NUL character (U+0000), which is not allowed',
    ])
    expect(s.parse(' \uD83D ')).toBe('\uFFFD')
  })

  // zero-width space, LRM, RLO, LRI..PDI, BOM: each draws nothing
  const INVISIBLE = ['\u200B', '\u200E', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF']
  it('takes text of only invisible characters as blank: refused when required, empty when optional', () => {
    const required = textSchema().trim().min(1)
    const optional = textSchema().trim().max(10).default('')
    for (const c of INVISIBLE) {
      expect(isBlankText(c)).toBe(true)
      expect(required.safeParse(c + ' ' + c).success).toBe(false)
      expect(optional.parse(c)).toBe('')
    }
    expect(required.safeParse(INVISIBLE.join('')).success).toBe(false)
  })

  it('keeps invisible characters inside a text that shows something', () => {
    expect(isBlankText('\u200B答复')).toBe(false)
    expect(textSchema().trim().min(1).parse('\u2067مرحبا\u2069 好')).toBe('\u2067مرحبا\u2069 好')
    expect(isBlankText('')).toBe(true)
    expect(isBlankText('\u3000\t')).toBe(true)
  })
})

describe('supported dates', () => {
  it('are 1992-01-01..2100-12-31 in Asia/Shanghai', () => {
    expect(['1991-12-31', '1992-01-01', '2100-12-31', '2101-01-01'].map(isSupportedDate)).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(supportedDateSchema.safeParse('0001-01-01').success).toBe(false)
    const instants = [
      '1991-12-31T15:59:59.999Z',
      '1991-12-31T16:00:00Z',
      '2100-12-31T15:59:59.999Z',
      '2100-12-31T16:00:00Z',
    ]
    expect(instants.map((s) => isSupportedInstant(Date.parse(s)))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(isSupportedInstant(Number.NaN)).toBe(false)
  })
})

describe('control characters', () => {
  it('finds the C0 controls and DEL no text may hold, not tab, CR or LF', () => {
    expect(controlCharAt('张\u0001三')).toBe(1)
    expect(controlCharAt('a\u000bb')).toBe(1)
    expect(controlCharAt('删除\u007f')).toBe(2)
    expect(controlCharAt('第一行\r\n\t第二行\u2028')).toBe(-1)
  })

  it('refuses them in any text, naming the character; single-line text gets spaces for line breaks', () => {
    const refused = textSchema().safeParse('张\u0001三')
    expect(refused.success ? '' : refused.error.issues[0]?.message).toContain('U+0001')
    expect(textSchema().parse('一\n\t二')).toBe('一\n\t二')
    expect(lineTextSchema().trim().parse(' 物业\r\n收费\t\t问题\u2029 \n')).toBe('物业 收费 问题')
    expect(lineTextSchema().safeParse('a\u007fb').success).toBe(false)
    expect(singleLine('a\u2028\u2029b')).toBe('a b')
  })
})
