/**
 * Worker thread side of import-workers.ts. workerData is one task:
 * - `{ task: 'job', dbPath, stagingDir, batchId }`: opens its own connection to the database (the
 *   SQLite file, whose WAL lets the API's connection read and write between the job's chunks, or
 *   a small pool to the PostgreSQL server of a URL) and runs the job;
 * - `{ task: 'preview', path, fileName, options, limit }`: previews a staged file and posts back
 *   `{ preview }` or `{ error: { code, message, details } }`.
 */
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { closeDatabase, openDatabase } from '../../db/engine.ts'
import { AppError } from '../../lib/errors.ts'
import { runImportJob } from './import-jobs.service.ts'
import type { WorkerTask } from './import-workers.ts'
import { previewFile } from './imports.service.ts'

const task = workerData as WorkerTask
if (task.task === 'job') {
  const db = await openDatabase(task.dbPath)
  try {
    await runImportJob(db, task.stagingDir, task.batchId)
  } finally {
    await closeDatabase(db)
  }
} else {
  try {
    const bytes = new Uint8Array(await readFile(task.path))
    parentPort?.postMessage({
      preview: await previewFile({ name: task.fileName, bytes }, task.options, task.limit),
    })
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    parentPort?.postMessage({
      error: { code: err.code, message: err.message, details: err.details },
    })
  }
}
