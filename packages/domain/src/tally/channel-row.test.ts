import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tallyRow } from './channel-row.ts'

describe('a tally row', () => {
  it('adds up: received = replied + merged + pending, each non-negative', () => {
    const counts = fc
      .tuple(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000))
      .map(([replied, merged, rest]) => ({ received: replied + merged + rest, replied, merged }))
    fc.assert(
      fc.property(counts, (c) => {
        const row = tallyRow(c)
        expect(row.replied + row.merged + row.pending).toBe(row.received)
        expect(row.pending).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('counts a merged duplicate once, in its own column, not as pending', () => {
    expect(tallyRow({ received: 1031, replied: 970, merged: 1 })).toEqual({
      received: 1031,
      replied: 970,
      merged: 1,
      pending: 60,
    })
  })

  it('refuses counts that cannot be one row', () => {
    expect(() => tallyRow({ received: 3, replied: 2, merged: 2 })).toThrow(
      'replied (2) and merged (2) exceed received (3)',
    )
    expect(() => tallyRow({ received: 1, replied: -1, merged: 0 })).toThrow(RangeError)
  })
})
