/**
 * PostgreSQL bulk writes by `COPY … FROM STDIN` (pg-copy-streams): the rows travel as one stream
 * of COPY's text format instead of multi-row INSERTs whose every value is a bind parameter. For an
 * import's events and search rows that spares the client drizzle's value mapping and the driver's
 * parameter encoding, and the server each statement's parse, plan and bind (bench/import.bench.ts).
 * COPY has no ON CONFLICT and no RETURNING: use it for rows that cannot conflict and whose ids are
 * not needed back. Ids from a serial column are drawn in the rows' order, as an INSERT draws them.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Db } from './client.ts'
import { clientOf } from './connection.ts'
import { withTransaction } from './transaction.ts'

/** A value COPY's text format carries: text, an integer (ms instants, ids), or null. */
export type CopyValue = string | number | null

/** Characters of text that COPY's text format escapes with a backslash. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const SPECIAL = /[\\\n\r\t]/
const SPECIALS = /[\\\n\r\t]/g

/** Characters of COPY text sent as one chunk: large enough to keep the chunks few. */
const CHUNK_CHARS = 1 << 16

/**
 * One value in COPY's text format: `\N` for null, a number in plain digits, text with backslash,
 * newline, carriage return and tab escaped.
 * @throws Error for a number that is not a safe integer (COPY would read `1e+21` or `NaN` wrongly)
 */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N'
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`COPY value ${value} is not a safe integer`)
    return String(value)
  }
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] as string) : value
}

/** The COPY text of `rows`, in chunks of about CHUNK_CHARS characters. */
function* copyText(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk = ''
  for (const row of rows) {
    let line = ''
    for (let c = 0; c < row.length; c++) line += (c === 0 ? '' : '\t') + copyField(row[c] ?? null)
    chunk += `${line}\n`
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk !== '') yield chunk
}

/**
 * Writes `rows` (values in the order of `columns`) into `table` with one COPY: in the transaction
 * `db` when it is one (after the statements it has queued), else in one of its own, since COPY
 * needs a single connection, not the pool. A row the table refuses (a foreign key, a unique key,
 * a value of the wrong type) fails the whole COPY, and the transaction with it.
 * @param table, columns identifiers written in code, never input
 * @throws the driver's error when the server refuses a row
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(', ')
  await withTransaction(db, async (tx) => {
    const client = clientOf(tx) as unknown as PoolClient
    const stream = client.query(copyFrom(`copy "${table}" (${list}) from stdin`))
    await pipeline(Readable.from(copyText(rows)), stream)
  })
}
