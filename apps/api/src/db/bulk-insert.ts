/**
 * Multi-row inserts built once and then only executed: drizzle builds the SQL of an insert from
 * its values every time, and for the ingest's 1,000-row inserts (about 30 parameters a row) that
 * building was the largest single cost of a file import on SQLite and of the client on
 * PostgreSQL (CPU profile of bench/import.bench.ts: drizzle's `buildQueryFromSourceParams` and its
 * `is()` checks). Here a statement of BULK_ROWS rows whose values are `sql.placeholder`s is
 * prepared once per database handle (prepared.ts `runPrepared`; a transaction handle gets its
 * own) and executed per run of rows; drizzle still maps each value to the driver's form
 * (`mapToDriverValue`) and each returned row back. The rows left over after the last full run go
 * in as one ordinary insert, so a handle keeps one statement per insert, whatever the sizes.
 * The statements of one call run in one transaction (the caller's, or one of their own), so rows
 * are never half-written.
 */
import { sql, type Placeholder } from 'drizzle-orm'
import type { Db } from './client.ts'
import { runPrepared } from './prepared.ts'
import { MAX_PARAMETERS, statementChunks } from './rows.ts'
import { withTransaction } from './transaction.ts'

/** Rows per prepared statement, at most: enough to make round trips rare on PostgreSQL. */
export const BULK_ROWS = 250

type Preparable = { _: { result: unknown } }

/**
 * Inserts `rows` with the insert that `build(values)` makes of their values, in order: runs of
 * BULK_ROWS (fewer when that many would pass the bind-parameter limit) through the prepared
 * statement, the rest in as few ordinary statements as the limit allows; all in one transaction:
 * `db`'s when it is one (or, on SQLite, while one runs in this call chain), else its own, so a
 * failing statement leaves none of the rows written.
 * @param name the key the prepared statement is kept under, unique per `build`
 * @param build the insert (with its conflict clause and returning, if any) of `values` on
 *   `handle` (the transaction's: build on it, not on `db`): called with placeholders for a
 *   prepared statement, or with the rows themselves
 * @returns the rows each statement returned (none without a returning clause), in order
 * @throws the driver's error, as the insert does
 */
export async function insertRows<R, V extends object>(
  db: Db,
  name: string,
  rows: readonly V[],
  build: (values: V[], handle: Db) => Preparable,
): Promise<R[]> {
  if (rows.length === 0) return []
  return await withTransaction(db, (tx) => insertIn<R, V>(tx, name, rows, build))
}

/** insertRows on `db`, a transaction handle. */
async function insertIn<R, V extends object>(
  db: Db,
  name: string,
  rows: readonly V[],
  build: (values: V[], handle: Db) => Preparable,
): Promise<R[]> {
  // a value left undefined takes the column's default, which a placeholder cannot say: rows that
  // leave out different columns go in the ordinary way
  const keys = Object.keys(rows[0] as object).filter((k) => value(rows[0], k) !== undefined)
  const same = rows.every((r) => {
    const defined = Object.keys(r).filter((k) => value(r, k) !== undefined)
    return defined.length === keys.length && keys.every((k) => value(r, k) !== undefined)
  })
  const size = Math.max(1, Math.min(BULK_ROWS, Math.floor(MAX_PARAMETERS / keys.length)))
  const statements: (() => Promise<R[]>)[] = []
  let i = 0
  if (same && rows.length >= size) {
    const statement = `${name}:${size}:${keys.join(',')}`
    // placeholder r * keys.length + c holds row r's column c
    const names = Array.from({ length: size * keys.length }, (_, p) => String(p))
    const prepared = () =>
      build(
        Array.from(
          { length: size },
          (_, r) =>
            Object.fromEntries(
              keys.map((k, c): [string, Placeholder] => [
                k,
                sql.placeholder(names[r * keys.length + c] as string),
              ]),
            ) as V,
        ),
        db,
      )
    for (; i + size <= rows.length; i += size) {
      const params: Record<string, unknown> = {}
      let p = 0
      for (let r = i; r < i + size; r++) {
        const row = rows[r] as Record<string, unknown>
        for (const k of keys) params[names[p++] as string] = row[k]
      }
      statements.push(() => returned<R>(runPrepared(db, statement, prepared, params)))
    }
  }
  const rest = rows.slice(i)
  const width = rest.reduce((w, r) => Math.max(w, Object.keys(r).length), 1)
  for (const part of statementChunks(rest, width))
    statements.push(() => returned<R>(build(part, db)))
  // in a transaction every statement is sent before the first answer is awaited: node-postgres
  // queues them on the connection and sends each as soon as the one before is done, so the
  // server goes from one to the next without waiting for this process (SQLite runs each at once).
  // One Promise.all, so a failed one leaves none of the others' rejections unhandled.
  return (await Promise.all(statements.map((run) => run()))).flat()
}

const value = (row: unknown, key: string): unknown => (row as Record<string, unknown>)[key]

/** The rows an executed insert gave back: an array with a returning clause, else none. */
async function returned<R>(result: unknown): Promise<R[]> {
  const r = await result
  return Array.isArray(r) ? (r as R[]) : []
}
