/**
 * Transactions for services written once for both engines: `withTransaction(db, async (tx) => …)`.
 *
 * SQLite (better-sqlite3) has one connection per process and a synchronous driver, and drizzle's
 * `db.transaction` does not await an async callback (statements after the first `await` would
 * escape it). So here a transaction is `BEGIN IMMEDIATE` … `COMMIT` written by hand around the
 * awaited callback, and an in-process queue lets one writer at a time in: a second transaction
 * waits until the first has committed or rolled back, so two changes never interleave, and a
 * callback that throws (or rejects) rolls back everything it wrote. `IMMEDIATE` takes the database's
 * write lock at once, so another process (the CLI) waits on `busy_timeout` instead of failing at
 * the first write. A callback that needs no `await` runs its statements in one turn of the event
 * loop; only its COMMIT waits a microtask.
 *
 * PostgreSQL (node-postgres) awaits the callback inside drizzle's transaction, on one pooled
 * connection (see pgTransaction), so the same service code is atomic there; other processes' transactions run
 * alongside (row locks, not one writer). Called with a transaction handle, it runs `fn` in that
 * transaction (a nested call joins the outer one).
 *
 * On SQLite a call made inside another's callback (a service that writes in its own transaction,
 * called by one that already holds one) joins the running transaction too: waiting in the queue
 * would wait for itself. The running transaction is known per async call chain
 * (AsyncLocalStorage), so a concurrent request is never mistaken for a nested call.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { PgTransaction } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { engineOf } from './engine.ts'
import { pgTransaction } from './postgres.ts'

const tails = new WeakMap<Db['$client'], Promise<void>>()
const running = new AsyncLocalStorage<Db['$client']>()

/**
 * Runs `fn` in a transaction, after every transaction started before it on this database; inside
 * another transaction's callback it runs in that transaction. Inside `fn`, pass `tx` on.
 * @returns what `fn` returns; rethrows what it throws, after the rollback
 */
export async function withTransaction<T>(db: Db, fn: (tx: Db) => T | Promise<T>): Promise<T> {
  if (engineOf(db) === 'postgres') {
    if (db instanceof PgTransaction) return fn(db)
    return pgTransaction(db, fn)
  }
  const client = db.$client
  if (running.getStore() === client && client.inTransaction) return await fn(db)
  const before = tails.get(client) ?? Promise.resolve()
  let done!: () => void
  const mine = new Promise<void>((resolve) => (done = resolve))
  tails.set(client, mine)
  await before
  try {
    client.exec('BEGIN IMMEDIATE')
    try {
      const result = await running.run(client, () => fn(db))
      client.exec('COMMIT')
      return result
    } catch (err) {
      if (client.inTransaction) client.exec('ROLLBACK')
      throw err
    }
  } finally {
    if (tails.get(client) === mine) tails.delete(client)
    done()
  }
}
