/**
 * Import throughput: a generated 100,000-row CSV (UTF-8, the Teddy Cup 问政 headers 留言编号,
 * 留言用户, 留言主题, 留言时间, 留言详情, so the teddy-cup preset maps it) through the real
 * `importFile` into a fresh database: decode, parse, validate, deadlines, one-transaction write.
 * Texts come from the demo generator, so they are as long and as Chinese as the fill's.
 */
import { DEFAULT_CHANNELS, formatInstant } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import type { Db } from '../src/db/client.ts'
import { ensureChannels } from '../src/modules/channels/channels.service.ts'
import { ensureDeadlineSetup } from '../src/modules/deadlines/deadlines.service.ts'
import { importFile } from '../src/modules/imports/imports.service.ts'
import { generateInquiries } from '../src/modules/seed/generate-inquiries.ts'

export type ImportMeasure = {
  rows: number
  created: number
  ms: number
  cpuMs: number
  bytes: number
}

/** `2019/4/25 9:32:09`, as the Teddy Cup files write Beijing times. */
function teddyTime(ms: number): string {
  const [d = '', t = ''] = formatInstant(ms).slice(0, 19).split('T')
  const [y, m, day] = d.split('-').map(Number)
  const [h, ...rest] = t.split(':')
  return `${y}/${m}/${day} ${Number(h)}:${rest.join(':')}`
}

/** The CSV bytes of `rows` generated inquiries received in 2019. */
export function teddyCsv(rows: number, seed: number): Uint8Array {
  const records: string[][] = [['留言编号', '留言用户', '留言主题', '留言时间', '留言详情']]
  const items = generateInquiries({
    seed,
    counts: { hotline_12345: rows },
    firstDate: '2019-01-01',
    lastDate: '2019-12-31',
    externalIdPrefix: '',
  })
  for (const it of items)
    records.push([
      it.externalId,
      it.citizenName ?? '',
      it.subject,
      teddyTime(it.receivedAt),
      it.body,
    ])
  return new TextEncoder().encode(stringify(records, { record_delimiter: '\r\n' }))
}

/**
 * Imports `csv` into `db`, a new, empty desk database (channel hotline_12345).
 * @returns rows, inquiries created, wall and CPU ms of `importFile`, file size in bytes
 * @throws Error when the import is not written (e.g. rejected rows)
 */
export async function benchImport(
  db: Db,
  csv: Uint8Array,
  rows: number,
  now: number,
): Promise<ImportMeasure> {
  await ensureChannels(db, DEFAULT_CHANNELS, now)
  await ensureDeadlineSetup(db, now)
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const s = await importFile(db, {
    channelCode: 'hotline_12345',
    file: { name: 'bench.csv', bytes: csv },
    now,
  })
  const cpu = process.cpuUsage(cpu0)
  const ms = performance.now() - t0
  if (s.status !== 'written')
    throw new Error(`bench import was ${s.status}: ${JSON.stringify(s.errors.slice(0, 3))}`)
  return {
    rows,
    created: s.created,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes: csv.length,
  }
}
