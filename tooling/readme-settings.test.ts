/**
 * The README's settings table lists every `DESK_*` setting the API reads (apps/api/src/config.ts),
 * so a bureau finds how to loosen a limit or set its password policy without reading the code.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8')

describe('README settings', () => {
  it('has a table row for every DESK_* setting config.ts reads', () => {
    const settings = new Set(read('apps/api/src/config.ts').match(/\bDESK_[A-Z_]+\b/g))
    const readme = read('README.md')
    expect(settings.size).toBeGreaterThan(20)
    expect([...settings].filter((name) => !readme.includes(`| \`${name}\``))).toEqual([])
  })
})
