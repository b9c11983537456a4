/**
 * The engine's text search against the specification (domain `naiveSearchMatch`, a plain scan
 * with no tokens) on generated inquiries: for every term, the queue's rows (all pages) and its
 * counts are exactly the inquiries whose subject or body the scan finds the term in. Written
 * against the services and setupDesk only, so the same test runs on either engine.
 */
import { externalIdKey, naiveSearchMatch, type InquiryFilter } from '@desk/domain'
import { notInArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { addSearchRows, SEARCH_MANAGER, searchAll, searchTerms } from '../../test/search-data.ts'
import { addInquiries, setupDesk, T0 } from '../../test/setup.ts'
import { createRandom } from '../seed/random.ts'
import type { Db } from '../../db/client.ts'
import { engineOf, tables } from '../../db/engine.ts'
import { indexDrivenFilter } from '../../db/inquiry-filter.ts'
import { fewestMatches } from '../../db/search-index.ts'
import { searchDocuments } from '../../db/search-pg.ts'
import { listInquiries } from './inquiries.repo.ts'
import type { QueueCursor } from './queue-cursor.ts'
import { getQueueCounts, getQueuePage } from './queue.service.ts'

/** Every row of the list for `filter`, paged by cursor 2 at a time, newest first. */
async function listAll(db: Db, filter: Omit<InquiryFilter, 'channel'>) {
  const all: number[] = []
  let cursor: QueueCursor | undefined
  for (;;) {
    const rows = await listInquiries(db, {
      filter,
      viewer: SEARCH_MANAGER,
      sort: 'received_desc',
      limit: 2,
      cursor,
    })
    all.push(...rows.slice(0, 2).map((r) => r.id))
    const last = rows[1]
    if (rows.length <= 2 || !last) return all
    cursor = { sort: 'received_desc', key: last.receivedAt, id: last.id }
  }
}

describe('text search', () => {
  it('finds exactly what a plain scan finds, for 1-, 2-, 3- and 6-character terms and mixed Latin, Han and digits', async () => {
    const rnd = createRandom(20261206)
    const desk = await setupDesk()
    const rows = await addSearchRows(desk.db, rnd, 400)
    const terms = searchTerms(rnd, rows)
    let withHits = 0
    for (const q of terms) {
      // the text, or the external id whole in any ASCII case (as typed, or NFKC: a full-width
      // Ｓ２ is S2)
      const expected = new Set(
        rows
          .filter(
            (r) =>
              naiveSearchMatch(r.subject, q) ||
              naiveSearchMatch(r.body, q) ||
              [q, q.normalize('NFKC')].map(externalIdKey).includes(externalIdKey(r.externalId)),
          )
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

  it('gives the same pages whether a page is walked in order or looked up in the index', async () => {
    const desk = await setupDesk()
    // 30 rows, newest first: 噪音 in every third, 路灯 only in the two oldest
    await addInquiries(
      desk.db,
      Array.from({ length: 30 }, (_, i) => ({
        externalId: `R${i}`,
        subject: i % 3 === 0 ? '夜间噪音' : '咨询',
        body: i < 2 ? '路灯不亮' : '请答复',
        receivedAt: T0 - (30 - i) * 60_000,
      })),
    )
    // walkRows: the probing walk; setWalkRows: SQLite's walk against the word's list; both 0 is
    // the lookup of every match
    const pages = async (q: string, walkRows: number, lookupBelow = 0, setWalkRows = 0) => {
      const ids: number[][] = []
      let cursor: { sort: 'received_desc'; key: number; id: number } | undefined
      for (;;) {
        const rows = await listInquiries(desk.db, {
          filter: { status: 'all', q },
          viewer: SEARCH_MANAGER,
          sort: 'received_desc',
          limit: 3,
          cursor,
          walkRows,
          lookupBelow,
          probeWalkFrom: 0,
          setWalkRows,
        })
        ids.push(rows.slice(0, 3).map((r) => r.id))
        const last = rows[2]
        if (rows.length <= 3 || !last) return ids
        cursor = { sort: 'received_desc', key: last.receivedAt, id: last.id }
      }
    }
    // 12 rows walked hold a page of 噪音 (every third row) and of 答复, none of 路灯 (the two
    // oldest rows); a walk of 0 rows always asks the index
    for (const q of ['噪音', '路灯', '答复'])
      expect({ q, pages: await pages(q, 12) }).toEqual({ q, pages: await pages(q, 0) })
    // a word with fewer index entries than lookupBelow skips the walk (SQLite counts them; 路灯
    // has 2, 噪音 10): the same pages again
    for (const q of ['噪音', '路灯', '答复', '路灯 不亮'])
      expect({ q, pages: await pages(q, 12, 5) }).toEqual({ q, pages: await pages(q, 0) })
    // SQLite's second walk, against the word's list: alone, after a probing walk too short to
    // fill a page, and in windows of 10 rows from each cursor (噪音's page of 3 + 1 needs 10 rows,
    // so some pages fill from the window and the next ones fall back to the lookup)
    for (const [walkRows, setWalkRows] of [
      [0, 12],
      [2, 12],
      [0, 10],
      [0, 9],
    ] as const)
      for (const q of ['噪音', '路灯', '答复', '夜间 噪音', 'R3 答复'])
        expect({
          q,
          walkRows,
          setWalkRows,
          pages: await pages(q, walkRows, 0, setWalkRows),
        }).toEqual({ q, walkRows, setWalkRows, pages: await pages(q, 0) })
    expect((await pages('噪音', 12)).flat()).toHaveLength(10)
    expect((await pages('路灯', 12)).flat()).toEqual([2, 1])
  })

  it('counts a search up to the cap and says when it stopped there; the list still pages through every match', async () => {
    const desk = await setupDesk()
    // 噪音 in 10 rows (4 on the hotline, 6 on 民心网), 路灯 in 2, among 20 others
    await addInquiries(
      desk.db,
      Array.from({ length: 32 }, (_, i) => ({
        externalId: `C${i}`,
        channelCode: i % 5 < 2 ? 'hotline_12345' : 'minxin',
        subject: i < 10 ? '夜间噪音' : i < 12 ? '路灯不亮' : '咨询',
        body: '请答复',
        receivedAt: T0 - (i + 1) * 60_000,
      })),
    )
    const counts = async (q: string | undefined, cap: number) =>
      await getQueueCounts(desk.db, { status: 'all', ...(q ? { q } : {}) }, SEARCH_MANAGER, T0, cap)
    // one more match than the cap: more than 9, no channel counted
    expect(await counts('噪音', 9)).toEqual({
      total: 9,
      byChannel: expect.objectContaining({ hotline_12345: null, minxin: null }),
      capped: true,
    })
    expect(Object.values((await counts('噪音', 9)).byChannel).every((n) => n === null)).toBe(true)
    // ...while the list pages through all 10, 3 a page
    expect((await searchAll(desk.db, '噪音', 3)).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `C${i}`).sort(),
    )
    // exactly the cap: counted, per channel, and the list per channel equals it
    const exact = await counts('噪音', 10)
    expect(exact).toMatchObject({
      total: 10,
      byChannel: { hotline_12345: 4, minxin: 6 },
      capped: false,
    })
    for (const channel of ['hotline_12345', 'minxin']) {
      const page = await getQueuePage(
        desk.db,
        { status: 'all', sort: 'received_desc', limit: 50, q: '噪音', channel },
        SEARCH_MANAGER,
        T0,
      )
      expect({ channel, n: page.items.length }).toEqual({ channel, n: exact.byChannel[channel] })
    }
    // a rare word under the cap, and a filter without text (read in full, never capped)
    expect(await counts('路灯', 9)).toMatchObject({ total: 2, capped: false })
    expect(await counts(undefined, 9)).toMatchObject({
      total: 32,
      byChannel: { hotline_12345: 14, minxin: 18 },
      capped: false,
    })
  })

  it('counts from the index list what the list pages through: words in subject and body once, every word, ids and other filters', async () => {
    const desk = await setupDesk()
    // 噪音 in the subject and the body of N0–N5 (each once in the counts), in the body alone of
    // N6–N8; 夜间 with it in N0–N3; N4 and N5 pending, the rest closed
    await addInquiries(
      desk.db,
      Array.from({ length: 12 }, (_, i) => ({
        externalId: `N${i}`,
        channelCode: i % 2 === 0 ? 'hotline_12345' : 'minxin',
        subject: i < 4 ? '夜间噪音' : i < 6 ? '噪音扰民' : '咨询',
        body: i < 9 ? '噪音很大' : '请答复',
        receivedAt: T0 - (i + 1) * 60_000,
      })),
    )
    const { db } = desk
    const { inquiries } = tables(db)
    await db
      .update(inquiries)
      .set({ status: 'closed' })
      .where(notInArray(inquiries.externalId, ['N4', 'N5']))
    const both = async (filter: Omit<InquiryFilter, 'channel'>, cap = 100) => {
      const counts = await getQueueCounts(db, filter, SEARCH_MANAGER, T0, cap)
      const list = await listAll(db, filter)
      return { total: counts.total, capped: counts.capped, list: list.length, counts }
    }
    expect(await both({ status: 'all', q: '噪音' })).toMatchObject({
      total: 9,
      list: 9,
      capped: false,
      counts: { byChannel: { hotline_12345: 5, minxin: 4 } },
    })
    // the cap's edge with a word in two columns: 9 matches under caps of 8 and 9
    expect(await both({ status: 'all', q: '噪音' }, 8)).toMatchObject({ total: 8, capped: true })
    expect(await both({ status: 'all', q: '噪音' }, 9)).toMatchObject({ total: 9, capped: false })
    // every word: both phrases in the index, then a phrase and an external id (N3 has 噪音)
    expect(await both({ status: 'all', q: '夜间 噪音' })).toMatchObject({ total: 4, list: 4 })
    expect(await both({ status: 'all', q: '噪音 n3' })).toMatchObject({ total: 1, list: 1 })
    expect(await both({ status: 'all', q: '噪音 N10' })).toMatchObject({ total: 0, list: 0 })
    // a status, and a field besides status and text (read from the inquiries, not the list)
    expect(await both({ status: 'pending', q: '噪音' })).toMatchObject({ total: 2, list: 2 })
    expect(await both({ status: 'pending', q: '噪音', replied: 'no' })).toMatchObject({
      total: 2,
      list: 2,
    })
    expect(await both({ status: 'all', q: '噪音', replied: 'yes' })).toMatchObject({
      total: 0,
      list: 0,
    })
    const onSqlite = engineOf(db) === 'sqlite'
    expect(!!indexDrivenFilter(db, { status: 'pending', q: '夜间 噪音' }, SEARCH_MANAGER)).toBe(
      onSqlite,
    )
    expect(indexDrivenFilter(db, { status: 'all', q: '噪音', replied: 'no' }, SEARCH_MANAGER)).toBe(
      undefined,
    )
    expect(indexDrivenFilter(db, { status: 'all', q: 'N3' }, SEARCH_MANAGER)).toBe(undefined)
  })

  it('counts a phrase from the search index outward: a text cut into parts once, a match in a later part only, other words, the cap', async () => {
    const desk = await setupDesk()
    // PostgreSQL cuts a text into parts where a lexeme would pass 255 positions, the next part
    // repeating the previous part's last 127 tokens (search-pg.ts): 容积率 in both parts of the
    // first text, and only in the second part of the next
    const twoParts = '容积率调整。'.repeat(300)
    const laterPart = `${'路灯不亮。'.repeat(300)}容积率`
    const parts = (body: string) =>
      searchDocuments('', body).map((doc) => doc.includes("'容积'") && doc.includes("'积率'"))
    expect(parts(twoParts)).toEqual([true, true])
    expect(parts(laterPart)).toEqual([false, true])
    await addInquiries(desk.db, [
      { externalId: 'P1', channelCode: 'minxin', subject: '咨询', body: twoParts },
      { externalId: 'P2', channelCode: 'minxin', subject: '咨询', body: laterPart },
      // 容积率 in 6 more (3 on each channel), V3 among them; 容积 without 率 in 2
      ...Array.from({ length: 8 }, (_, i) => ({
        externalId: `V${i}`,
        channelCode: i % 2 === 0 ? 'hotline_12345' : 'minxin',
        subject: i < 6 ? '容积率核实' : '容积核实',
        body: i === 0 ? '路灯' : '请答复',
      })),
    ])
    // read from the index outward on both engines (on PostgreSQL a phrase only, the other words
    // then probed per row); a one-token word on SQLite only; an external id never
    const driven = (q: string) => !!indexDrivenFilter(desk.db, { status: 'all', q }, SEARCH_MANAGER)
    const onSqlite = engineOf(desk.db) === 'sqlite'
    expect([driven('容积率'), driven('路灯 容积率'), driven('容积率 V3')]).toEqual([
      true,
      true,
      true,
    ])
    expect([driven('容积 核实'), driven('V3')]).toEqual([onSqlite, false])
    const counts = async (q: string, cap = 100) =>
      await getQueueCounts(desk.db, { status: 'all', q }, SEARCH_MANAGER, T0, cap)
    // each text once however many parts match, per channel, and the list the same rows
    expect(await counts('容积率')).toMatchObject({
      total: 8,
      byChannel: { hotline_12345: 3, minxin: 5 },
      capped: false,
    })
    expect((await searchAll(desk.db, '容积率', 3)).sort()).toEqual(
      ['P1', 'P2', 'V0', 'V1', 'V2', 'V3', 'V4', 'V5'].sort(),
    )
    // at the cap exact, one past it capped
    expect(await counts('容积率', 8)).toMatchObject({ total: 8, capped: false })
    expect(await counts('容积率', 7)).toMatchObject({ total: 7, capped: true })
    // the other words of the box: text, a later part's text, an external id
    for (const [q, found] of [
      ['容积率 调整', ['P1']],
      ['路灯 容积率', ['P2', 'V0']],
      ['容积率 V3', ['V3']],
      ['容积 核实', ['V0', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7']],
    ] as const) {
      expect({ q, total: (await counts(q)).total }).toEqual({ q, total: found.length })
      expect({ q, found: (await searchAll(desk.db, q)).sort() }).toEqual({ q, found: [...found] })
    }
  })

  it('tells a search with a word of fewer index entries than a bound on SQLite, and never on PostgreSQL', async () => {
    const desk = await setupDesk()
    await addInquiries(
      desk.db,
      Array.from({ length: 12 }, (_, i) => ({
        externalId: `F${i}`,
        subject: i < 10 ? '夜间噪音' : '路灯不亮',
        body: '请答复',
      })),
    )
    const onSqlite = engineOf(desk.db) === 'sqlite'
    expect(fewestMatches(desk.db, '噪音', 10)).toBe(10)
    expect(fewestMatches(desk.db, '噪音', 11)).toBe(onSqlite ? 10 : 11)
    // every word must match: the rarer one bounds the search
    expect(fewestMatches(desk.db, '噪音 路灯', 3)).toBe(onSqlite ? 2 : 3)
    expect(fewestMatches(desk.db, '噪音 答复', 3)).toBe(3)
  })

  it('finds an inquiry by its exact external id on every page and in the counts, the text index untouched', async () => {
    const desk = await setupDesk()
    await addInquiries(desk.db, [
      { externalId: 'GD-20241001-0007', subject: '噪音扰民', body: '夜间施工' },
      { externalId: 'GD-20241001-00071', subject: '路灯不亮', body: '请尽快修复' },
      { externalId: 'NODIGITS', subject: '咨询', body: '请答复' },
      // the number in another inquiry's text: found by its text, as before
      { externalId: 'MX-1', subject: '追问', body: '工单GD-20241001-0007仍未办结' },
      ...Array.from({ length: 12 }, (_, i) => ({
        externalId: `R${i}`,
        subject: '咨询',
        body: '请答复',
        receivedAt: T0 - (i + 1) * 60_000,
      })),
    ])
    const total = async (q: string) =>
      (await getQueueCounts(desk.db, { status: 'all', q }, SEARCH_MANAGER, T0)).total
    const both = async (q: string) => ({
      q,
      list: (await searchAll(desk.db, q, 2)).sort(),
      total: await total(q),
    })
    expect(await both('GD-20241001-0007')).toEqual({
      q: 'GD-20241001-0007',
      list: ['GD-20241001-0007', 'MX-1'],
      total: 2,
    })
    // whole ids only: a part is no id (MX-1's text has it, read as words with a prefix as before)
    expect(await both('GD-2024100')).toEqual({ q: 'GD-2024100', list: ['MX-1'], total: 1 })
    // in any ASCII case: staff type the number as they hear it
    expect(await both('gd-20241001-00071')).toEqual({
      q: 'gd-20241001-00071',
      list: ['GD-20241001-00071'],
      total: 1,
    })
    expect(await both('ＧＤ－２０２４１００１－０００７１')).toEqual({
      q: 'ＧＤ－２０２４１００１－０００７１',
      list: ['GD-20241001-00071'],
      total: 1,
    })
    // a word without a digit is no work-order number: only its text is looked up
    expect(await both('NODIGITS')).toEqual({ q: 'NODIGITS', list: [], total: 0 })
    // every word must match: the id and a word of that inquiry's text
    expect(await both('R3 答复')).toEqual({ q: 'R3 答复', list: ['R3'], total: 1 })
    expect(await both('R3 噪音')).toEqual({ q: 'R3 噪音', list: [], total: 0 })
    // a walk of the queue's order finds the id as the index lookup does
    const page = async (walkRows: number) =>
      (
        await listInquiries(desk.db, {
          filter: { status: 'all', q: 'R7' },
          viewer: SEARCH_MANAGER,
          sort: 'received_desc',
          limit: 0,
          walkRows,
          // always walk first (a word this rare is otherwise looked up at once on SQLite), and
          // on SQLite walk again against the word's list
          lookupBelow: 0,
          probeWalkFrom: 0,
          setWalkRows: walkRows,
        })
      ).map((r) => r.externalId)
    expect(await page(20)).toEqual(['R7'])
    expect(await page(0)).toEqual(['R7'])
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
