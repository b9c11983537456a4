/**
 * The zip-bomb scenario in a process of its own, so its peak RSS is that of the app refusing one
 * upload: a generated XLSX whose shared string unzips to <megabytes> MB is staged through the
 * wizard's `stageUpload` (written to a temporary staging folder, its ZIP checked against the
 * unzipped-size limit). Arguments: <megabytes> <staging folder>. Prints one JSON line:
 * { fileBytes, ms, startRss, peakRss, outcome } (outcome: the error's code and message, or
 * "staged").
 */
import { createTestDb } from '../src/db/client.ts'
import { AppError } from '../src/lib/errors.ts'
import { stageUpload } from '../src/modules/imports/import-wizard.service.ts'
import { createUser } from '../src/modules/users/users.service.ts'
import { zipBombXlsx } from '../src/test/zip-bomb.ts'

const [megabytes = '400', stagingDir = ''] = process.argv.slice(2)
const db = await createTestDb()
const user = await createUser(
  db,
  { username: 'importer', displayName: 'importer', role: 'responder', password: 'bench-password' },
  Date.now(),
)
const bytes = zipBombXlsx(Number(megabytes))
const startRss = process.memoryUsage().rss
const t0 = performance.now()
let outcome = 'staged'
try {
  await stageUpload(
    db,
    { stagingDir, workerDb: null },
    { fileName: 'bomb.xlsx', body: bytes, actorId: user.id, now: Date.now() },
  )
} catch (err) {
  outcome = err instanceof AppError ? `${err.code}: ${err.message}` : `${(err as Error).message}`
}
const ms = performance.now() - t0
console.log(
  JSON.stringify({
    fileBytes: bytes.length,
    ms,
    startRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    outcome,
  }),
)
