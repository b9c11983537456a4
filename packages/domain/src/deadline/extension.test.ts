import { describe, expect, it } from 'vitest'
import { extensionRefusal, filedAfterDue } from './extension.ts'

const DUE = Date.parse('2026-11-23T09:00:00Z')
const running = { dueAt: DUE, paused: false, at: DUE - 1 }

describe('whether an extension may be requested', () => {
  it('refuses where the rule has none, while one is pending and once one was approved; allows after a refusal', () => {
    const facts = (extensionAmount: number | null, ...statuses: string[]) => ({
      kind: 'message',
      extensionAmount,
      requests: statuses.map((status) => ({ status })),
      ...running,
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
    expect(
      extensionRefusal({ kind: 'disclosure', extensionAmount: 20, requests: [], ...running }),
    ).toBe('clock_step')
    expect(
      extensionRefusal({
        kind: 'disclosure',
        extensionAmount: null,
        requests: [{ status: 'approved' }],
        ...running,
      }),
    ).toBe('clock_step')
  })

  it('refuses one asked for after the due date of a running clock, not one asked for on it or while paused', () => {
    const message = { kind: 'message', extensionAmount: 5, requests: [] }
    expect(extensionRefusal({ ...message, ...running, at: DUE })).toBeNull()
    expect(extensionRefusal({ ...message, ...running, at: DUE + 1 })).toBe('overdue')
    expect(
      extensionRefusal({ ...message, ...running, paused: true, at: DUE + 86_400_000 }),
    ).toBeNull()
    // the other refusals say more and come first
    expect(extensionRefusal({ ...message, extensionAmount: null, ...running, at: DUE + 1 })).toBe(
      'not_extendable',
    )
    expect(filedAfterDue(DUE, false, DUE + 1)).toBe(true)
    expect(filedAfterDue(DUE, false, DUE)).toBe(false)
  })
})
