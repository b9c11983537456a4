import { describe, expect, it } from 'vitest'
import { formatDateTime, formatReceivedAt } from './format-time.ts'

describe('formatDateTime', () => {
  it('shows an instant in Asia/Shanghai whatever the offset it was written with', () => {
    expect(formatDateTime('2024-09-27T01:30:00.000Z')).toBe('2024-09-27 09:30')
    expect(formatDateTime('2024-12-31T23:59:00-05:00')).toBe('2025-01-01 12:59')
  })
  it('gives an empty text for a missing value and the raw text for one it cannot read', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('not a time')).toBe('not a time')
  })
})

describe('formatReceivedAt', () => {
  it('shows the receipt date alone for a kind received on a day, the time for a message', () => {
    // a disclosure request received on 2026-11-20: stored as that day's start in Beijing
    expect(formatReceivedAt('disclosure', '2026-11-19T16:00:00.000Z')).toBe('2026-11-20')
    expect(formatReceivedAt('proposal', '2026-11-20T00:00:00.000+08:00')).toBe('2026-11-20')
    expect(formatReceivedAt('message', '2026-11-19T16:00:00.000Z')).toBe('2026-11-20 00:00')
    expect(formatReceivedAt('disclosure', 'not a time')).toBe('not a time')
  })
})
