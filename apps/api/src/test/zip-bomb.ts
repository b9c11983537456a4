/**
 * A zip bomb in XLSX form, written without holding its content: a workbook whose one shared
 * string is `megabytes` MB of "A", about 1 KB of compressed data per MB. The string's deflate
 * stream is one compressed MB block repeated (each ends in a full flush, so copies are
 * independent), which inflates to the whole string. For the import's limit tests and the bench.
 */
import { crc32, constants, deflateRawSync } from 'node:zlib'

const MB = 1024 * 1024

type Part = { name: string; data: Buffer; crc: number; size: number }

/** A part from text, deflated. */
function textPart(name: string, text: string): Part {
  const raw = Buffer.from(text, 'utf8')
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length }
}

/** The shared strings part: prefix, `megabytes` MB of "A", suffix; deflated block by block. */
function sharedStrings(megabytes: number): Part {
  const prefix = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
  )
  const suffix = Buffer.from('</t></si></sst>')
  const block = Buffer.alloc(MB, 'A')
  const flush = { finishFlush: constants.Z_FULL_FLUSH }
  const deflatedBlock = deflateRawSync(block, flush)
  let crc = crc32(prefix)
  for (let i = 0; i < megabytes; i++) crc = crc32(block, crc)
  crc = crc32(suffix, crc)
  const data = Buffer.concat([
    deflateRawSync(prefix, flush),
    ...Array.from({ length: megabytes }, () => deflatedBlock),
    deflateRawSync(suffix), // ends the stream with a final block
  ])
  return {
    name: 'xl/sharedStrings.xml',
    data,
    crc,
    size: prefix.length + megabytes * MB + suffix.length,
  }
}

/** ZIP container (deflate, no data descriptors) of `parts`. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(p.crc >>> 0, 14)
    local.writeUInt32LE(p.data.length, 18)
    local.writeUInt32LE(p.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(p.crc >>> 0, 16)
    central.writeUInt32LE(p.data.length, 20)
    central.writeUInt32LE(p.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, p.data)
    centrals.push(central, name)
    offset += local.length + name.length + p.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The bomb's bytes: a one-sheet workbook whose cell A1 is the huge shared string. */
export function zipBombXlsx(megabytes: number): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zip([
    textPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    textPart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    textPart(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
    sharedStrings(megabytes),
  ])
}
