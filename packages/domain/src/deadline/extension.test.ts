import { describe, expect, it } from 'vitest'
import { extensionRefusal } from './extension.ts'

describe('whether an extension may be requested', () => {
  it('refuses where the rule has none, while one is pending and once one was approved; allows after a refusal', () => {
    const facts = (extensionAmount: number | null, ...statuses: string[]) => ({
      kind: 'message',
      extensionAmount,
      requests: statuses.map((status) => ({ status })),
    })
    expect(extensionRefusal(facts(null))).toBe('not_extendable')
    expect(extensionRefusal(facts(20))).toBeNull()
    expect(extensionRefusal(facts(20, 'rejected'))).toBeNull()
    expect(extensionRefusal(facts(20, 'rejected', 'pending'))).toBe('pending')
    expect(extensionRefusal(facts(20, 'approved'))).toBe('extended')
    // the rule first: a policy edited to allow none refuses even with a request on file
    expect(extensionRefusal(facts(null, 'pending'))).toBe('not_extendable')
    // a suggestion's 延期答复 goes through the generic request
    expect(extensionRefusal({ ...facts(1), kind: 'proposal' })).toBeNull()
  })

  it('refuses it for a disclosure request, whose 延期 is its clock step (第三十三条), whatever else holds', () => {
    expect(extensionRefusal({ kind: 'disclosure', extensionAmount: 20, requests: [] })).toBe(
      'clock_step',
    )
    expect(
      extensionRefusal({
        kind: 'disclosure',
        extensionAmount: null,
        requests: [{ status: 'approved' }],
      }),
    ).toBe('clock_step')
  })
})
