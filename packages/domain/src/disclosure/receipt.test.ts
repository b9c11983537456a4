import { describe, expect, it } from 'vitest'
import { disclosureDayProblem, FIRST_RECEIPT_DATE } from './receipt.ts'

describe('the days a disclosure request may record', () => {
  it('refuses a receipt before the 条例 came into force and any day after today', () => {
    expect(FIRST_RECEIPT_DATE).toBe('2008-05-01')
    expect(disclosureDayProblem('receipt', '2008-04-30', '2026-12-06')).toBe('before_regulation')
    expect(disclosureDayProblem('receipt', '2008-05-01', '2026-12-06')).toBeNull()
    expect(disclosureDayProblem('receipt', '2026-12-06', '2026-12-06')).toBeNull()
    expect(disclosureDayProblem('receipt', '2026-12-07', '2026-12-06')).toBe('in_future')
    // a step is only bounded by today (it cannot precede the receipt: the clock's replay says so)
    expect(disclosureDayProblem('step', '2026-12-07', '2026-12-06')).toBe('in_future')
    expect(disclosureDayProblem('step', '2008-04-30', '2026-12-06')).toBeNull()
  })
})
