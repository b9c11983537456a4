/**
 * Worker thread entry of an import job: opens its own connection to the database file (WAL lets
 * the API's connection read and write between the job's chunks) and runs the job to its end.
 * workerData: `{ dbPath: string; batchId: number }`.
 */
import { workerData } from 'node:worker_threads'
import { openDb } from '../../db/client.ts'
import { runImportJob } from './import-jobs.service.ts'

const { dbPath, batchId } = workerData as { dbPath: string; batchId: number }
const db = openDb(dbPath)
try {
  await runImportJob(db, batchId)
} finally {
  db.$client.close()
}
