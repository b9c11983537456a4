/** The driver connection behind a drizzle handle, for the db/ helpers that keep state per connection. */
import type { Db } from './client.ts'

/**
 * The connection behind `db`, also for a transaction (which has no `$client`): better-sqlite3's
 * Database on SQLite; on PostgreSQL the pool, or inside a transaction the pooled client it runs on.
 */
export function clientOf(db: Db): Db['$client'] {
  return (db as unknown as { session: { client: Db['$client'] } }).session.client
}
