import { describe, expect, it } from 'vitest'
import { extensionRefusal } from './extension.ts'

describe('whether an extension may be requested', () => {
  it('refuses where the rule has none, while one is pending and once one was approved; allows after a refusal', () => {
    expect(extensionRefusal({ extensionAmount: null, requests: [] })).toBe('not_extendable')
    expect(extensionRefusal({ extensionAmount: 20, requests: [] })).toBeNull()
    expect(extensionRefusal({ extensionAmount: 20, requests: [{ status: 'rejected' }] })).toBeNull()
    expect(
      extensionRefusal({
        extensionAmount: 20,
        requests: [{ status: 'rejected' }, { status: 'pending' }],
      }),
    ).toBe('pending')
    expect(extensionRefusal({ extensionAmount: 20, requests: [{ status: 'approved' }] })).toBe(
      'extended',
    )
    // the rule first: a policy edited to allow none refuses even with a request on file
    expect(extensionRefusal({ extensionAmount: null, requests: [{ status: 'pending' }] })).toBe(
      'not_extendable',
    )
  })
})
