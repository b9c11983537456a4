import { describe, expect, it } from 'vitest'
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
