/**
 * The engine's text search against the specification (domain `naiveSearchMatch`, a plain scan
 * with no tokens) on generated inquiries: for every term, the queue's rows (all pages) and its
 * counts are exactly the inquiries whose subject or body the scan finds the term in. Written
 * against the services and setupDesk only, so the same test runs on either engine.
 */
import { DEFAULT_CHANNELS, naiveSearchMatch, type QueueQuery } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { addInquiries, setupDesk, T0, type Desk } from '../../test/setup.ts'
import { createRandom, type Random } from '../seed/random.ts'
import { getQueueCounts, getQueuePage } from './queue.service.ts'

const manager = { id: 1, role: 'manager' as const, departmentId: null }

// few distinct pieces, so that terms cut from one text occur in many others
const HAN = ['停', '车', '难', '渗', '水', '噪', '音', '路', '灯', '〇']
const WORDS = ['a', 'B', 'jz', 'Jz3', 'ＡＢ', 'é']
const DIGITS = ['1', '23', '2024', '１２']
const SEPARATORS = ['，', '-', '。', '⺀', '😀']

function text(rnd: Random, pieces: number): string {
  let s = ''
  for (let i = 0; i < pieces; i++) {
    const kind = rnd.int(0, 9)
    s += rnd.pick(kind < 6 ? HAN : kind < 7 ? WORDS : kind < 8 ? DIGITS : SEPARATORS)
  }
  return s
}

/** A piece of `t` of `n` code points starting at a random place (the whole of it when shorter). */
function cut(rnd: Random, t: string, n: number): string {
  const chars = Array.from(t)
  const from = rnd.int(0, Math.max(0, chars.length - n))
  return chars.slice(from, from + n).join('')
}

async function seedDesk(rnd: Random, count: number) {
  const desk = await setupDesk()
  const rows = Array.from({ length: count }, (_, i) => ({
    channelCode: DEFAULT_CHANNELS[i % DEFAULT_CHANNELS.length]!.code,
    externalId: `S${i}`,
    subject: text(rnd, rnd.int(1, 8)),
    body: text(rnd, rnd.int(0, 40)),
    receivedAt: T0 - i * 60_000,
  }))
  await addInquiries(desk.db, rows)
  return { desk, rows }
}

/** Every page of the whole queue with `q`, as subject+body pairs' external ids. */
async function searchAll(desk: Desk, q: string): Promise<Set<string>> {
  const found = new Set<string>()
  let cursor: string | undefined
  do {
    const query: QueueQuery = { status: 'all', sort: 'received_desc', limit: 100, q, cursor }
    const page = await getQueuePage(desk.db, query, manager, T0)
    for (const item of page.items) found.add(item.externalId)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return found
}

describe('text search', () => {
  it('finds exactly what a plain scan finds, for 1-, 2-, 3- and 6-character terms and mixed Latin, Han and digits', async () => {
    const rnd = createRandom(20261206)
    const { desk, rows } = await seedDesk(rnd, 400)
    const hanOnly = (t: string) => t.replace(/[^\p{Script=Han}]/gu, '')
    const terms = new Set<string>([
      '渗水',
      '停车难',
      '水',
      '〇',
      'jz',
      'jz3',
      '2024',
      'a停',
      '水-jz3',
      '音1',
    ])
    for (let i = 0; i < 12; i++) {
      const r = rnd.pick(rows)
      for (const n of [1, 2, 3, 6]) terms.add(cut(rnd, hanOnly(r.body) || '渗水', n))
      terms.add(cut(rnd, r.body || r.subject, rnd.int(2, 8)))
      terms.add(text(rnd, rnd.int(1, 3)))
    }
    let withHits = 0
    for (const q of terms) {
      const expected = new Set(
        rows
          .filter((r) => naiveSearchMatch(r.subject, q) || naiveSearchMatch(r.body, q))
          .map((r) => r.externalId),
      )
      if (expected.size > 0) withHits++
      expect({ q, found: [...(await searchAll(desk, q))].sort() }).toEqual({
        q,
        found: [...expected].sort(),
      })
      expect({
        q,
        total: (await getQueueCounts(desk.db, { status: 'all', q }, manager, T0)).total,
      }).toEqual({ q, total: expected.size })
    }
    // the comparison means something only if most terms find rows and some find none
    expect(withHits).toBeGreaterThan(terms.size / 2)
    expect(withHits).toBeLessThan(terms.size)
  })

  it('needs every word of the search box', async () => {
    const { desk } = await seedDesk(createRandom(7), 0)
    await addInquiries(desk.db, [
      { externalId: 'A', subject: '路灯不亮', body: '小区路灯坏了三天' },
      { externalId: 'B', subject: '路灯', body: '噪音扰民' },
    ])
    expect([...(await searchAll(desk, '路灯 三天'))]).toEqual(['A'])
    expect([...(await searchAll(desk, '路灯  。 '))].sort()).toEqual(['A', 'B'])
  })
})
