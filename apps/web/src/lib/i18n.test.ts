import { describe, expect, it } from 'vitest'
import { initI18n } from './i18n.ts'
import en from '../locales/en.json'
import zhCN from '../locales/zh-CN.json'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}

const zhParts = import.meta.glob<Tree>('../locales/zh-CN/*.json', {
  eager: true,
  import: 'default',
})
const enParts = import.meta.glob<Tree>('../locales/en/*.json', { eager: true, import: 'default' })
const name = (path: string) => path.split('/').pop()!.replace('.json', '')

describe('locale files', () => {
  it('give every message in both Chinese and English', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort())
    expect(Object.keys(enParts).map(name).sort()).toEqual(Object.keys(zhParts).map(name).sort())
    for (const [path, zh] of Object.entries(zhParts)) {
      const enTree = enParts[path.replace('/zh-CN/', '/en/')]!
      expect(keys(enTree).sort(), path).toEqual(keys(zh).sort())
    }
  })

  it('keep each feature file under its own top-level key, distinct from the shared file', () => {
    const shared = new Set(Object.keys(zhCN))
    for (const [path, tree] of Object.entries(zhParts)) {
      expect(Object.keys(tree), path).toEqual([name(path)])
      expect(shared.has(name(path)), path).toBe(false)
    }
  })
})

describe('English counts', () => {
  it('say one thing in the singular and more in the plural', () => {
    const i18n = initI18n('en')
    const t = i18n.getFixedT('en')
    expect([t('rounds.files', { count: 1 }), t('rounds.files', { count: 3 })]).toEqual([
      '1 file',
      '3 files',
    ])
    expect(t('imports.undo.done', { count: 1 })).toBe('Undone: 1 inquiry deleted')
    expect(t('mailbox.errors.summary', { count: 1 })).toBe(
      '1 field needs changes; see the marked fields.',
    )
    expect(t('imports.preview.rows', { count: 2 })).toBe('2 data rows')
  })
})
