import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { proposalInputSchema, proposalItemTerm, proposalReference } from './proposal.ts'
import type { ProposalRole } from './roles.ts'
import {
  countProposals,
  formatPhoneSentence,
  formatProposalsSentence,
  type CountedProposal,
} from './sentence.ts'

const SEED_2017 =
  '2017年，我局共承办省市建议提案84件，省人大5件（其中主办件1件，协办件4件），省政协协办件2件；市人大45件（其中主办件27件，协办件18件）；市政协32件（其中主办件7件，协办件25件）。主办市政协重点提案2件。'

const many = (n: number, source: string, role: ProposalRole, isKey = false): CountedProposal[] =>
  Array.from({ length: n }, () => ({ source, role, isKey }))

describe('the proposals sentence', () => {
  it('reproduces the 2017 report word for word from 84 items', () => {
    const items = [
      ...many(1, '省人大', 'lead'),
      ...many(4, '省人大', 'co'),
      ...many(2, '省政协', 'co'),
      ...many(27, '市人大', 'lead'),
      ...many(18, '市人大', 'co'),
      ...many(5, '市政协', 'lead'),
      ...many(2, '市政协', 'lead', true),
      ...many(25, '市政协', 'co'),
    ].reverse()
    expect(formatProposalsSentence(2017, countProposals(items))).toBe(SEED_2017)
  })

  it('reads naturally with sources that have only lead items, only co-unit items, or none', () => {
    expect(
      formatProposalsSentence(
        2018,
        countProposals([...many(3, '市人大', 'lead'), ...many(1, '省政协', 'co', true)]),
      ),
    ).toBe(
      '2018年，我局共承办省市建议提案4件，省政协协办件1件；市人大主办件3件。协办省政协重点提案1件。',
    )
    expect(formatProposalsSentence(2018, countProposals(many(2, '市政协', 'co')))).toBe(
      '2018年，我局共承办市政协提案2件，均为协办件。',
    )
    // one source with both roles: the heading names it, the clause gives only the roles
    expect(
      formatProposalsSentence(
        2026,
        countProposals([...many(2, '市人大', 'lead'), ...many(1, '市人大', 'co')]),
      ),
    ).toBe('2026年，我局共承办市人大建议3件（其中主办件2件，协办件1件）。')
    // a source of another level is not named by the heading: its clause stays
    expect(formatProposalsSentence(2026, countProposals(many(1, '区政协', 'lead')))).toBe(
      '2026年，我局共承办政协提案1件，区政协主办件1件。',
    )
    expect(formatProposalsSentence(2018, countProposals([]))).toBe(
      '2018年，我局共承办建议提案0件。',
    )
    expect(
      formatProposalsSentence(
        2018,
        countProposals([...many(1, '区政协', 'lead', true), ...many(1, '市人大', 'lead', true)]),
      ),
    ).toBe(
      '2018年，我局共承办建议提案2件，市人大主办件1件；区政协主办件1件。主办市人大重点建议1件、区政协重点提案1件。',
    )
  })

  it("calls congresses' items suggestions (建议) and CPPCC committees' items proposals (提案)", () => {
    expect(
      formatProposalsSentence(
        2024,
        countProposals([...many(2, '市人大', 'lead', true), ...many(1, '省人大', 'co')]),
      ),
    ).toBe(
      '2024年，我局共承办省市人大建议3件，省人大协办件1件；市人大主办件2件。主办市人大重点建议2件。',
    )
    expect(formatProposalsSentence(2024, countProposals([...many(1, '区政协', 'co', true)]))).toBe(
      '2024年，我局共承办政协提案1件，区政协协办件1件。协办区政协重点提案1件。',
    )
    expect(proposalItemTerm(['市人大', '省政协'])).toBe('建议提案')
    expect(proposalItemTerm(['街道议事会'])).toBe('建议提案')
  })

  it('refuses more key items than items', () => {
    expect(() =>
      formatProposalsSentence(2018, [{ source: '市人大', lead: 1, co: 0, keyLead: 2, keyCo: 0 }]),
    ).toThrow(RangeError)
  })

  // An independent reading: the numbers parsed back out of the sentence equal a count made by filtering the items
  const SOURCES = ['省人大', '省政协', '市人大', '市政协', '区政协']
  const itemArb = fc.record({
    source: fc.constantFrom(...SOURCES),
    role: fc.constantFrom<ProposalRole>('lead', 'co'),
    isKey: fc.boolean(),
  })
  it('states per source exactly the items of a generated year', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 60 }), (items) => {
        const sentence = formatProposalsSentence(2020, countProposals(items))
        const n = (pred: (i: CountedProposal) => boolean) => items.filter(pred).length
        const fromCongress = n((i) => i.source.endsWith('人大'))
        const heading =
          fromCongress === items.length && items.length > 0
            ? '人大建议'
            : fromCongress === 0 && items.length > 0
              ? '政协提案'
              : '建议提案'
        expect(sentence).toMatch(
          new RegExp(`^2020年，我局共承办(省市|省|市|)${heading}${items.length}件[，。（]`),
        )
        for (const source of SOURCES) {
          const lead = n((i) => i.source === source && i.role === 'lead')
          const co = n((i) => i.source === source && i.role === 'co')
          const full = new RegExp(`${source}(\\d+)件（其中主办件(\\d+)件，协办件(\\d+)件）`).exec(
            sentence,
          )
          const leadOnly = new RegExp(`${source}主办件(\\d+)件`).exec(sentence)
          const coOnly = new RegExp(`${source}协办件(\\d+)件`).exec(sentence)
          // the only source, when the heading names it (市人大建议, not 政协提案 for 区政协): its
          // roles follow the total; a source the heading does not name keeps its own clause
          const sole =
            lead + co === items.length &&
            items.length > 0 &&
            sentence.startsWith(`2020年，我局共承办${source}`)
              ? /件（其中主办件(\d+)件，协办件(\d+)件）|，均为(主办|协办)件/.exec(sentence)
              : null
          const stated = sole
            ? sole[3]
              ? sole[3] === '主办'
                ? [items.length, 0]
                : [0, items.length]
              : [Number(sole[1]), Number(sole[2])]
            : full
              ? [Number(full[2]), Number(full[3])]
              : [leadOnly ? Number(leadOnly[1]) : 0, coOnly ? Number(coOnly[1]) : 0]
          expect(stated).toEqual([lead, co])
          if (full) expect(Number(full[1])).toBe(lead + co)
          if (sole) expect(sentence).not.toContain(`，${source}`)
          const keyLead = n((i) => i.source === source && i.role === 'lead' && i.isKey)
          const keyCo = n((i) => i.source === source && i.role === 'co' && i.isKey)
          const keyTerm = source.endsWith('人大') ? '重点建议' : '重点提案'
          const keys = [...sentence.matchAll(new RegExp(`${source}${keyTerm}(\\d+)件`, 'g'))].map(
            (m) => Number(m[1]),
          )
          expect(sentence).not.toContain(
            `${source}${keyTerm === '重点建议' ? '重点提案' : '重点建议'}`,
          )
          expect(keys).toEqual([keyLead, keyCo].filter((k) => k > 0))
        }
        expect(sentence).not.toMatch(/0件（|主办件0件|协办件0件|；；|，，/)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the phone-consultation sentence', () => {
  it('counts the calls of the year', () => {
    expect(formatPhoneSentence(2017, 1936)).toBe('2017年共接听群众咨询电话1936个。')
    expect(() => formatPhoneSentence(2017, -1)).toThrow(RangeError)
  })
})

describe('a proposal as assigned', () => {
  const valid = {
    source: '市人大',
    session: '市人大十六届二次会议',
    number: '0123',
    role: 'co',
    leadUnit: '市城乡建设委员会',
    title: '关于加快老旧小区改造的建议',
    deputyName: '王建国',
    assignedOn: '2017-03-15',
  }
  it('parses with defaults and names its reference', () => {
    const p = proposalInputSchema.parse(valid)
    expect([p.isKey, p.body, proposalReference(p.session, p.number)]).toEqual([
      false,
      '',
      '市人大十六届二次会议第0123号',
    ])
  })
  it('keeps a co-unit named twice once, in the order given', () => {
    const p = proposalInputSchema.parse({
      ...valid,
      role: 'lead',
      leadUnit: undefined,
      coUnits: ['住建局', ' 住建局 ', '规划局', '住建局'],
    })
    expect(p.coUnits).toEqual(['住建局', '规划局'])
  })
  it('a co-unit item must name the lead unit; the number is digits or letters', () => {
    const r = proposalInputSchema.safeParse({ ...valid, leadUnit: ' ', number: '12/3' })
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'leadUnit',
      'number',
    ])
  })
})
