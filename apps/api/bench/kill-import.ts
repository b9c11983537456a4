/**
 * Fault injection at scale: `node --import tsx bench/kill-import.ts [trials] [rows]` kills
 * `desk import` with SIGKILL at `trials` random points over the time a whole run takes and prints
 * how many left the database unchanged, complete, or broken (with what was wrong). Exit 1 if any
 * trial broke it.
 */
import { killTrial, timeImport } from '../src/test/kill-import.ts'

const trials = Number(process.argv[2] ?? 30)
const rows = Number(process.argv[3] ?? 5000)
const whole = await timeImport(rows)
console.log(`a whole import of ${rows} rows takes ${Math.round(whole)} ms here; ${trials} trials`)
const tally = { unchanged: 0, complete: 0, broken: 0, killed: 0 }
for (let i = 0; i < trials; i++) {
  const at = Math.round(whole * Math.random() * 1.1)
  const v = await killTrial(rows, at)
  if (v.exitSignal === 'SIGKILL') tally.killed++
  if (v.problems.length > 0) {
    tally.broken++
    console.log(`trial ${i + 1}, killed after ${at} ms: ${v.problems.join('; ')}`)
  } else tally[v.outcome]++
}
console.log(JSON.stringify(tally))
process.exit(tally.broken > 0 ? 1 : 0)
