/**
 * Runs the export scenario (reports.bench.ts `benchExport`) in a process of its own, so its peak
 * RSS is that of a process holding the app and one export, not the benchmark's fill and earlier
 * scenarios. Arguments: <db path or postgres:// URL> <manager id> <year> <now, UTC ms> <output file>. Prints the
 * ExportMeasure as one JSON line.
 */
import { closeDatabase, openDatabase } from '../src/db/engine.ts'
import { benchExport } from './reports.bench.ts'

const [setting = '', managerId = '', year = '', now = '', file = ''] = process.argv.slice(2)
const db = await openDatabase(setting)
try {
  const viewer = { id: Number(managerId), role: 'manager' as const, departmentId: null }
  console.log(JSON.stringify(await benchExport(db, viewer, Number(year), Number(now), file)))
} finally {
  await closeDatabase(db)
}
