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
 */
import type { Db } from './client.ts'
import { engineOf } from './tables.ts'

type Prepared = { execute(params: Record<string, unknown>): unknown }
type Preparable = { _: { result: unknown } }

const byHandle = new WeakMap<object, Map<string, Prepared>>()

/**
 * Runs the select `build()` makes, prepared once per handle under `name`, with `params` (the
 * values of its `sql.placeholder`s).
 * @param name the key it is kept under in this handle, unique per SQL text: a query whose SQL
 *   varies (a literal status list, an optional condition) takes the varying part into its name
 * @returns the rows, as the awaited select would give them
 */
export async function runPrepared<Q extends Preparable>(
  db: Db,
  name: string,
  build: () => Q,
  params: Record<string, unknown> = {},
): Promise<Q['_']['result']> {
  let queries = byHandle.get(db)
  if (!queries) byHandle.set(db, (queries = new Map()))
  let query = queries.get(name)
  if (!query) {
    // SQLite's prepare() ignores the name; node-postgres sends an empty one as an unnamed statement
    query = (build() as unknown as { prepare(name: string): Prepared }).prepare('')
    queries.set(name, query)
  }
  return (await query.execute(params)) as Q['_']['result']
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
