import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { API_ERROR_REASONS } from '@desk/domain'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('error reasons', () => {
  it('every details.reason the API writes is in the domain list the SPA translates', () => {
    const written = new Map<string, string>()
    for (const file of sources(SRC)) {
      // the refusals: `new AppError(…, { reason: '<reason>', … })`
      for (const m of readFileSync(file, 'utf8').matchAll(
        /AppError\([^;]*?\breason: '([a-z_]+)'/gs,
      )) {
        written.set(m[1]!, relative(SRC, file))
      }
    }
    expect(written.size).toBeGreaterThan(10)
    const unknown = [...written].filter(
      ([reason]) => !(API_ERROR_REASONS as readonly string[]).includes(reason),
    )
    expect(unknown).toEqual([])
  })
})
