/**
 * Test files made in the test itself: a JPEG carrying EXIF camera and GPS tags (the APP1 segment
 * written byte by byte, TIFF big-endian, so no library under test writes what it must remove),
 * a tiny PDF, and text posing as an image.
 */
import sharp from 'sharp'

/** TIFF: IFD0 { Make: 'SpyCam-9', GPSInfo -> { GPSLatitudeRef: 'N', GPSLatitude: 41/1 48/1 30/1 } } */
function exifSegment(): Buffer {
  const tiff = Buffer.alloc(101)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4)
  // IFD0 at 8: two entries
  tiff.writeUInt16BE(2, 8)
  tiff.writeUInt16BE(0x010f, 10) // Make
  tiff.writeUInt16BE(2, 12) // ASCII
  tiff.writeUInt32BE(9, 14)
  tiff.writeUInt32BE(38, 18)
  tiff.writeUInt16BE(0x8825, 22) // GPSInfo IFD pointer
  tiff.writeUInt16BE(4, 24) // LONG
  tiff.writeUInt32BE(1, 26)
  tiff.writeUInt32BE(47, 30)
  tiff.writeUInt32BE(0, 34)
  tiff.write('SpyCam-9\0', 38, 'latin1')
  // GPS IFD at 47
  tiff.writeUInt16BE(2, 47)
  tiff.writeUInt16BE(0x0001, 49) // GPSLatitudeRef
  tiff.writeUInt16BE(2, 51)
  tiff.writeUInt32BE(2, 53)
  tiff.write('N\0', 57, 'latin1')
  tiff.writeUInt16BE(0x0002, 61) // GPSLatitude
  tiff.writeUInt16BE(5, 63) // RATIONAL
  tiff.writeUInt32BE(3, 65)
  tiff.writeUInt32BE(77, 69)
  tiff.writeUInt32BE(0, 73) // no next IFD
  ;[41, 1, 48, 1, 30, 1].forEach((v, i) => tiff.writeUInt32BE(v, 77 + i * 4))
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.alloc(4)
  head.writeUInt16BE(0xffe1, 0)
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

/** A 64×48 JPEG photo with camera make and GPS position in its EXIF. */
export async function jpegWithGps(color = '#3a7'): Promise<Buffer> {
  const plain = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .jpeg()
    .toBuffer()
  // APP1 right after SOI (FFD8), where readers look for EXIF
  return Buffer.concat([plain.subarray(0, 2), exifSegment(), plain.subarray(2)])
}

/** A one-page PDF (enough for magic-byte detection). */
export function tinyPdf(text = 'answer'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  )
}

/** Plain text: what a renamed `.jpg` that is not an image holds. */
export const notAnImage = (): Buffer =>
  Buffer.from('this is not a photo, only text pretending to be one\n'.repeat(20))
