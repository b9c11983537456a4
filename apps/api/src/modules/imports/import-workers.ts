/**
 * Runs the import wizard's previews and jobs off the request thread: in worker threads (entry
 * import-worker.boot.mjs) when `ImportSettings.workerDb` names the database (file or URL), in this thread
 * (a job yielding between chunks) when it is null. Workers have a heap limit, so a file that
 * would need more memory than allowed ends its worker, not the server. A job worker that dies
 * without ending its job (an uncaught error, out of memory) gets the job failed and compensated.
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/client.ts'
import type { ImportSettings } from '../../lib/context.ts'
import { AppError, type ErrorCode } from '../../lib/errors.ts'
import { failImportJob, runImportJob } from './import-jobs.service.ts'
import { readStagedFile, stagedPath } from './import-staging.ts'
import { findImportBatch } from './imports.repo.ts'
import { previewFile, type ImportPreview, type ReadOptions } from './imports.service.ts'

export type WorkerTask =
  | { task: 'job'; dbPath: string; stagingDir: string; batchId: number }
  | { task: 'preview'; path: string; fileName: string; options: ReadOptions; limit: number }

/** Heap limits (MB): a preview reads 20 rows; a job holds a file of up to IMPORT_LIMITS' rows. */
const HEAP_MB = { preview: 256, job: 1536 } as const

const BOOT = new URL('./import-worker.boot.mjs', import.meta.url)

const startWorker = (task: WorkerTask) =>
  new Worker(BOOT, {
    workerData: task,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB[task.task] },
  })

const running = new Map<number, Promise<void>>()

async function runJobInWorker(db: Db, task: Extract<WorkerTask, { task: 'job' }>): Promise<void> {
  let failure = 'the import worker stopped'
  await new Promise<void>((resolve) => {
    const worker = startWorker(task)
    worker.on('error', (err) => {
      failure = `the import worker failed: ${err.message}`
    })
    worker.on('exit', () => resolve())
  })
  // a worker that died (killed, out of memory) left its job unfinished: it is failed here
  const status = (await findImportBatch(db, task.batchId))?.status
  if (status === 'queued' || status === 'running')
    await failImportJob(db, task.batchId, failure, Date.now())
}

/**
 * Starts queued job `batchId`, whose process lock this process holds (`release`, from
 * lockImportJob; released when the job has ended); returns at once.
 */
export function launchImportJob(
  db: Db,
  settings: ImportSettings,
  batchId: number,
  release: () => Promise<void>,
): void {
  const run = settings.workerDb
    ? runJobInWorker(db, {
        task: 'job',
        dbPath: settings.workerDb,
        stagingDir: settings.stagingDir,
        batchId,
      })
    : runImportJob(db, settings.stagingDir, batchId)
  const job = run.finally(release)
  running.set(batchId, job)
  void job.finally(() => running.delete(batchId))
}

/** Resolves when job `batchId` has ended (at once when it is not running here). */
export function importJobSettled(batchId: number): Promise<void> {
  return running.get(batchId) ?? Promise.resolve()
}

/**
 * Resolves when every job running in this process has ended, those that start meanwhile
 * included (a request in flight may launch one): what a stopping server waits for.
 */
export async function importJobsSettled(): Promise<void> {
  while (running.size > 0) await Promise.all(running.values())
}

/**
 * The preview of staged upload `uploadId` (see `previewFile`), off the request thread.
 * @throws AppError as `previewFile` does; VALIDATION when reading it needs more memory than a
 *   preview may use
 */
export async function previewStaged(
  settings: ImportSettings,
  input: { uploadId: string; fileName: string; options: ReadOptions; limit: number },
): Promise<ImportPreview> {
  const path = stagedPath(settings.stagingDir, input.uploadId)
  if (!settings.workerDb) {
    return previewFile(
      { name: input.fileName, bytes: await readStagedFile(settings.stagingDir, input.uploadId) },
      input.options,
      input.limit,
    )
  }
  const worker = startWorker({
    task: 'preview',
    path,
    fileName: input.fileName,
    options: input.options,
    limit: input.limit,
  })
  return new Promise((resolve, reject) => {
    let answered = false
    worker.on(
      'message',
      (
        m:
          | { preview: ImportPreview }
          | { error: { code: ErrorCode; message: string; details?: unknown } },
      ) => {
        answered = true
        if ('preview' in m) resolve(m.preview)
        else reject(new AppError(m.error.code, m.error.message, m.error.details))
      },
    )
    worker.on('error', (err) => {
      answered = true
      const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      reject(
        outOfMemory
          ? new AppError(
              'VALIDATION',
              `Reading this file needs more than the ${HEAP_MB.preview} MB a preview may use`,
            )
          : err,
      )
    })
    worker.on('exit', () => {
      if (!answered) reject(new Error('the preview worker stopped without an answer'))
    })
  })
}
