/**
 * Timing helpers of the benchmark: percentiles of repeated awaited calls (ms), the peak
 * resident memory seen while something runs (bytes), and the machine's load (1/5/15-minute
 * averages of os.loadavg(), so numbers from a busy machine can be told apart).
 */
import { loadavg } from 'node:os'

/** p50 and p95 of `fn`'s wall time in ms over `runs` calls, after `warmup` untimed calls. */
export type Percentiles = { p50: number; p95: number; runs: number }

/**
 * The value at quantile `q` (0..1) of `sorted` (ascending), nearest-rank method.
 * @throws RangeError when `sorted` is empty
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('no samples')
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1] as number
}

/**
 * Times the awaited `fn` `runs` times (ms, performance.now) after `warmup` untimed calls; returns
 * p50/p95. Awaited: the data layer is async, and timing only a call's synchronous part would
 * leave out every query after its first.
 */
export async function timeRunsAsync(
  fn: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<Percentiles> {
  for (let i = 0; i < warmup; i++) await fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), runs }
}

/** Tracks the highest `process.memoryUsage().rss` (bytes) among the samples taken with `sample()`. */
export function rssTracker() {
  let peak = process.memoryUsage().rss
  return {
    sample(): void {
      peak = Math.max(peak, process.memoryUsage().rss)
    },
    peak: () => peak,
  }
}

/** `os.loadavg()` as "1m/5m/15m", two decimals. */
export function loadText(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join('/')
}

export const MB = 1024 * 1024
