/**
 * Both engines on the same data: the same generated inquiries written through the ingest path
 * into SQLite (FTS5) and PostgreSQL (tsvector + GIN) must give the same pages, in the same order,
 * and the same counts for every term (1-, 2-, 3- and 6-character Han terms, mixed Latin, Han and
 * digits, phone numbers, typed tsquery and FTS5 syntax). search.test.ts compares each engine with
 * the naive scan; this compares them with each other, page by page.
 */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client.ts'
import { engineOf } from '../../db/engine.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { createRandom } from '../seed/random.ts'
import { addSearchRows, SEARCH_MANAGER, searchAll, searchTerms } from '../../test/search-data.ts'
import { addInquiries, setupDesk, T0 } from '../../test/setup.ts'
import { getQueueCounts } from './queue.service.ts'

/** Each engine's database with the same rows (same seed), and the terms to compare. */
async function twoDesks() {
  const sqlite = openDb(':memory:')
  await ensureChannels(sqlite, DEFAULT_CHANNELS, T0)
  const postgres = (await setupDesk()).db
  expect([engineOf(sqlite), engineOf(postgres)]).toEqual(['sqlite', 'postgres'])
  const rows = await addSearchRows(sqlite, createRandom(61), 300)
  expect(await addSearchRows(postgres, createRandom(61), 300)).toEqual(rows)
  return { sqlite, postgres, rows }
}

async function answers(db: Db, q: string) {
  const counts = await getQueueCounts(db, { status: 'all', q }, SEARCH_MANAGER, T0)
  return { q, pages: await searchAll(db, q, 7), counts }
}

describe('text search on SQLite and PostgreSQL', () => {
  it('gives the same pages in the same order and the same counts for every term', async () => {
    const { sqlite, postgres, rows } = await twoDesks()
    const terms = searchTerms(createRandom(62), rows)
    let withHits = 0
    for (const q of terms) {
      const a = await answers(sqlite, q)
      expect(await answers(postgres, q)).toEqual(a)
      expect(a.counts.total).toBe(a.pages.length)
      if (a.pages.length > 0) withHits++
    }
    expect(withHits).toBeGreaterThan(terms.size / 2)
    expect(withHits).toBeLessThan(terms.size)
    // every term's every page on two engines (a walk and, for rare words, a lookup per page): 27 s
    // at load 17 on this 2-core machine, too close to the default 30 s
  }, 90_000)

  it('reads typed query syntax of either engine as plain words, and finds callers by phone', async () => {
    const { sqlite, postgres } = await twoDesks()
    const extra = [
      { externalId: 'Q1', subject: "a & b | !c (d):* 'e' <-> f", body: 'NEAR(x y) "z" AND OR NOT' },
      {
        externalId: 'Q2',
        subject: '路灯',
        body: '来电 138 1234 5678',
        citizenPhone: '13812345678',
      },
      { externalId: 'Q3', subject: '噪音', body: '', citizenPhone: '+86 138-1234-5678' },
    ]
    await addInquiries(sqlite, extra)
    await addInquiries(postgres, extra)
    const typed = [
      'a & b',
      '!c',
      '(d):*',
      "'e'",
      '<->',
      'f:*',
      'NEAR(x',
      '"z"',
      'AND',
      'or',
      '*',
      "\\'",
    ]
    for (const q of [...typed, '13812345678', '+86 138-1234-5678', '138 1234 5678']) {
      const a = await answers(sqlite, q)
      expect(await answers(postgres, q)).toEqual(a)
    }
    expect((await answers(postgres, '!c')).pages).toEqual(['Q1'])
    expect((await answers(postgres, '138 1234 5678')).pages.sort()).toEqual(['Q2', 'Q3'])
  })
})
