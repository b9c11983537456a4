import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { countText } from './count-text.ts'

describe('countText', () => {
  it.each([
    ['zh-CN', '共 10,000+ 条，已显示 50 条'],
    ['en', '10,000+ in all, 50 shown'],
  ])('writes a capped count as 10,000+ in %s, an exact one as it is', (lang, total) => {
    const t = i18next.getFixedT(lang)
    expect(countText(t, lang, 10_000, true)).toBe('10,000+')
    expect(countText(t, lang, 12_345, false)).toBe('12345')
    expect(t('queue.total', { total: countText(t, lang, 10_000, true), shown: 50 })).toBe(total)
  })
})
