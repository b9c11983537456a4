/**
 * Import batches in SQL: one row per import (who, when, which file, counts, skipped rows' errors;
 * for wizard jobs also status and progress), the wizard's staged uploads and saved mapping presets.
 */
import { externalIdKey } from '@desk/domain'
import {
  and,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  lt,
  ne,
  not,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { aliasTable, tables } from '../../db/engine.ts'
import { externalIdIn } from '../../db/external-key.ts'
import { returnedRow } from '../../db/rows.ts'
import { messageFieldColumns } from '../../db/message-columns.ts'

export type ImportBatchInsert = typeof schema.importBatches.$inferInsert
export type ImportBatchRow = typeof schema.importBatches.$inferSelect

/** Inserts a batch and returns its id. */
export async function insertImportBatch(db: Db, batch: ImportBatchInsert): Promise<number> {
  const { importBatches } = tables(db)
  return returnedRow(
    await db.insert(importBatches).values(batch).returning({ id: importBatches.id }),
  ).id
}

/** Sets a batch's counts and errors once its rows are written. */
export async function updateImportBatchCounts(
  db: Db,
  id: number,
  counts: { created: number; duplicates: number; skipped: number; errors: string },
): Promise<void> {
  const { importBatches } = tables(db)
  await db.update(importBatches).set(counts).where(eq(importBatches.id, id))
}

export async function findImportBatch(db: Db, id: number): Promise<ImportBatchRow | undefined> {
  const { importBatches } = tables(db)
  return (await db.select().from(importBatches).where(eq(importBatches.id, id)).limit(1))[0]
}

/**
 * Moves queued job `id` (with its upload) to running, phase read, in one statement.
 * @returns the job as it is now, or undefined when it was not queued (another run has it)
 */
export async function claimQueuedBatch(db: Db, id: number): Promise<ImportBatchRow | undefined> {
  const { importBatches: b } = tables(db)
  const [row] = await db
    .update(b)
    .set({ status: 'running', phase: 'read', rowsDone: 0, rowsTotal: 0 })
    .where(and(eq(b.id, id), eq(b.status, 'queued'), isNotNull(b.uploadId)))
    .returning()
  return row
}

/** Updates a wizard job's row (status, progress, counts, errors …). */
export async function updateImportBatch(
  db: Db,
  id: number,
  patch: Partial<ImportBatchInsert>,
): Promise<void> {
  const { importBatches } = tables(db)
  await db.update(importBatches).set(patch).where(eq(importBatches.id, id))
}

export type ImportBatchListRow = ImportBatchRow & {
  createdByName: string | null
  undoneByName: string | null
}

/**
 * Batches matching `where` (by `importBatches` of `tables(db)`), newest first, with the display
 * names of who started and who undid them (null: the CLI's batches, not undone).
 */
async function namedBatches(
  db: Db,
  where: (b: ReturnType<typeof tables>['importBatches']) => SQL | undefined,
  limit: number,
): Promise<ImportBatchListRow[]> {
  const { importBatches, users } = tables(db)
  const undoer = aliasTable(users, 'undoer')
  return await db
    .select({
      ...getTableColumns(importBatches),
      createdByName: users.displayName,
      undoneByName: undoer.displayName,
    })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .leftJoin(undoer, eq(undoer.id, importBatches.undoneBy))
    .where(where(importBatches))
    .orderBy(desc(importBatches.id))
    .limit(limit)
}

/** Import batches (not dry runs), newest first, with the names of who imported and who undid. */
export async function listImportBatches(db: Db, limit: number): Promise<ImportBatchListRow[]> {
  return await namedBatches(db, (b) => eq(b.kind, 'import'), limit)
}

/** One batch or job (any kind) with the names of who started and who undid it. */
export async function findNamedImportBatch(
  db: Db,
  id: number,
): Promise<ImportBatchListRow | undefined> {
  return (await namedBatches(db, (b) => eq(b.id, id), 1))[0]
}

/** The id of an import (not a dry run) of upload `uploadId` that is queued or running, if any. */
export async function findUnfinishedImportOf(
  db: Db,
  uploadId: string,
): Promise<number | undefined> {
  const { importBatches } = tables(db)
  const rows = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.uploadId, uploadId),
        eq(importBatches.kind, 'import'),
        inArray(importBatches.status, ['queued', 'running']),
      ),
    )
    .limit(1)
  return rows[0]?.id
}

/** Wizard jobs that had not ended (a crash left them): status queued or running. */
export async function listUnfinishedBatches(db: Db): Promise<ImportBatchRow[]> {
  const { importBatches } = tables(db)
  return await db
    .select()
    .from(importBatches)
    .where(inArray(importBatches.status, ['queued', 'running']))
}

/** What an import compares a row with: who may see the stored inquiry, and its message fields. */
export type ExistingInquiry = {
  id: number
  departmentId: number | null
  assigneeId: number | null
  subject: string
  body: string
  receivedAt: number
  citizenName: string | null
  citizenPhone: string | null
  citizenEmail: string | null
  category: string | null
}

/**
 * The inquiries of `channelCode` that have one of `externalIds` in any ASCII case, by their domain
 * `externalIdKey` (500 a query).
 */
export async function findExistingInquiries(
  db: Db,
  channelCode: string,
  externalIds: readonly string[],
): Promise<Map<string, ExistingInquiry>> {
  const { inquiries } = tables(db)
  const found = new Map<string, ExistingInquiry>()
  for (let i = 0; i < externalIds.length; i += 500) {
    const rows = await db
      .select({
        externalId: inquiries.externalId,
        id: inquiries.id,
        departmentId: inquiries.departmentId,
        assigneeId: inquiries.assigneeId,
        ...messageFieldColumns(db),
      })
      .from(inquiries)
      .where(
        and(
          eq(inquiries.channelCode, channelCode),
          externalIdIn(db, externalIds.slice(i, i + 500)),
        ),
      )
    for (const { externalId, ...row } of rows) found.set(externalIdKey(externalId), row)
  }
  return found
}

/** How many inquiries of batch `batchId` the desk holds. */
export async function countBatchInquiries(db: Db, batchId: number): Promise<number> {
  const { inquiries } = tables(db)
  return (
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(inquiries)
        .where(eq(inquiries.importBatchId, batchId))
        .limit(1)
    )[0]?.n ?? 0
  )
}

export type TouchedInquiry = { id: number; externalId: string; subject: string }

/**
 * The batch's inquiries touched since their import: a version above 1, any event other than
 * the import's own, or another inquiry merged into it as a duplicate.
 */
export async function listTouchedInquiries(db: Db, batchId: number): Promise<TouchedInquiry[]> {
  const { inquiries, inquiryEvents } = tables(db)
  const dup = aliasTable(inquiries, 'dup')
  const touched = or(
    gt(inquiries.version, 1),
    exists(
      db
        .select({ one: sql`1` })
        .from(inquiryEvents)
        .where(and(eq(inquiryEvents.inquiryId, inquiries.id), ne(inquiryEvents.type, 'imported'))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(dup)
        .where(eq(dup.duplicateOfId, inquiries.id)),
    ),
  )
  return await db
    .select({ id: inquiries.id, externalId: inquiries.externalId, subject: inquiries.subject })
    .from(inquiries)
    .where(and(eq(inquiries.importBatchId, batchId), touched))
    .orderBy(inquiries.id)
}

export type ImportUploadRow = typeof schema.importUploads.$inferSelect

export async function insertImportUpload(db: Db, row: ImportUploadRow): Promise<void> {
  const { importUploads } = tables(db)
  await db.insert(importUploads).values(row)
}

export async function findImportUpload(db: Db, id: string): Promise<ImportUploadRow | undefined> {
  const { importUploads } = tables(db)
  return (await db.select().from(importUploads).where(eq(importUploads.id, id)).limit(1))[0]
}

export async function deleteImportUpload(db: Db, id: string): Promise<void> {
  const { importUploads } = tables(db)
  await db.delete(importUploads).where(eq(importUploads.id, id))
}

/**
 * Uploads staged before `before` (UTC ms), to purge, except those a wizard job not yet ended
 * (queued or running) still reads: a job queued behind others, or running long, outlives the
 * upload's age limit.
 */
export async function listImportUploadsBefore(db: Db, before: number): Promise<ImportUploadRow[]> {
  const { importUploads, importBatches } = tables(db)
  const inUse = db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.uploadId, importUploads.id),
        inArray(importBatches.status, ['queued', 'running']),
      ),
    )
  return await db
    .select()
    .from(importUploads)
    .where(and(lt(importUploads.createdAt, before), not(exists(inUse))))
}

export type ImportPresetRow = typeof schema.importPresets.$inferSelect

export async function listImportPresets(db: Db, channelCode: string): Promise<ImportPresetRow[]> {
  const { importPresets } = tables(db)
  return await db
    .select()
    .from(importPresets)
    .where(eq(importPresets.channelCode, channelCode))
    .orderBy(importPresets.name)
}

/** Inserts or replaces the channel's preset called `name`. */
export async function upsertImportPreset(
  db: Db,
  row: typeof schema.importPresets.$inferInsert,
): Promise<ImportPresetRow> {
  const { importPresets } = tables(db)
  return returnedRow(
    await db
      .insert(importPresets)
      .values(row)
      .onConflictDoUpdate({
        target: [importPresets.channelCode, importPresets.name],
        set: {
          headers: row.headers,
          columns: row.columns,
          createdBy: row.createdBy,
          createdAt: row.createdAt,
        },
      })
      .returning(),
  )
}
