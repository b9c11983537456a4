import type { DeadlineExplanation } from '@desk/domain'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { NATIONAL_DAY_2024 } from '../../../testing/fake-workflow.ts'
import { explainDeadline } from './explain-deadline.ts'

const sentence = (e: DeadlineExplanation, lang: 'zh-CN' | 'en') => {
  const t = i18next.getFixedT(lang)
  return explainDeadline(e, t).join(t('deadlines.explain.separator'))
}

describe('the deadline explanation sentence', () => {
  it('reads received date, rule, make-up workdays, the National Day run and the due date, in Chinese by default', () => {
    expect(sentence(NATIONAL_DAY_2024, 'zh-CN')).toBe(
      '2024-09-27（周五）收到；自次一工作日起算 13 个工作日；09-29、10-12 为调休工作日；10-01…10-07 国庆节；2024-10-16 到期',
    )
  })

  it('gives English with the Chinese holiday names mapped', () => {
    expect(sentence(NATIONAL_DAY_2024, 'en')).toBe(
      'received Fri 2024-09-27; 13 working days from the next working day; 09-29, 10-12 are make-up workdays; ' +
        '10-01…10-07 National Day; due 2024-10-16',
    )
  })

  it('names a combined holiday, a year boundary in full, pauses and an extension; keeps unknown names as they are', () => {
    const e: DeadlineExplanation = {
      ...NATIONAL_DAY_2024,
      amount: 20,
      start: 'receipt',
      received: { date: '2023-12-29', weekday: 5, at: 0, kind: 'workday', name: null },
      pausedUnits: 2,
      extensionUnits: 20,
      makeupWorkdays: [],
      holidays: [
        { name: '中秋节、国庆节', from: '2023-12-30', to: '2024-01-01', days: 3 },
        { name: '建党节', from: '2024-07-01', to: '2024-07-01', days: 1 },
      ],
      due: { date: '2024-02-05', weekday: 1, at: 0 },
    }
    expect(sentence(e, 'en')).toBe(
      'received Fri 2023-12-29; 20 working days from receipt; clock paused 2 working days (not counted); ' +
        'extended by 20 working days; 12-30…2024-01-01 Mid-Autumn Festival & National Day; 2024-07-01 建党节; due 2024-02-05',
    )
    expect(sentence({ ...e, pausedUnits: 0, extensionUnits: 0, holidays: [] }, 'zh-CN')).toBe(
      '2023-12-29（周五）收到；自收到时起算 20 个工作日；2024-02-05 到期',
    )
  })
})
