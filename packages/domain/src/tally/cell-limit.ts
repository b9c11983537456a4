/**
 * Excel's cell limit: a cell holds at most 32,767 characters (UTF-16 code units; Microsoft,
 * "Excel specifications and limits"). Longer texts are cut and end with a marker, so the file
 * stays valid and the cut is visible.
 */

export const EXCEL_CELL_MAX_CHARS = 32_767

/**
 * `text` when it fits in `max` UTF-16 units, else its start followed by `marker`, `max` units at
 * most in all. A surrogate pair is never split.
 * @throws RangeError when `marker` alone does not fit in `max`
 */
export function fitCell(text: string, marker: string, max: number = EXCEL_CELL_MAX_CHARS): string {
  if (text.length <= max) return text
  if (marker.length > max) throw new RangeError(`marker longer than ${max} characters`)
  let end = max - marker.length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return text.slice(0, end) + marker
}
