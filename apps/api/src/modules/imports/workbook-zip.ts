/**
 * Checks an XLSX's ZIP container before any XML in it is parsed: the parts' sizes once inflated,
 * summed, must stay within IMPORT_LIMITS.unzippedBytes. The declared sizes are summed first (a
 * bomb made by an ordinary zip tool declares its true size and is refused at once); then every
 * part is inflated and counted (yauzl stops a part that inflates past its declared size), so a
 * file that lies about its sizes is refused too, before exceljs reads it.
 */
import { IMPORT_LIMITS, importIssue, limitMb } from '@desk/domain'
import yauzl from 'yauzl'
import { AppError } from '../../lib/errors.ts'

/** More parts than any workbook has (one per sheet, style, image …). */
const MAX_ENTRIES = 10_000

const overLimit = (what: string) =>
  new AppError(
    'VALIDATION',
    `The workbook ${what}, over the ${limitMb(IMPORT_LIMITS.unzippedBytes)} MB import limit for an unzipped XLSX: save it as CSV or split it`,
    [importIssue('limit_unzipped', { maxMb: limitMb(IMPORT_LIMITS.unzippedBytes) })],
  )

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (entity, e: string) => XML_ENTITIES[e] ?? entity)

/**
 * The sheets' names in workbook order, from `xl/workbook.xml`, and which of them are hidden
 * (`state="hidden"` or `"veryHidden"`, ECMA-376 Part 1 §18.2.19): an export's instructions sheet
 * is often a hidden first sheet.
 */
function sheetList(workbookXml: string): { sheets: string[]; hidden: string[] } {
  const sheets: string[] = []
  const hidden: string[] = []
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '')
    sheets.push(name)
    if (/\bstate="(?:hidden|veryHidden)"/.test(tag)) hidden.push(name)
  }
  return { sheets, hidden }
}

/**
 * @returns the sheets' names in workbook order (a preview lists them without reading the sheets)
 *   and the hidden ones among them
 * @throws AppError VALIDATION when the unzipped parts pass the limit (naming it) or the ZIP is
 *   unreadable
 */
export async function checkWorkbookZip(
  bytes: Uint8Array,
  limit: number = IMPORT_LIMITS.unzippedBytes,
): Promise<{ sheets: string[]; hidden: string[] }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true },
      (err, z) => (err ? reject(unreadable(err)) : resolve(z)),
    ),
  )
  if (zip.entryCount > MAX_ENTRIES)
    throw new AppError(
      'VALIDATION',
      `The workbook has ${zip.entryCount} parts; an XLSX has far fewer`,
    )
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = []
    zip.on('entry', (e: yauzl.Entry) => {
      found.push(e)
      zip.readEntry()
    })
    zip.on('end', () => resolve(found))
    zip.on('error', (err: Error) => reject(unreadable(err)))
    zip.readEntry()
  })
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (declared > limit) throw overLimit(`unzips to ${limitMb(declared).toLocaleString('en')} MB`)
  let inflated = 0
  const workbookXml: Buffer[] = []
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err ? reject(unreadable(err)) : resolve(s))),
    )
    try {
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length
        if (inflated > limit) throw overLimit('unzips to more than its parts declare')
        if (entry.fileName === 'xl/workbook.xml') workbookXml.push(chunk as Buffer)
      }
    } catch (err) {
      ;(stream as unknown as { destroy?: () => void }).destroy?.()
      throw err instanceof AppError ? err : unreadable(err as Error)
    }
  }
  zip.close()
  return sheetList(Buffer.concat(workbookXml).toString('utf8'))
}

const unreadable = (err: Error) =>
  new AppError('VALIDATION', `The file is not a readable XLSX workbook: ${err.message}`)
