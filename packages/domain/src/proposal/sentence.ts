/**
 * The annual report's sentences about suggestions and proposals and about phone consultations, in
 * the form of the 2017 annual report of the bureau whose figures seed the desk (a municipal planning
 * and land-resources bureau, Shenyang):
 *
 * 2017年，我局共承办省市建议提案84件，省人大5件（其中主办件1件，协办件4件），省政协协办件2件；市人大45件
 * （其中主办件27件，协办件18件）；市政协32件（其中主办件7件，协办件25件）。主办市政协重点提案2件。
 *
 * Rules read off that sentence:
 * - a source with lead and co-unit items reads `省人大5件（其中主办件1件，协办件4件）`; with only one
 *   of them `省政协协办件2件` / `市人大主办件3件`; a source with none is left out;
 * - the province-level sources form one clause (joined by ，); every other source is a clause of its
 *   own; clauses are joined by ；
 * - `省市` names the levels present (省, 市, 省市); with a source of another level, none is named;
 * - when one source is present and the heading already names it (`市人大建议3件`), its clause is
 *   not repeated: `市人大建议3件（其中主办件2件，协办件1件）`, or `市政协提案2件，均为协办件`;
 * - key items follow as `主办市政协重点提案2件。` (and `协办…` when a co-unit item is key), sources
 *   joined by 、; no sentence when there are none.
 *
 * Terms (proposal.ts, proposalItemTerm): congresses send suggestions (建议), CPPCC committees
 * proposals (提案). The seed's heading `建议提案` names both because both are present; a year of
 * one kind says `市人大建议3件` / `市政协提案2件`, and a congress's key item is 重点建议, not 重点提案.
 */
import {
  DEFAULT_PROPOSAL_SOURCES,
  proposalItemTerm,
  proposalSourceKind,
  proposalSourceLevel,
} from './proposal.ts'
import type { ProposalRole } from './roles.ts'

/** Counts of one source body: items per role, and key items per role. */
export type ProposalSourceCount = {
  source: string
  lead: number
  co: number
  keyLead: number
  keyCo: number
}

/** One proposal as the sentence counts it. */
export type CountedProposal = { source: string; role: ProposalRole; isKey: boolean }

/**
 * Counts per source, the default sources first in their report order, then others in order of
 * first appearance. Sources without items are kept only when they are defaults.
 */
export function countProposals(items: Iterable<CountedProposal>): ProposalSourceCount[] {
  const bySource = new Map<string, ProposalSourceCount>(
    DEFAULT_PROPOSAL_SOURCES.map((s) => [
      s.name,
      { source: s.name, lead: 0, co: 0, keyLead: 0, keyCo: 0 },
    ]),
  )
  for (const p of items) {
    let c = bySource.get(p.source)
    if (!c) bySource.set(p.source, (c = { source: p.source, lead: 0, co: 0, keyLead: 0, keyCo: 0 }))
    c[p.role] += 1
    if (p.isKey) c[p.role === 'lead' ? 'keyLead' : 'keyCo'] += 1
  }
  return [...bySource.values()]
}

function checkCount(n: number, what: string) {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`)
}

function sourcePart(c: ProposalSourceCount): string {
  if (c.lead > 0 && c.co > 0)
    return `${c.source}${c.lead + c.co}件（其中主办件${c.lead}件，协办件${c.co}件）`
  return c.lead > 0 ? `${c.source}主办件${c.lead}件` : `${c.source}协办件${c.co}件`
}

/** The roles of a source the heading names: （其中主办件1件，协办件2件）, or ，均为主办件 / ，均为协办件. */
function rolesOnly(c: ProposalSourceCount): string {
  if (c.lead > 0 && c.co > 0) return `（其中主办件${c.lead}件，协办件${c.co}件）`
  return c.lead > 0 ? '，均为主办件' : '，均为协办件'
}

function keyPart(
  prefix: string,
  counts: readonly ProposalSourceCount[],
  key: 'keyLead' | 'keyCo',
): string | null {
  const parts = counts
    .filter((c) => c[key] > 0)
    .map((c) => `${c.source}重点${proposalItemTerm([c.source])}${c[key]}件`)
  return parts.length ? `${prefix}${parts.join('、')}` : null
}

/**
 * What the items are called after the levels: 建议提案 for both kinds (the seed's 省市建议提案),
 * else the body and its word (市人大建议, 省市政协提案), so one kind is not called the other.
 */
function headingTerm(present: readonly ProposalSourceCount[]): string {
  const first = present[0]
  const term = proposalItemTerm(present.map((c) => c.source))
  if (first === undefined || term === '建议提案') return '建议提案'
  return `${proposalSourceKind(first.source) === 'suggestion' ? '人大' : '政协'}${term}`
}

/**
 * The proposals sentence of `year` (see the module's rules).
 * @param counts per source, in the order to write them (countProposals gives the report's order)
 * @throws RangeError when a count is not a non-negative integer, or a source has more key items
 *   than items of that role
 */
export function formatProposalsSentence(
  year: number,
  counts: readonly ProposalSourceCount[],
): string {
  for (const c of counts) {
    for (const k of ['lead', 'co', 'keyLead', 'keyCo'] as const)
      checkCount(c[k], `${c.source} ${k}`)
    if (c.keyLead > c.lead || c.keyCo > c.co)
      throw new RangeError(`${c.source}: more key items than items`)
  }
  const present = counts.filter((c) => c.lead + c.co > 0)
  const total = present.reduce((s, c) => s + c.lead + c.co, 0)
  const levels = new Set(present.map((c) => proposalSourceLevel(c.source)))
  const levelNames = levels.has('other')
    ? ''
    : `${levels.has('province') ? '省' : ''}${levels.has('city') ? '市' : ''}`
  const province = present
    .filter((c) => proposalSourceLevel(c.source) === 'province')
    .map(sourcePart)
  const clauses = [
    ...(province.length ? [province.join('，')] : []),
    ...present.filter((c) => proposalSourceLevel(c.source) !== 'province').map(sourcePart),
  ]
  const heading = `${levelNames}${headingTerm(present)}`
  const only = present.length === 1 ? present[0] : undefined
  // one source the heading already names (市人大建议 for 市人大): its roles only, not the source again
  const detail =
    only && heading.startsWith(only.source)
      ? rolesOnly(only)
      : clauses.length
        ? `，${clauses.join('；')}`
        : ''
  const head = `${year}年，我局共承办${heading}${total}件${detail}。`
  const keys = [keyPart('主办', present, 'keyLead'), keyPart('协办', present, 'keyCo')].filter(
    (k) => k !== null,
  )
  return keys.length ? `${head}${keys.join('，')}。` : head
}

/**
 * The phone-consultation sentence: `2017年共接听群众咨询电话1936个。`
 * @throws RangeError when `calls` is not a non-negative integer
 */
export function formatPhoneSentence(year: number, calls: number): string {
  checkCount(calls, 'calls')
  return `${year}年共接听群众咨询电话${calls}个。`
}
