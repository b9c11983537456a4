/**
 * Generated inquiries and search terms for the search tests (the engine against the naive scan,
 * and the two engines against each other): few distinct pieces, so that terms cut from one text
 * occur in many others, with Latin words, digits, full-width forms and separators mixed in.
 */
import { DEFAULT_CHANNELS, type QueueQuery } from '@desk/domain'
import type { Db } from '../db/client.ts'
import { getQueuePage } from '../modules/inquiries/queue.service.ts'
import type { Random } from '../modules/seed/random.ts'
import { addInquiries, T0 } from './setup.ts'

export const SEARCH_MANAGER = { id: 1, role: 'manager' as const, departmentId: null }

const HAN = ['停', '车', '难', '渗', '水', '噪', '音', '路', '灯', '〇']
const WORDS = ['a', 'B', 'jz', 'Jz3', 'ＡＢ', 'é']
const DIGITS = ['1', '23', '2024', '１２']
const SEPARATORS = ['，', '-', '。', '⺀', '😀']

/** A text of `pieces` random pieces. */
export function searchText(rnd: Random, pieces: number): string {
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

export type SearchRow = {
  channelCode: string
  externalId: string
  subject: string
  body: string
  receivedAt: number
}

/** `count` generated inquiries (a minute apart, before T0), written through the ingest path. */
export async function addSearchRows(db: Db, rnd: Random, count: number): Promise<SearchRow[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    channelCode: DEFAULT_CHANNELS[i % DEFAULT_CHANNELS.length]!.code,
    externalId: `S${i}`,
    subject: searchText(rnd, rnd.int(1, 8)),
    body: searchText(rnd, rnd.int(0, 40)),
    receivedAt: T0 - i * 60_000,
  }))
  await addInquiries(db, rows)
  return rows
}

/**
 * Search terms for `rows`: fixed ones, and 1-, 2-, 3- and 6-character Han pieces, mixed pieces and
 * random texts cut from or made like the rows' texts, and external ids (rows' and one unknown).
 */
export function searchTerms(rnd: Random, rows: readonly SearchRow[]): Set<string> {
  const hanOnly = (t: string) => t.replace(/[^\p{Script=Han}]/gu, '')
  const terms = new Set(['渗水', '停车难', '水', '〇', 'jz', 'jz3', '2024', 'a停', '水-jz3', '音1'])
  for (let i = 0; i < 12; i++) {
    const r = rnd.pick(rows)
    for (const n of [1, 2, 3, 6]) terms.add(cut(rnd, hanOnly(r.body) || '渗水', n))
    terms.add(cut(rnd, r.body || r.subject, rnd.int(2, 8)))
    terms.add(searchText(rnd, rnd.int(1, 3)))
  }
  // external ids, found whole (S1 is not S10) and in any ASCII case, one in its full-width spelling
  for (const id of ['S1', 's12', 'Ｓ２', 'ｓ３', 'S99999']) terms.add(id)
  return terms
}

/** Every page of the whole queue with `q` (newest first), as external ids in page order. */
export async function searchAll(db: Db, q: string, limit = 100): Promise<string[]> {
  const found: string[] = []
  let cursor: string | undefined
  do {
    const query: QueueQuery = { status: 'all', sort: 'received_desc', limit, q, cursor }
    const page = await getQueuePage(db, query, SEARCH_MANAGER, T0)
    for (const item of page.items) found.push(item.externalId)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return found
}
