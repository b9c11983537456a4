import { describe, expect, it } from 'vitest'
import { signOffRefusal } from './sign-off.ts'

describe('four eyes on sign-off', () => {
  it('refuses the version’s own drafter, whatever the role, and lets anyone else sign', () => {
    expect(signOffRefusal(7, 7)).toBe('own_draft')
    expect(signOffRefusal(7, 8)).toBeNull()
    // the drafter's account is gone: nobody can be the same person
    expect(signOffRefusal(null, 7)).toBeNull()
  })
})
