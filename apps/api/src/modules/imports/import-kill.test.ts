/**
 * A `desk import` killed with SIGKILL at random points leaves the database either unchanged or
 * complete, its counts and report summaries equal to its rows, and integrity_check ok. A few
 * trials here; `node --import tsx bench/kill-import.ts [trials]` runs many.
 */
import { describe, expect, it } from 'vitest'
import { killTrial, timeImport } from '../../test/kill-import.ts'

const ROWS = 3000

describe('desk import killed with SIGKILL', () => {
  it('leaves the database unchanged or complete, never half-written', async () => {
    // kill points are drawn over the time a whole run takes on this machine now
    const whole = await timeImport(ROWS)
    for (let i = 0; i < 3; i++) {
      const at = Math.round(whole * (0.3 + 0.7 * Math.random()))
      const verdict = await killTrial(ROWS, at)
      expect(verdict.problems, `killed after ${at} ms of ${Math.round(whole)}`).toEqual([])
      expect(['unchanged', 'complete']).toContain(verdict.outcome)
    }
  }, 180_000)
})
