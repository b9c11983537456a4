import { describe, expect, it } from 'vitest'
import {
  ANSWER_TEMPLATES,
  ANSWER_TEMPLATES_2008,
  REASON_PLACEHOLDER,
  UNSIGNED_DATE,
  answerNeedsReason,
  answerPlaceholders,
  answerTemplateOf,
  composeAnswerDocument,
  signAnswerDocument,
} from './answer-document.ts'
import { OUTCOME_CODES } from './outcomes.ts'

const input = {
  agency: '某市自然资源局',
  reference: 'OGI-20240926-ABCDEFGH',
  applicantName: '张三',
  receivedOn: '2024-09-26',
  subject: '某地块出让合同',
  outcome: 'grant' as const,
  decidedOn: '2024-10-08',
  reason: '',
}

describe('the answer document of a disclosure request', () => {
  it('has a template for every outcome, each citing the 条例 unless it is （六）3 其他', () => {
    for (const code of OUTCOME_CODES) {
      const t = ANSWER_TEMPLATES[code]
      expect(
        t.basis.every((a) => t.decision.includes(a)),
        code,
      ).toBe(true)
      expect(t.basis.length > 0, code).toBe(code !== 'other.other')
    }
  })

  it('is a 答复书 for a decision on the information and a 告知书 otherwise, with the remedy in its own words', () => {
    const grant = composeAnswerDocument(input)
    expect(grant.title).toBe('政府信息公开申请答复书')
    expect(grant.paragraphs[0]).toBe(
      '本机关于2024年9月26日收到您提出的政府信息公开申请，申请获取“某地块出让合同”。',
    )
    expect(grant.paragraphs[1]).toContain('第三十六条第（二）项')
    expect(grant.signature).toEqual(['某市自然资源局', UNSIGNED_DATE])
    const repeated = composeAnswerDocument({ ...input, outcome: 'not_processed.repeated' })
    expect(repeated.title).toBe('政府信息公开申请告知书')
    expect(repeated.paragraphs[2]).toBe(
      '如对本告知不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。',
    )
    expect(
      composeAnswerDocument({ ...input, outcome: 'withhold.third_party_rights' }).paragraphs[1],
    ).toBe(
      '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，本机关决定不予公开。',
    )
  })

  it('is dated the day it is signed off (成文日期), not the decision day; the text is otherwise as reviewed', () => {
    const draft = composeAnswerDocument(input)
    expect([draft.signature[1], draft.signedOn]).toEqual([UNSIGNED_DATE, null])
    // decided Tue 2024-10-08, signed off three days later
    const signed = signAnswerDocument(draft, '2024-10-11')
    expect(signed.signature).toEqual(['某市自然资源局', '2024年10月11日'])
    expect(signed.signedOn).toBe('2024-10-11')
    expect(signed.paragraphs).toEqual(draft.paragraphs)
    expect(() => signAnswerDocument(draft, '2024-10-1')).toThrow(RangeError)
  })

  it('names the placeholder an unfinished document holds: 部分公开 without its reason', () => {
    const partial = composeAnswerDocument({ ...input, outcome: 'partial', reason: '  ' })
    expect(answerPlaceholders(partial)).toEqual([REASON_PLACEHOLDER])
    expect(partial.paragraphs[1]).toMatch(/理由如下：（请填写理由）$/)
    const finished = composeAnswerDocument({ ...input, outcome: 'partial', reason: '涉及商业秘密' })
    expect(answerPlaceholders(finished)).toEqual([])
    expect(answerPlaceholders(composeAnswerDocument(input))).toEqual([])
    // the placeholder typed back as the reason, in other brackets or spacing, is still unfinished
    for (const reason of ['(请填写理由)', '请填写理由', '（请 填写理由 ）', '[请填写理由]'])
      expect(
        answerPlaceholders(composeAnswerDocument({ ...input, outcome: 'partial', reason })),
        reason,
      ).toEqual([REASON_PLACEHOLDER])
    // the outcomes whose document states the staff's reason: 部分公开 and （六）3 其他
    expect(OUTCOME_CODES.filter(answerNeedsReason)).toEqual(['partial', 'other.other'])
  })

  it("writes the staff's reason where the outcome needs one, ending it with a full stop, and asks for it when missing", () => {
    expect(
      composeAnswerDocument({ ...input, outcome: 'other.other', reason: '申请人撤回申请' })
        .paragraphs[1],
    ).toBe('本机关对您的申请作如下处理：申请人撤回申请。')
    expect(composeAnswerDocument({ ...input, outcome: 'partial' }).paragraphs[1]).toMatch(
      /理由如下：（请填写理由）$/,
    )
  })

  it('refuses a malformed date', () => {
    expect(() => composeAnswerDocument({ ...input, receivedOn: '2024-9-26' })).toThrow(RangeError)
    expect(() => composeAnswerDocument({ ...input, decidedOn: '2024/10/08' })).toThrow(RangeError)
  })

  it('answers a request received before 2019-05-15 under the 2008 条例: named without article numbers, unverified', () => {
    const old = { ...input, receivedOn: '2017-03-01', decidedOn: '2017-03-20' }
    const grant = composeAnswerDocument(old)
    expect([grant.regulation, grant.basis, grant.verified]).toEqual(['ogi2008', [], false])
    expect(grant.paragraphs[1]).toBe(
      '经审查，您申请获取的政府信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开条例》（国务院令第492号）的有关规定，本机关决定予以公开，现将该政府信息提供给您（见附件）。',
    )
    expect(grant.source).toMatch(/research/)
    // by the receipt: received the day before the revision, decided after it, still 2008
    expect(
      composeAnswerDocument({ ...input, receivedOn: '2019-05-14', decidedOn: '2019-06-03' })
        .regulation,
    ).toBe('ogi2008')
    expect(
      composeAnswerDocument({ ...input, receivedOn: '2019-05-15', decidedOn: '2019-06-03' })
        .regulation,
    ).toBe('ogi2019')
    for (const code of OUTCOME_CODES) {
      const t = ANSWER_TEMPLATES_2008[code]
      // no article number of either 条例 is carried over
      expect(t.decision, code).not.toMatch(/第[一二三四五六七八九十]+条/)
      expect(t.decision.includes('国务院令第492号'), code).toBe(code !== 'other.other')
      expect([t.kind, t.basis, t.verified], code).toEqual([ANSWER_TEMPLATES[code].kind, [], false])
      expect(answerTemplateOf(code, '2017-03-01'), code).toBe(t)
      expect(answerTemplateOf(code, '2024-03-01'), code).toBe(ANSWER_TEMPLATES[code])
    }
  })
})
