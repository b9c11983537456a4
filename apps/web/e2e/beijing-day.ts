/**
 * Specs whose expectations are Beijing days the server also takes from its own clock (a receipt
 * "today", a document dated on its sign-off): a run that crosses midnight in Asia/Shanghai would
 * compare yesterday's date with today's. Such a spec starts clear of midnight instead.
 */

const DAY_MS = 86_400_000
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991
const BEIJING_OFFSET_MS = 8 * 3_600_000

/**
 * Waits, when fewer than `marginMs` (ms) are left of the current Beijing day, until the next day
 * has begun; resolves at once otherwise. The margin must exceed the spec's longest run.
 */
export async function clearOfBeijingMidnight(marginMs: number): Promise<void> {
  const left = DAY_MS - ((Date.now() + BEIJING_OFFSET_MS) % DAY_MS)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000))
}
