/**
 * Display of instants in the bureau's zone, Asia/Shanghai, whatever the browser's own zone.
 * Input: ISO 8601 text with an offset as the API sends it (or null). Output: `2024-09-27 09:30`.
 * A text no browser can read is shown as it came, never thrown on: one odd record must not take
 * the queue or the inquiry page down.
 */
import { BUREAU_TZ, receivedOnDay } from '@desk/domain'

const dateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai; '' for null, the text itself when it is not a time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const parts = Object.fromEntries(dateTime.formatToParts(ms).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/**
 * An inquiry's receipt: `YYYY-MM-DD` alone for a kind received on a day (domain `receivedOnDay`:
 * a disclosure request's receipt date, a proposal's 交办日期, stored as that day's start), else
 * `YYYY-MM-DD HH:mm` (formatDateTime); Asia/Shanghai either way.
 */
export function formatReceivedAt(kind: string, iso: string | null | undefined): string {
  const shown = formatDateTime(iso)
  return receivedOnDay(kind) && shown !== iso ? shown.slice(0, 10) : shown
}
