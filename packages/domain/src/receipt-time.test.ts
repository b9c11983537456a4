import { describe, expect, it } from 'vitest'
import { CLOCK_SKEW_MS } from './clock-skew.ts'
import { isFutureReceipt } from './receipt-time.ts'

describe('isFutureReceipt', () => {
  const now = Date.parse('2026-12-06T04:00:00Z')
  it('accepts the past, now and up to 10 minutes of clock skew; refuses anything later', () => {
    expect(CLOCK_SKEW_MS.ahead_of_desk).toBe(600_000)
    expect(isFutureReceipt(now - 1, now)).toBe(false)
    expect(isFutureReceipt(now, now)).toBe(false)
    expect(isFutureReceipt(now + 600_000, now)).toBe(false)
    expect(isFutureReceipt(now + 600_001, now)).toBe(true)
    expect(isFutureReceipt(Date.parse('2099-01-01T00:00:00Z'), now)).toBe(true)
  })
})
