/**
 * Report scenarios: the managers' dashboard for a year (reports/dashboard.service.ts, p95 ms) and
 * the streaming export of that year's inquiries (reports/export.service.ts `exportPages`, keyset
 * pages of 2000) through the download's CSV writer (export-writers.ts `csvStream`) to a temporary
 * file, with total seconds and the peak RSS sampled after every page.
 */
import { once } from 'node:events'
import { createWriteStream, statSync } from 'node:fs'
import type { Db } from '../src/db/client.ts'
import { loadCalendar } from '../src/modules/calendar/calendar.service.ts'
import { getDashboard } from '../src/modules/reports/dashboard.service.ts'
import { csvStream } from '../src/modules/reports/export-writers.ts'
import { exportPages } from '../src/modules/reports/export.service.ts'
import { rssTracker, timeRunsAsync } from './measure.ts'
import type { Measured } from './queue.bench.ts'

type Manager = { id: number; role: 'manager'; departmentId: null }

/**
 * The dashboard of `year` (Asia/Shanghai dates) as of `now`, p50/p95 ms over 10 runs; the note
 * gives this process's CPU time per run (user + system, ms), which a busy machine inflates less
 * than wall time.
 */
export async function benchDashboard(
  db: Db,
  viewer: Manager,
  year: number,
  now: number,
): Promise<Measured> {
  const q = { from: `${year}-01-01`, to: `${year}-12-31` }
  const runs = 10
  const cpu0 = process.cpuUsage()
  const p = await timeRunsAsync(
    async () => await getDashboard(db, viewer, q, now, await loadCalendar(db)),
    runs,
    1,
  )
  const cpu = process.cpuUsage(cpu0)
  return {
    name: `dashboard ${year}`,
    p,
    note: `${((cpu.user + cpu.system) / 1000 / (runs + 1)).toFixed(0)} ms CPU per run`,
  }
}

/** rows, wall and CPU seconds (user + system), peak and starting RSS (bytes), file size (bytes) */
export type ExportMeasure = {
  rows: number
  seconds: number
  cpuSeconds: number
  peakRss: number
  startRss: number
  bytes: number
}

/**
 * Exports every inquiry received in `year` (masked contacts) to `file` as the CSV download does:
 * `exportPages` through the real `csvStream` writer, its chunks written to the file.
 * @returns rows, wall and CPU seconds, peak and starting RSS (bytes), file size (bytes)
 */
export async function benchExport(
  db: Db,
  viewer: Manager,
  year: number,
  now: number,
  file: string,
): Promise<ExportMeasure> {
  const rss = rssTracker()
  const startRss = process.memoryUsage().rss
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  let rows = 0
  const filter = { status: 'all' as const, from: `${year}-01-01`, to: `${year}-12-31` }
  async function* counted() {
    for await (const page of await exportPages(db, {
      // the bench's manager (fill.ts), named in the export's audit entry
      viewer: { ...viewer, username: 'bench-m' },
      address: 'bench',
      filter,
      reveal: false,
      format: 'csv',
      now,
      cal: await loadCalendar(db),
    })) {
      rows += page.length
      rss.sample()
      yield page
    }
  }
  const out = createWriteStream(file)
  for await (const chunk of csvStream(await counted())) {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  rss.sample()
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  return {
    rows,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds,
    peakRss: rss.peak(),
    startRss,
    bytes: statSync(file).size,
  }
}
