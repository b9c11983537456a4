/**
 * Import wizard jobs: a dry run or an import of a staged upload, run off the request
 * path. The job is an `import_batches` row (kind `import` or `dry_run`) that moves
 *   queued -> running -> written | checked (dry run) | rejected | failed, and later undone.
 * It runs the CLI's steps (imports.service.ts: `planImport` reads, maps and validates the whole
 * file before anything is written, so a bad file writes nothing; `checkPlan` sorts the rows into
 * new, duplicate, changed duplicate and elsewhere, in the importing user's sight), then writes
 * through the same `writeRows` / ingest path in paced chunks (PACING), each its own transaction
 * that also moves the batch's `rowsDone`: replies by responders wait for one chunk at most.
 * A job that fails mid-way, or that a crash left running, is compensated: what it wrote is
 * removed by the code that undoes a batch (`listTouchedInquiries` + the inquiries module's `removeBatchInquiries`), and
 * its counts then say what is left.
 */
import {
  importCellText,
  type DateOrder,
  type ImportIssue,
  type LifecycleViewer,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { withTransaction } from '../../db/transaction.ts'
import { removeBatchInquiries } from '../inquiries/ingest.service.ts'
import * as repo from './imports.repo.ts'
import {
  byRow,
  checkPlan,
  planImport,
  writeRows,
  type ImportProgress,
  type SavedMapping,
} from './imports.service.ts'
import { readStagedFile, removeStagedFile } from './import-staging.ts'
import type { Table } from './table.ts'
import { agreeing, counted } from '../../lib/english.ts'

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
  dateOrder?: DateOrder | undefined
  sheet?: string | undefined
  headerRow?: number | undefined
  skipInvalid?: boolean | undefined
  /** who started the job, as they were then: duplicates are checked in their sight */
  viewer?: LifecycleViewer | undefined
}

/** An invalid row's problem with the cell's value, as the wizard's table and CSV show it. */
export type ImportRowIssue = ImportIssue & { value?: string | undefined }

/** Adds each issue's cell value (by row number and header name) from the table. */
export function withValues(
  issues: readonly ImportIssue[],
  table: Table | undefined,
): ImportRowIssue[] {
  if (!table) return [...issues]
  const byRow = new Map(table.rows.map((r) => [r.row, r.cells]))
  return issues.map((issue) => {
    const index = issue.column === undefined ? -1 : table.headers.indexOf(issue.column)
    const cell = issue.row === undefined || index < 0 ? undefined : byRow.get(issue.row)?.[index]
    if (cell === undefined || cell === null) return issue
    return { ...issue, value: importCellText(cell) }
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

/** Progress is written to the job's row at most this often (ms), and at every change of phase. */
const PROGRESS_MS = 250

/**
 * Writes progress to the job's row, at most every PROGRESS_MS unless the phase changes. The
 * pipeline reports from its synchronous loops, so `report` chains the writes (in order) and the
 * job awaits `written()` before its next step; a failed write fails the job there.
 */
function progressWriter(db: Db, batchId: number) {
  let last = { phase: '', at: 0 }
  let writes = Promise.resolve()
  const report = (p: ImportProgress) => {
    const at = performance.now()
    if (p.phase === last.phase && at - last.at < PROGRESS_MS && p.done !== p.total) return
    last = { phase: p.phase, at }
    const row = { phase: p.phase, rowsDone: p.done, rowsTotal: p.total }
    writes = writes.then(async () => await repo.updateImportBatch(db, batchId, row))
  }
  return { report, written: () => writes }
}

/**
 * Runs job `batchId` to its end state (on the worker's own connection, or in-process for an
 * in-memory database), reading its upload from `stagingDir`; a job no longer queued (taken by
 * another run) is left alone. Never throws: a failure is recorded on the row and compensated.
 * An import that wrote its rows removes its staged upload; a dry run, a refused and a failed import
 * keep it for another try until staging expiry (UPLOAD_TTL_MS, import-wizard.service.ts).
 * @param clock UTC epoch ms, for finishedAt
 */
export async function runImportJob(
  db: Db,
  stagingDir: string,
  batchId: number,
  clock: () => number = Date.now,
): Promise<void> {
  // queued -> running in one statement: whoever else is handed the job finds it taken
  const batch = await repo.claimQueuedBatch(db, batchId)
  if (!batch?.uploadId) return
  const isDryRun = batch.kind === 'dry_run'
  let written = false
  try {
    const options = JSON.parse(batch.options ?? '{}') as ImportJobOptions
    const bytes = await readStagedFile(stagingDir, batch.uploadId)
    const saved = (await repo.listImportPresets(db, batch.channelCode)).map(toSavedMapping)
    const progress = progressWriter(db, batchId)
    const planned = await planImport(db, {
      ...options,
      // a dry run reports every invalid row and still counts the valid ones
      skipInvalid: isDryRun || options.skipInvalid,
      saved,
      channelCode: batch.channelCode,
      file: { name: batch.fileName, bytes },
      // receipt times later than the job's start are refused
      now: batch.createdAt,
      onProgress: progress.report,
    })
    await progress.written()
    if ('rejected' in planned) {
      const { rejected, table } = planned
      await repo.updateImportBatch(db, batchId, {
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
    const { table, mapped, about } = planned
    const check = await checkPlan(db, batch.channelCode, planned, options.viewer ?? null)
    await repo.updateImportBatch(db, batchId, {
      format: about.format ?? batch.format,
      encoding: about.encoding ?? null,
      sheet: about.sheet ?? null,
      preset: about.preset ?? null,
      skipped: mapped.invalidRows + check.elsewhere,
      errors: JSON.stringify(withValues([...mapped.issues, ...check.issues].sort(byRow), table)),
    })
    if (isDryRun) {
      await repo.updateImportBatch(db, batchId, {
        status: 'checked',
        created: check.created,
        duplicates: check.duplicates,
        finishedAt: clock(),
      })
      return
    }
    const rows = check.rows
    await repo.updateImportBatch(db, batchId, {
      phase: 'write',
      rowsDone: 0,
      rowsTotal: rows.length,
    })
    let created = 0
    let done = 0
    // the last chunk's transaction also ends the job, so nobody reads it running with every row
    // written (nor written without its last chunk)
    const ended = () => ({
      status: 'written' as const,
      created,
      duplicates: check.considered - created,
      finishedAt: clock(),
    })
    if (rows.length === 0) await repo.updateImportBatch(db, batchId, ended())
    while (done < rows.length) {
      await withTransaction(db, async (txDb) => {
        const until = performance.now() + PACING.CHUNK_MS
        do {
          const step = rows.slice(done, done + PACING.STEP_ROWS)
          created += await writeRows(txDb, step, {
            actorId: batch.createdBy,
            now: batch.createdAt,
            batchId,
          })
          done += step.length
        } while (done < rows.length && performance.now() < until)
        await repo.updateImportBatch(
          txDb,
          batchId,
          done < rows.length ? { rowsDone: done, created } : { rowsDone: done, ...ended() },
        )
      })
      if (done < rows.length) await pause(PACING.GAP_MS)
    }
    written = true
  } catch (err) {
    await failImportJob(db, batchId, `The import stopped: ${(err as Error).message}`, clock())
  }
  // A refused or failed import keeps its upload, so the file can be imported again with other
  // options without uploading it again; staging expiry removes it if it never is
  if (written) await discardUpload(db, stagingDir, batch.uploadId)
}

/** Removes a staged upload (file and row) once an import has written it. */
async function discardUpload(db: Db, stagingDir: string, uploadId: string): Promise<void> {
  await removeStagedFile(stagingDir, uploadId)
  await repo.deleteImportUpload(db, uploadId)
}

/**
 * Marks a job failed and compensates, in one transaction: the batch's inquiries are removed as an
 * undo removes them, except those a responder touched meanwhile (kept, and named in `failure`);
 * `created` then counts the kept ones, so the batch's counts match the rows left.
 * @param now UTC epoch ms
 */
export async function failImportJob(
  db: Db,
  batchId: number,
  reason: string,
  now: number,
): Promise<void> {
  await withTransaction(db, async (txDb) => {
    const touched = await repo.listTouchedInquiries(txDb, batchId)
    const removed = await removeBatchInquiries(
      txDb,
      batchId,
      touched.map((t) => t.id),
    )
    const kept =
      touched.length > 0
        ? ` ${counted(touched.length, 'inquiry', 'inquiries')} changed meanwhile ${agreeing(touched, 'was', 'were')} kept: ${touched.map((t) => t.id).join(', ')}.`
        : ''
    await repo.updateImportBatch(txDb, batchId, {
      status: 'failed',
      created: await repo.countBatchInquiries(txDb, batchId),
      duplicates: 0,
      failure: `${reason} (${removed} inquiries it had written were removed.${kept})`,
      finishedAt: now,
    })
  })
}

// the advisory-lock space of import jobs' process locks (any int4 no other lock of the desk uses)
const IMPORT_JOB_LOCKS = 7316

/**
 * Takes job `batchId`'s process lock (dialect `tryProcessLock`). The process that runs a job
 * takes it before the job's row is visible to other processes (inside the transaction that
 * queues it) and holds it until the job has ended, so that a process recovering jobs at its
 * start leaves running jobs of others alone. @returns its release (never throws)
 * @throws Error when another process holds it
 */
export async function lockImportJob(db: Db, batchId: number): Promise<() => Promise<void>> {
  const release = await dialectOf(db).tryProcessLock(db, [IMPORT_JOB_LOCKS, batchId])
  if (!release) throw new Error(`Import job ${batchId} is held by another process`)
  return release
}

/**
 * At start: jobs a crash left queued or running are marked failed and compensated; a job whose
 * process lock another process holds is running there and is left alone.
 * @returns the ids of the jobs recovered
 */
export async function recoverImportJobs(db: Db, now: number): Promise<number[]> {
  const recovered: number[] = []
  for (const b of await repo.listUnfinishedBatches(db)) {
    const release = await dialectOf(db).tryProcessLock(db, [IMPORT_JOB_LOCKS, b.id])
    if (!release) continue
    try {
      // it may have ended between the list and the lock
      const status = (await repo.findImportBatch(db, b.id))?.status
      if (status !== 'queued' && status !== 'running') continue
      await failImportJob(db, b.id, 'The server stopped while this import ran', now)
      recovered.push(b.id)
    } finally {
      await release()
    }
  }
  return recovered
}
