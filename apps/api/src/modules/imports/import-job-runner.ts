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

// the worker runs TypeScript: it needs tsx's loader, which `node --import tsx` (pnpm start) passes
// on by itself and a test runner may not
const WORKER_EXEC_ARGV = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx']

function runInWorker(db: Db, batchId: number): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-job.worker.ts', import.meta.url), {
      workerData: { dbPath: db.$client.name, batchId },
      execArgv: WORKER_EXEC_ARGV,
    })
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
