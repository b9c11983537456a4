import { describe, expect, it } from 'vitest'
import { externalIdKey } from '../external-id.ts'
import {
  isFutureAssignment,
  normaliseProposalNumber,
  proposalIdentity,
  proposalInputSchema,
} from './proposal.ts'

const key = (source: string, session: string, number: string) =>
  externalIdKey(proposalIdentity({ source, session, number }))

describe('proposalIdentity', () => {
  it('tells the bodies apart: 区人大 第101号 is not 市人大 第101号', () => {
    expect(proposalIdentity({ source: '市人大', session: '十六届五次', number: '101' })).toBe(
      '市人大·十六届五次第101号',
    )
    expect(key('区人大', '十六届五次', '101')).not.toBe(key('市人大', '十六届五次', '101'))
    expect(key('市人大', '十六届五次', '101')).not.toBe(key('市人大', '十六届四次', '101'))
  })

  it('is one item whatever the spacing, full-width forms, leading zeros and ASCII case', () => {
    const one = key('市人大', '十六届五次', '123')
    for (const [source, session, number] of [
      ['市人大', '十六届五次', '0123'],
      ['市人大', '十六届 五次', '123'],
      [' 市人大 ', '十六届\u3000五次', '00123'],
      ['市人大', '十六届五次', '０１２３'],
      ['市人大', '十六届五次', '12 3'],
    ] as const)
      expect([source, session, number, key(source, session, number)]).toEqual([
        source,
        session,
        number,
        one,
      ])
    expect(key('市政协', '十四届三次', 'A-12')).toBe(key('市政协', '十四届三次', 'a-12'))
    expect(proposalIdentity({ source: '市人大', session: '十六届五次', number: '000' })).toBe(
      '市人大·十六届五次第0号',
    )
  })
})

describe('the number as entered', () => {
  it('is stored with full-width forms as ASCII and spaces removed, leading zeros kept', () => {
    expect(normaliseProposalNumber('０１２３')).toBe('0123')
    expect(normaliseProposalNumber(' 01 23 ')).toBe('0123')
    const parsed = proposalInputSchema.parse({
      source: '市人大',
      session: '十六届五次',
      number: '０１２３',
      role: 'lead',
      title: '关于加快老旧小区改造的建议',
      deputyName: '王代表',
      assignedOn: '2026-11-30',
    })
    expect(parsed.number).toBe('0123')
  })
})

describe('isFutureAssignment', () => {
  it('refuses only a day after today', () => {
    expect(isFutureAssignment('2026-12-07', '2026-12-06')).toBe(true)
    expect(isFutureAssignment('2026-12-06', '2026-12-06')).toBe(false)
  })
})
