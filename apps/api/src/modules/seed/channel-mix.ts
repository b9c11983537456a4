/**
 * The channel mix of generated inquiries. Source: the bureau's 2017 annual report, which counted
 * “12345网络问政”1831件、“市长信箱”293件、“民心网联网平台”404件、“网络回应人”2786件、“局长信箱”47件
 * (5361 in all). Pure: no I/O.
 */
import type { Random } from './random.ts'

/** Items per channel code in 2017, in the report's order. */
export const REPORT_2017_COUNTS: Readonly<Record<string, number>> = {
  hotline_12345: 1831,
  mayor_mailbox: 293,
  minxin: 404,
  network_responder: 2786,
  director_mailbox: 47,
}

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method: the parts are
 * integers that add up to `total` exactly (ties go to the earlier key).
 * @throws RangeError when total is not a non-negative integer or the weights sum to 0
 */
export function apportion(
  total: number,
  weights: Readonly<Record<string, number>>,
): Record<string, number> {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total must be a non-negative integer: ${total}`)
  const entries = Object.entries(weights)
  const sum = entries.reduce((s, [, w]) => s + w, 0)
  if (sum <= 0) throw new RangeError('weights must add up to more than 0')
  const parts = entries.map(([key, w], i) => ({ key, i, exact: (total * w) / sum }))
  const out: Record<string, number> = Object.fromEntries(
    parts.map((p) => [p.key, Math.floor(p.exact)]),
  )
  let left = total - parts.reduce((s, p) => s + Math.floor(p.exact), 0)
  const byRemainder = [...parts].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i,
  )
  for (const p of byRemainder) {
    if (left === 0) break
    out[p.key] = (out[p.key] ?? 0) + 1
    left -= 1
  }
  return out
}

/** Channel codes, `counts[code]` times each, in random order. */
export function shuffledChannels(rnd: Random, counts: Readonly<Record<string, number>>): string[] {
  return rnd.shuffle(
    Object.entries(counts).flatMap(([code, n]) => Array.from({ length: n }, () => code)),
  )
}
