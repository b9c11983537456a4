/**
 * The annual-report sentence of the yearly tally, in the exact form the bureau's 2017 annual
 * report used: `2017年共办理“12345网络问政”1831件、“市长信箱”293件、…。` (channel names in curly
 * quotes “ ”, counts followed by 件, items joined by 、, the sentence ended by 。).
 */

/** One channel's line of the sentence: its Chinese name and the number of inquiries received. */
export type SentenceItem = { name: string; count: number }

/**
 * The sentence for `year` with `items` in the given order.
 * An empty `items` gives `YYYY年共办理0件。`.
 * @throws RangeError when a count is not a non-negative integer
 */
export function formatReportSentence(year: number, items: readonly SentenceItem[]): string {
  for (const item of items) {
    if (!Number.isInteger(item.count) || item.count < 0) {
      throw new RangeError(
        `count of ${item.name} must be a non-negative integer, got ${item.count}`,
      )
    }
  }
  const parts = items.map((i) => `“${i.name}”${i.count}件`)
  return `${year}年共办理${parts.length ? parts.join('、') : '0件'}。`
}
