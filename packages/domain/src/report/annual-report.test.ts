import { describe, expect, it } from 'vitest'
import { numberDifferences } from './annual-report.ts'

describe('numberDifferences', () => {
  it('lists changed, vanished and new numbers, nothing when equal', () => {
    expect(numberDifferences({ a: 1, b: 2 }, { a: 1, b: 2 })).toEqual([])
    expect(numberDifferences({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 0 })).toEqual([
      { key: 'b', closed: 2, now: 5 },
      { key: 'c', closed: 3, now: null },
      { key: 'd', closed: null, now: 0 },
    ])
  })
})
