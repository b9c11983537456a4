/**
 * The (channel, external id) key in SQL, compared as the domain's `externalIdKey` does (without
 * ASCII case): the expression the unique index `inquiries_channel_external_uq` is built on, so a
 * lookup written with these helpers is one index seek per channel on either engine. A lookup by
 * the bare column would match only one spelling and read the whole table (the index holds the
 * folded id, not the column).
 */
import { externalIdKey } from '@desk/domain'
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { engineOf, tables } from './tables.ts'

/**
 * The folded external id of `column` (default: `inquiries.external_id`): SQLite's lower() folds
 * ASCII only; PostgreSQL's folds every script under the database's collation but ASCII only under
 * "C". The spelling must stay the index's own (schema.ts, schema.pg.ts) for the planner to use it.
 */
export function externalKeyOf(db: Db, column?: SQL): SQL {
  const col = column ?? sql`${tables(db).inquiries.externalId}`
  return engineOf(db) === 'postgres' ? sql`lower(${col} collate "C")` : sql`lower(${col})`
}

/** True for the inquiries whose external id is one of `ids` in any ASCII case. */
export function externalIdIn(db: Db, ids: readonly string[]): SQL {
  return inArray(externalKeyOf(db), [...new Set(ids.map(externalIdKey))])
}

/** True for the inquiry of `channelCode` known as `id` in any ASCII case. */
export function isExternalId(db: Db, channelCode: string, id: string): SQL | undefined {
  return and(eq(tables(db).inquiries.channelCode, channelCode), externalIdIn(db, [id]))
}
