/**
 * The engine's text search against the specification (domain `naiveSearchMatch`, a plain scan
 * with no tokens) on generated inquiries: for every term, the queue's rows (all pages) and its
 * counts are exactly the inquiries whose subject or body the scan finds the term in. Written
 * against the services and setupDesk only, so the same test runs on either engine.
 */
import { naiveSearchMatch } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { addSearchRows, SEARCH_MANAGER, searchAll, searchTerms } from '../../test/search-data.ts'
import { addInquiries, setupDesk, T0 } from '../../test/setup.ts'
import { createRandom } from '../seed/random.ts'
import { getQueueCounts } from './queue.service.ts'

describe('text search', () => {
  it('finds exactly what a plain scan finds, for 1-, 2-, 3- and 6-character terms and mixed Latin, Han and digits', async () => {
    const rnd = createRandom(20261206)
    const desk = await setupDesk()
    const rows = await addSearchRows(desk.db, rnd, 400)
    const terms = searchTerms(rnd, rows)
    let withHits = 0
    for (const q of terms) {
      const expected = new Set(
        rows
          .filter((r) => naiveSearchMatch(r.subject, q) || naiveSearchMatch(r.body, q))
          .map((r) => r.externalId),
      )
      if (expected.size > 0) withHits++
      expect({ q, found: (await searchAll(desk.db, q)).sort() }).toEqual({
        q,
        found: [...expected].sort(),
      })
      expect({
        q,
        total: (await getQueueCounts(desk.db, { status: 'all', q }, SEARCH_MANAGER, T0)).total,
      }).toEqual({ q, total: expected.size })
    }
    // the comparison means something only if most terms find rows and some find none
    expect(withHits).toBeGreaterThan(terms.size / 2)
    expect(withHits).toBeLessThan(terms.size)
  })

  it('needs every word of the search box', async () => {
    const desk = await setupDesk()
    await addInquiries(desk.db, [
      { externalId: 'A', subject: '路灯不亮', body: '小区路灯坏了三天' },
      { externalId: 'B', subject: '路灯', body: '噪音扰民' },
    ])
    expect(await searchAll(desk.db, '路灯 三天')).toEqual(['A'])
    expect((await searchAll(desk.db, '路灯  。 ')).sort()).toEqual(['A', 'B'])
  })
})
