/** Rows as the awaited drizzle queries give them, on every engine. */

/**
 * The row that an `INSERT … RETURNING` of one row gave back (it always gives one, unless it
 * skipped a conflict: such inserts read `[0]` themselves).
 * @throws Error when there is no row, which would be a driver fault
 */
export function returnedRow<T>(rows: readonly T[]): T {
  const row = rows[0]
  if (row === undefined) throw new Error('INSERT … RETURNING gave back no row')
  return row
}
