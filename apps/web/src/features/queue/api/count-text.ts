/**
 * A count of the queue's rows as the screen writes it: the number itself, or "10,000+" (grouped
 * for the language) when the API stopped counting a text search at its cap (`capped`: more rows
 * match than `n`, and the channels are not counted).
 */
import type { TFunction } from 'i18next'

export function countText(t: TFunction, language: string, n: number, capped: boolean): string {
  return capped ? t('queue.countCapped', { n: n.toLocaleString(language) }) : String(n)
}
