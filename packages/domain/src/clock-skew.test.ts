import { describe, expect, it } from 'vitest'
import { messageFollowsReceipt } from './attachment.ts'
import { CLOCK_SKEW_MS, inOrderWithinSkew } from './clock-skew.ts'
import { isFutureReceipt } from './receipt-time.ts'

describe('the clock-skew rule', () => {
  const t = Date.parse('2026-12-06T04:00:00Z')
  it('names each case with its allowance', () => {
    expect(CLOCK_SKEW_MS).toEqual({ ahead_of_desk: 600_000, message_before_receipt: 300_000 })
  })

  it('allows a later instant to read up to the allowance before the earlier one, no more', () => {
    expect(inOrderWithinSkew(t, t + 1, 'message_before_receipt')).toBe(true)
    expect(inOrderWithinSkew(t, t - 300_000, 'message_before_receipt')).toBe(true)
    expect(inOrderWithinSkew(t, t - 300_001, 'message_before_receipt')).toBe(false)
    expect(inOrderWithinSkew(t, t - 600_000, 'ahead_of_desk')).toBe(true)
    expect(inOrderWithinSkew(t, t - 600_001, 'ahead_of_desk')).toBe(false)
  })

  it('is the rule the receipt and message checks apply', () => {
    expect(isFutureReceipt(t + 600_000, t)).toBe(false)
    expect(isFutureReceipt(t + 600_001, t)).toBe(true)
    expect(messageFollowsReceipt(t - 300_000, t)).toBe(true)
    expect(messageFollowsReceipt(t - 300_001, t)).toBe(false)
  })
})
