import { describe, expect, it } from 'vitest'
import { decisionInstant } from './decision.ts'

const now = Date.parse('2024-09-27T09:30:00+08:00')

describe('decisionInstant', () => {
  it('is the moment typed for today, noon of the day (Asia/Shanghai) for an earlier day', () => {
    expect(decisionInstant('2024-09-27', now)).toBe(now)
    expect(decisionInstant('2018-03-16', now)).toBe(Date.parse('2018-03-16T12:00:00+08:00'))
  })
  it('reads "today" in Asia/Shanghai: 00:30 there is still the previous day in UTC', () => {
    const early = Date.parse('2024-09-28T00:30:00+08:00')
    expect(decisionInstant('2024-09-28', early)).toBe(early)
    expect(decisionInstant('2024-09-27', early)).toBe(Date.parse('2024-09-27T12:00:00+08:00'))
  })
})
