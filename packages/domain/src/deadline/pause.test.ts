import { describe, expect, it } from 'vitest'
import { clockPauseRefusal } from './pause.ts'

describe('whether the generic pause may be used', () => {
  it('refuses it on a disclosure request, whose clock stops by its 补正 and 征求意见 steps, and allows it on a message', () => {
    expect(clockPauseRefusal('disclosure')).toBe('clock_step')
    expect(clockPauseRefusal('message')).toBeNull()
    // a kind without a section of its own follows the message's
    expect(clockPauseRefusal('letter')).toBeNull()
  })
})
