/**
 * A CSV download as a web stream: UTF-8 with BOM (Excel reads it as UTF-8), CRLF, the header, then
 * one chunk per page as the pages come (csv-stringify per page; the consumer's pace holds the
 * next page back), so no export is built whole in memory. Text cells are neutralised against
 * formula injection; every character of every text is kept.
 */
import { Readable } from 'node:stream'
import { neutralizeFormula } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'

export type CsvValue = string | number | null

const safe = (row: CsvValue[]) => row.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v))

export function csvStream(
  header: string[],
  pages: Iterable<CsvValue[][]> | AsyncIterable<CsvValue[][]>,
): ReadableStream<Uint8Array> {
  async function* chunks() {
    yield stringify([header], { bom: true, record_delimiter: '\r\n' })
    for await (const rows of pages) yield stringify(rows.map(safe), { record_delimiter: '\r\n' })
  }
  return Readable.toWeb(
    Readable.from(chunks(), { objectMode: false }),
  ) as ReadableStream<Uint8Array>
}
