import { passwordProblems } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { temporaryPassword } from './password.ts'

describe('temporaryPassword', () => {
  it('meets the strictest classes with the classes at random positions, no fixed suffix', () => {
    const strict = { minLength: 24, minClasses: 4, historyCount: 5, maxAgeDays: 0 }
    const made = Array.from({ length: 200 }, temporaryPassword)
    for (const p of made) expect(passwordProblems(p, strict)).toEqual([])
    expect(new Set(made).size).toBe(200)
    // the last three characters, and where the first digit stands, differ between passwords
    expect(new Set(made.map((p) => p.slice(-3))).size).toBeGreaterThan(150)
    expect(new Set(made.map((p) => p.search(/\d/))).size).toBeGreaterThan(5)
  })
})
