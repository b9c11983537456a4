import { describe, expect, it } from 'vitest'
import { instantSchema } from './supported-dates.ts'

const refusal = (input: string) => {
  const r = instantSchema.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('instantSchema', () => {
  it('takes an instant with an offset on a supported day', () => {
    expect(instantSchema.parse('2026-02-28T10:00:00+08:00')).toBe('2026-02-28T10:00:00+08:00')
    expect(refusal('1992-01-01T00:00:00+08:00')).toBeUndefined()
    expect(refusal('2100-12-31T23:59:59+08:00')).toBeUndefined()
  })

  it('names a day the calendar lacks instead of asking for an offset the input has', () => {
    expect(refusal('2026-02-29T10:00:00+08:00')).toBe('not a date in the calendar: 2026-02-29')
    expect(refusal('2026-04-31T10:00:00Z')).toBe('not a date in the calendar: 2026-04-31')
    expect(refusal('2024-02-29T10:00:00+08:00')).toBeUndefined()
  })

  it('asks for the shape when the offset or the time is missing', () => {
    const shape = 'ISO 8601 time with an offset, e.g. 2024-09-27T09:30:00+08:00'
    expect(refusal('2026-02-28T10:00:00')).toBe(shape)
    expect(refusal('2026-02-28')).toBe(shape)
    expect(refusal('下月')).toBe(shape)
  })

  it('refuses a real instant outside 1992-01-01..2100-12-31 (Asia/Shanghai days)', () => {
    expect(refusal('1991-12-31T15:59:59Z')).toBe('outside 1992-01-01..2100-12-31')
    expect(refusal('1991-12-31T16:00:00Z')).toBeUndefined()
    expect(refusal('2101-01-01T00:00:00+08:00')).toBe('outside 1992-01-01..2100-12-31')
  })
})
