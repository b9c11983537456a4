/** Import batches in SQL: one row per written import (who, when, which file, counts, skipped rows' errors). */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { importBatches } from '../../db/schema.ts'

export type ImportBatchInsert = typeof importBatches.$inferInsert
export type ImportBatchRow = typeof importBatches.$inferSelect

/** Inserts a batch and returns its id. */
export function insertImportBatch(db: Db, batch: ImportBatchInsert): number {
  return db.insert(importBatches).values(batch).returning({ id: importBatches.id }).get().id
}

/** Sets a batch's counts and errors once its rows are written. */
export function updateImportBatchCounts(
  db: Db,
  id: number,
  counts: { created: number; duplicates: number; skipped: number; errors: string },
): void {
  db.update(importBatches).set(counts).where(eq(importBatches.id, id)).run()
}

export function findImportBatch(db: Db, id: number): ImportBatchRow | undefined {
  return db.select().from(importBatches).where(eq(importBatches.id, id)).get()
}
