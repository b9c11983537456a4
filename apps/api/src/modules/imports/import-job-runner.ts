/**
 * Starts import jobs off the request path: in a worker thread with its own SQLite connection for
 * a database file, in this process (yielding between chunks) for an in-memory database, which a
 * second connection cannot see (tests). A worker that dies without ending its job (an uncaught
 * error, out of memory) gets the job failed and compensated here.
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/client.ts'
import { failImportJob, runImportJob } from './import-jobs.service.ts'
import { findImportBatch } from './imports.repo.ts'

const running = new Map<number, Promise<void>>()

// The worker runs TypeScript: it starts from a small script that registers tsx's loader (a
// worker does not inherit the `--import tsx` hooks of `pnpm start` or of a test runner), then
// imports the worker module.
const WORKER_URL = new URL('./import-job.worker.ts', import.meta.url).href
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}) })`

function runInWorker(db: Db, batchId: number): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOT, { eval: true, workerData: { dbPath: db.$client.name, batchId } })
    let failure = 'the import worker stopped'
    worker.on('error', (err) => {
      failure = `the import worker failed: ${err.message}`
    })
    worker.on('exit', () => {
      const status = findImportBatch(db, batchId)?.status
      if (status === 'queued' || status === 'running') failImportJob(db, batchId, failure, Date.now())
      resolve()
    })
  })
}

/** Starts queued job `batchId`; returns at once. */
export function launchImportJob(db: Db, batchId: number): void {
  const job = db.$client.memory ? runImportJob(db, batchId) : runInWorker(db, batchId)
  running.set(batchId, job)
  void job.finally(() => running.delete(batchId))
}

/** Resolves when job `batchId` has ended (at once when it is not running here). */
export function importJobSettled(batchId: number): Promise<void> {
  return running.get(batchId) ?? Promise.resolve()
}
