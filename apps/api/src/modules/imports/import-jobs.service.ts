/**
 * Import wizard jobs: a dry run or an import of a staged upload, run off the request
 * path. The job is an `import_batches` row (kind `import` or `dry_run`) that moves
 *   queued -> running -> written | checked (dry run) | rejected | failed, and later undone.
 * It goes through the same stages as the CLI (`planImport`: read, map, validate the whole file
 * before anything is written, so a bad file writes nothing), then writes through the same
 * `writeRows` / ingest path in paced chunks (PACING), each its own transaction that also moves
 * the batch's `rowsDone`: replies by responders wait for one chunk at most, not the file.
 * A job that fails mid-way, or that a crash left running, is compensated: what it wrote is
 * removed by the code that undoes a batch (`listTouchedInquiries` + `deleteBatchInquiries`).
 */
import type { ImportIssue } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import * as repo from './imports.repo.ts'
import { byRow, planImport, writeRows, type SavedMapping } from './imports.service.ts'
import { readStagedFile, removeStagedFile } from './import-staging.ts'
import type { Table } from './table.ts'

/**
 * Transactions that read before they write take the write lock at BEGIN: a deferred one would
 * fail with SQLITE_BUSY (no busy wait) when the other connection commits between its read and
 * its write.
 */
export const IMMEDIATE = { behavior: 'immediate' } as const

/**
 * Pacing of the write phase: each transaction writes rows (STEP_ROWS at a time) for about
 * CHUNK_MS, commits, then leaves the database alone for GAP_MS. SQLite's busy handler, which
 * makes the API's writers wait for the lock, retries at most 100 ms apart, so a gap of 100 ms is
 * sure to let a waiting reply in: it waits about one chunk, not the whole file.
 */
export const PACING = { CHUNK_MS: 200, GAP_MS: 100, STEP_ROWS: 100 }

/** The read options a job keeps in its row (`options`, JSON). */
export type ImportJobOptions = {
  preset?: string | null | undefined
  map?: string[] | undefined
  tz?: string | undefined
  sheet?: string | undefined
  skipInvalid?: boolean | undefined
}

/** An invalid row's problem with the cell's value, as the wizard's table and CSV show it. */
export type ImportRowIssue = ImportIssue & { value?: string | undefined }

/** Adds each issue's cell value (by row number and header name) from the table. */
export function withValues(issues: readonly ImportIssue[], table: Table | undefined): ImportRowIssue[] {
  if (!table) return [...issues]
  const byRow = new Map(table.rows.map((r) => [r.row, r.cells]))
  return issues.map((issue) => {
    const index = issue.column === undefined ? -1 : table.headers.indexOf(issue.column)
    const cell = issue.row === undefined || index < 0 ? undefined : byRow.get(issue.row)?.[index]
    if (cell === undefined || cell === null) return issue
    return { ...issue, value: cell instanceof Date ? cell.toISOString() : String(cell) }
  })
}

/** A saved preset row as the pipeline reads it. */
export function toSavedMapping(row: repo.ImportPresetRow): SavedMapping {
  return {
    name: row.name,
    headers: JSON.parse(row.headers) as string[],
    columns: JSON.parse(row.columns) as SavedMapping['columns'],
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs job `batchId` to its end state (on the worker's own connection, or in-process for an
 * in-memory database). Never throws: a failure is recorded on the row and compensated.
 * @param clock UTC epoch ms, for finishedAt
 */
export async function runImportJob(db: Db, batchId: number, clock: () => number = Date.now): Promise<void> {
  const batch = repo.findImportBatch(db, batchId)
  if (!batch || batch.status !== 'queued' || !batch.uploadId) return
  repo.updateImportBatch(db, batchId, { status: 'running', phase: 'validate' })
  const isDryRun = batch.kind === 'dry_run'
  try {
    const options = JSON.parse(batch.options ?? '{}') as ImportJobOptions
    const bytes = await readStagedFile(db, batch.uploadId)
    const saved = repo.listImportPresets(db, batch.channelCode).map(toSavedMapping)
    const planned = await planImport(db, {
      ...options,
      // a dry run reports every invalid row and still counts the valid ones
      skipInvalid: isDryRun || options.skipInvalid,
      saved,
      channelCode: batch.channelCode,
      file: { name: batch.fileName, bytes },
      onProgress: (p) => repo.updateImportBatch(db, batchId, { phase: p.phase, rowsDone: p.done, rowsTotal: p.total }),
    })
    if ('rejected' in planned) {
      const { rejected, table } = planned
      repo.updateImportBatch(db, batchId, {
        status: 'rejected',
        rowsTotal: rejected.rows,
        sheet: rejected.sheet ?? null,
        preset: rejected.preset ?? null,
        encoding: rejected.encoding ?? batch.encoding,
        format: rejected.format ?? batch.format,
        skipped: new Set(rejected.errors.map((e) => e.row)).size,
        errors: JSON.stringify(withValues(rejected.errors, table)),
        finishedAt: clock(),
      })
      return
    }
    const { table, mapped, about, columnOf } = planned
    repo.updateImportBatch(db, batchId, {
      format: about.format ?? batch.format,
      encoding: about.encoding ?? null,
      sheet: about.sheet ?? null,
      preset: about.preset ?? null,
      skipped: mapped.invalidRows,
      errors: JSON.stringify(withValues(mapped.issues, table)),
    })
    if (isDryRun) {
      const ids = mapped.valid.map((r) => r.inquiry.externalId)
      const existing = repo.findExistingExternalIds(db, batch.channelCode, [...new Set(ids)])
      const created = new Set(ids.filter((id) => !existing.has(id))).size
      repo.updateImportBatch(db, batchId, {
        status: 'checked',
        created,
        duplicates: ids.length - created,
        finishedAt: clock(),
      })
      return
    }
    const total = mapped.valid.length
    repo.updateImportBatch(db, batchId, { phase: 'write', rowsDone: 0, rowsTotal: total })
    let created = 0
    let done = 0
    const changed: ImportIssue[] = []
    while (done < total) {
      db.transaction((tx) => {
        const txDb = tx as unknown as Db
        const until = performance.now() + PACING.CHUNK_MS
        do {
          const step = mapped.valid.slice(done, done + PACING.STEP_ROWS)
          const written = writeRows(txDb, step, { actorId: batch.createdBy, now: batch.createdAt, batchId, columnOf }, undefined)
          created += written.created
          changed.push(...written.changed)
          done += step.length
        } while (done < total && performance.now() < until)
        repo.updateImportBatch(txDb, batchId, { rowsDone: done, created, duplicates: done - created })
      }, IMMEDIATE)
      if (done < total) await pause(PACING.GAP_MS)
    }
    // duplicates whose message differs from the stored inquiry join the batch's listed problems
    const errors = changed.length === 0 ? {} : { errors: JSON.stringify(withValues([...mapped.issues, ...changed].sort(byRow), table)) }
    repo.updateImportBatch(db, batchId, { status: 'written', finishedAt: clock(), ...errors })
  } catch (err) {
    failImportJob(db, batchId, `The import stopped: ${(err as Error).message}`, clock())
  } finally {
    if (!isDryRun) await discardUpload(db, batch.uploadId)
  }
}

/** Removes a staged upload (file and row) once an import has used it. */
async function discardUpload(db: Db, uploadId: string): Promise<void> {
  await removeStagedFile(db, uploadId)
  repo.deleteImportUpload(db, uploadId)
}

/**
 * Marks a job failed and compensates, in one transaction: the batch's inquiries are removed as an
 * undo removes them, except those a responder touched meanwhile (kept, and named in `failure`).
 * @param now UTC epoch ms
 */
export function failImportJob(db: Db, batchId: number, reason: string, now: number): void {
  db.transaction((tx) => {
    const txDb = tx as unknown as Db
    const touched = repo.listTouchedInquiries(txDb, batchId)
    const removed = repo.deleteBatchInquiries(txDb, batchId, touched.map((t) => t.id))
    const kept = touched.length > 0 ? ` ${touched.length} inquiries changed meanwhile were kept: ${touched.map((t) => t.id).join(', ')}.` : ''
    repo.updateImportBatch(txDb, batchId, {
      status: 'failed',
      failure: `${reason} (${removed} inquiries it had written were removed.${kept})`,
      finishedAt: now,
    })
  }, IMMEDIATE)
}

/**
 * At start: jobs a crash left queued or running are marked failed and compensated.
 * @returns the ids of the jobs recovered
 */
export function recoverImportJobs(db: Db, now: number): number[] {
  const unfinished = repo.listUnfinishedBatches(db)
  for (const b of unfinished) failImportJob(db, b.id, 'The server stopped while this import ran', now)
  return unfinished.map((b) => b.id)
}
