/** Rows as the awaited drizzle queries give them, on every engine. */
import { getTableColumns, type Table } from 'drizzle-orm'

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

/**
 * Bind parameters one statement may carry on every engine: SQLite's limit (32,766 since 3.32);
 * PostgreSQL's is 65,535.
 */
export const MAX_PARAMETERS = 32_766

/**
 * `rows` in runs that one multi-row statement each can carry, when a row binds at most
 * `columns` parameters (a table's column count is a safe bound).
 */
export function statementChunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns))
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** How many columns `table` has: the most parameters one of its rows binds in an insert. */
export function columnsOf(table: Table): number {
  return Object.keys(getTableColumns(table)).length
}
