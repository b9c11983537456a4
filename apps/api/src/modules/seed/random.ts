/**
 * A seeded pseudo-random source for generated data: the same seed gives the same sequence on any
 * machine and Node version (xoroshiro128+ from pure-rand; no Math.random). Pure: no I/O.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

export type Random = {
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number
  /** A float in [0, 1). */
  float: () => number
  /** True with probability `p` (0..1). */
  chance: (p: number) => boolean
  /** One element of a non-empty list, uniformly. @throws RangeError on an empty list */
  pick: <T>(items: readonly T[]) => T
  /** One element of a non-empty list, with probability proportional to `weight(item)` (≥ 0). @throws RangeError on an empty list */
  pickWeighted: <T>(items: readonly T[], weight: (item: T) => number) => T
  /** A new array with the items in random order (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[]
}

/** A generator for `seed` (any 32-bit integer; other numbers are truncated to 32 bits). */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0)
  const int = (min: number, max: number) => uniformInt(rng, min, max)
  const float = () => uniformFloat64(rng)
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[int(0, items.length - 1)] as T
  }
  const pickWeighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    const total = items.reduce((sum, item) => sum + weight(item), 0)
    let r = float() * total
    for (const item of items) {
      r -= weight(item)
      if (r < 0) return item
    }
    return items[items.length - 1] as T // rounding left r at 0
  }
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i)
      ;[out[i], out[j]] = [out[j] as T, out[i] as T]
    }
    return out
  }
  return { int, float, chance: (p) => float() < p, pick, pickWeighted, shuffle }
}
