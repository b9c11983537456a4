/**
 * Queries prepared once per database handle, for the reads every request makes (the session
 * lookup, the queue's counts and pages, an inquiry's detail). Building a drizzle query and having
 * SQLite prepare its SQL cost more CPU than running it: at saturation about a quarter of a
 * request's time went to drizzle's query building and better-sqlite3's `prepare` (CPU profile of
 * `bench:load`). A query built here with `sql.placeholder(name)` for its values is built and
 * prepared on first use and then only executed with the values of each call.
 *
 * Both engines: on better-sqlite3 drizzle's `.prepare()` keeps one prepared statement. On
 * node-postgres the statement stays unnamed: the driver sends the kept SQL text with each call, and
 * the server parses and plans it with that call's values, as it does every other query. A named
 * statement would save the server's parse, but after five runs PostgreSQL may switch it to one
 * generic plan for every value (the queue's plans were tuned on plans made for their values), and
 * it lives on one server connection, which a transaction-pooling proxy does not keep. A
 * transaction handle gets its own queries (they run on the transaction's connection).
 *
 * On SQLite the rows of a flat selection (each key a column or an SQL expression, as every kept
 * query here selects) are made from better-sqlite3's value arrays with the decoders looked up once
 * per query: drizzle's own mapping looks each field's kind up again for every value, a tenth of a
 * 50-row queue page's CPU (profile of the page in process). The values are the same: a null stays
 * null, any other value goes through the field's decoder (a column's `mapFromDriverValue`, an
 * expression's `mapWith`), as drizzle's mapping does for a flat row.
 */
import { Column, is, SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { engineOf } from './tables.ts'

type Params = Record<string, unknown>
type Decoder = { mapFromDriverValue(value: unknown): unknown }
type Kept = { run(params: Params): unknown }
type Preparable = { _: { result: unknown } }

const byHandle = new WeakMap<object, Map<string, Kept>>()

/**
 * The selection's keys and each one's decoder, when every field is a column or an SQL expression;
 * undefined for a nested selection or an insert (drizzle then maps the rows itself).
 */
function flatDecoders(select: unknown): { keys: string[]; decoders: Decoder[] } | undefined {
  // the selection as written (getSelectedFields() answers a proxy that refuses unaliased SQL)
  const fields = (select as { _?: { selectedFields?: Record<string, unknown> } })._?.selectedFields
  // an insert (db/bulk-insert.ts) has no selection here: drizzle maps what it returns
  if (!fields) return undefined
  const keys = Object.keys(fields)
  const decoders: Decoder[] = []
  for (const key of keys) {
    const field = fields[key]
    if (is(field, Column)) decoders.push(field)
    else if (is(field, SQL)) decoders.push(decoderOf(field))
    else if (is(field, SQL.Aliased)) decoders.push(decoderOf(field.sql))
    else return undefined
  }
  return { keys, decoders }
}

/** An expression's decoder (set by `mapWith`, else one that keeps the value): drizzle marks it internal. */
const decoderOf = (expression: SQL) => (expression as unknown as { decoder: Decoder }).decoder

/** Keeps `select` prepared; on SQLite with flat rows made from the value arrays (see above). */
function keep(db: Db, select: unknown): Kept {
  // SQLite's prepare() ignores the name; node-postgres sends an empty one as an unnamed statement
  const prepared = (select as { prepare(name: string): { execute(p: Params): unknown } }).prepare(
    '',
  )
  const flat = engineOf(db) === 'sqlite' ? flatDecoders(select) : undefined
  if (!flat) return { run: (params) => prepared.execute(params) }
  const { keys, decoders } = flat
  const values = prepared as unknown as { values(p: Params): unknown[][] }
  return {
    run: (params) =>
      values.values(params).map((row) => {
        const out: Record<string, unknown> = {}
        for (let i = 0; i < keys.length; i++) {
          const value = row[i]
          out[keys[i] as string] =
            value === null ? null : (decoders[i] as Decoder).mapFromDriverValue(value)
        }
        return out
      }),
  }
}

/**
 * Runs the select (or insert) `build()` makes, prepared once per handle under `name`, with
 * `params` (the values of its `sql.placeholder`s).
 * @param name the key it is kept under in this handle, unique per SQL text: a query whose SQL
 *   varies (a literal status list, an optional condition) takes the varying part into its name
 * @returns the rows, as the awaited select would give them
 */
export async function runPrepared<Q extends Preparable>(
  db: Db,
  name: string,
  build: () => Q,
  params: Params = {},
): Promise<Q['_']['result']> {
  let queries = byHandle.get(db)
  if (!queries) byHandle.set(db, (queries = new Map()))
  let query = queries.get(name)
  if (!query) queries.set(name, (query = keep(db, build())))
  return (await query.run(params)) as Q['_']['result']
}

/**
 * Runs the select `query` on `db`, whose values are `sql.placeholder`s, once with `params` (built
 * and prepared for this call only: for shapes too many to keep, such as the queue's free filters).
 */
export async function runWithParams<Q extends Preparable>(
  db: Db,
  query: Q,
  params: Record<string, unknown>,
): Promise<Q['_']['result']> {
  // SQLite's select takes placeholder values in all() (its execute() drops them), PostgreSQL's in execute()
  const select = query as unknown as { all(p: object): unknown; execute(p: object): unknown }
  return (await (engineOf(db) === 'postgres'
    ? select.execute(params)
    : select.all(params))) as Q['_']['result']
}
