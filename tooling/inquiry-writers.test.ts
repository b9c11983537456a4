/**
 * Only the inquiries module writes the `inquiries` and `inquiry_events` tables: every change to an
 * inquiry goes through its gate (`act`). Checked on the source of every module (tests left out:
 * they may write fixtures). Cycles between modules: module-cycles.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const MODULES = resolve(import.meta.dirname, '../apps/api/src/modules')
const WRITE =
  /\.(insert|update|delete)\((inquiries|inquiryEvents)\)|\b(insert\s+into|update|delete\s+from)\s+(inquiries|inquiry_events)\b/i

describe('the tables of the inquiry', () => {
  it('are written by the inquiries module alone', () => {
    const writers = readdirSync(MODULES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(MODULES, d.name)).map((f) => `${d.name}/${f}`))
      .filter(
        (f) =>
          f.endsWith('.ts') &&
          !f.endsWith('.test.ts') &&
          WRITE.test(readFileSync(join(MODULES, f), 'utf8')),
      )
    expect(writers).toContain('inquiries/inquiries.repo.ts') // the pattern finds writes at all
    expect(writers.filter((f) => !f.startsWith('inquiries/'))).toEqual([])
  })
})
