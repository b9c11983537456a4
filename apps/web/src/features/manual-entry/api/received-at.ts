/**
 * The received-time field is an `<input type="datetime-local">` showing Beijing wall-clock time
 * (`YYYY-MM-DDTHH:mm`), whatever the browser's own zone; these convert it to and from instants.
 */
import { BUREAU_TZ, formatInstant, zonedTimeToInstant } from '@desk/domain'

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/

/** `YYYY-MM-DDTHH:mm` in Asia/Shanghai for an instant (UTC epoch ms). */
export function toBeijingInput(instantMs: number): string {
  return formatInstant(instantMs, BUREAU_TZ).slice(0, 16)
}

/** ISO 8601 with the +08:00 offset for a field value; undefined when the value is not a real time. */
export function fromBeijingInput(value: string): string | undefined {
  const [, date, hours, minutes] = LOCAL.exec(value) ?? []
  if (!date) return undefined
  try {
    return formatInstant(
      zonedTimeToInstant(date, BUREAU_TZ, Number(hours), Number(minutes)),
      BUREAU_TZ,
    )
  } catch {
    return undefined // not a real date (2024-02-30)
  }
}
