/**
 * The cached error codes (`#DIV/0!`, `#REF!`, `#N/A` …) of a worksheet's formula cells, read from
 * the sheet's XML: exceljs's streaming reader parses a formula's cached value as a number, so an
 * error comes out as NaN and its code is lost, and a boolean result (`t="b"`) as 1 or 0. Asked only
 * for a sheet that has such cells; the
 * workbook's ZIP was checked against the unzipped-size limit before (workbook-zip.ts).
 */
import yauzl from 'yauzl'

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (entity, e: string) => XML_ENTITIES[e] ?? entity)

/**
 * @param part the sheet's path in the ZIP, e.g. `xl/worksheets/sheet1.xml`
 * @param refs the cells wanted, as A1 references
 * @returns each wanted cell's error code as Excel shows it, by reference; a cell not found (or
 *   not an error cell) is missing
 */
export async function readFormulaErrors(
  bytes: Uint8Array,
  part: string,
  refs: ReadonlySet<string>,
): Promise<Map<string, string>> {
  return typedValues(await readPart(bytes, part), 'e', refs)
}

/**
 * @param part the sheet's path in the ZIP, e.g. `xl/worksheets/sheet1.xml`
 * @param refs the cells wanted (formula cells whose cached result read as 1 or 0), as A1 references
 * @returns each wanted cell typed boolean in the XML as true or false, by reference; other cells
 *   are missing (a number 1 or 0 stays a number)
 */
export async function readFormulaBooleans(
  bytes: Uint8Array,
  part: string,
  refs: ReadonlySet<string>,
): Promise<Map<string, boolean>> {
  const values = typedValues(await readPart(bytes, part), 'b', refs)
  return new Map([...values].map(([ref, v]) => [ref, v === '1']))
}

/** The `<v>` text of the wanted cells of type `t` (`e` error, `b` boolean), by reference. */
function typedValues(xml: string, t: string, refs: ReadonlySet<string>): Map<string, string> {
  const values = new Map<string, string>()
  // <c r="B2" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
  for (const [, attrs = '', inner = ''] of xml.matchAll(/<c\b([^>]*)>([\s\S]*?)<\/c>/g)) {
    if (!new RegExp(`\\bt="${t}"`).test(attrs)) continue
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1]
    const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1]
    if (ref && value && refs.has(ref)) values.set(ref, decode(value))
  }
  return values
}

/** One part of the ZIP as text ('' when it is not there). */
async function readPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true },
      (err, z) => (err ? reject(err) : resolve(z)),
    ),
  )
  try {
    return await new Promise<string>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== part) return zip.readEntry()
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
          stream.on('error', reject)
        })
      })
      zip.on('end', () => resolve(''))
      zip.on('error', reject)
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}
