/**
 * Import stage 1 for CSV: bytes -> text. CSV files in the wild are UTF-8 (with or without BOM),
 * GBK or GB18030 (TOOLCHAIN.md, "Data"); GBK-labelled input is decoded as GB18030, its superset,
 * because a strict GBK decoder fails on characters such as `•` and NBSP. Other encodings are
 * named by chardet's detection and decoded by iconv-lite.
 */
import { detect } from 'chardet'
import iconv from 'iconv-lite'
import { AppError } from '../../lib/errors.ts'

export type DecodedText = { text: string; encoding: string }

const GB_FAMILY = new Set(['gb18030', 'gbk', 'gb2312', 'euc-cn'])
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b)

/**
 * Decodes a text file. Detection order: BOM (UTF-8, UTF-16), valid UTF-8, then chardet's guess
 * (a Chinese guess or none means GB18030).
 * @returns the text without BOM and the encoding's name (`utf-8`, `gb18030`, …)
 * @throws AppError VALIDATION when the file is empty, holds NUL bytes (binary), or does not decode
 *   cleanly in the detected encoding
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty')
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  if (bytes.includes(0)) throw new AppError('VALIDATION', 'The file is binary (it holds NUL bytes), not a CSV text file')
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    // not UTF-8: detect below
  }
  const guess = detect(bytes)?.toLowerCase()
  const encoding = !guess || GB_FAMILY.has(guess) ? 'gb18030' : guess
  if (!iconv.encodingExists(encoding)) {
    throw new AppError('VALIDATION', `The file is neither UTF-8 nor GB18030 text (detected: ${guess ?? 'unknown'})`)
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
  const bad = text.indexOf('\ufffd')
  if (bad >= 0) {
    throw new AppError(
      'VALIDATION',
      `The file is not readable text: it is neither UTF-8 nor ${encoding} (undecodable bytes near character ${bad})`,
    )
  }
  return { text, encoding }
}
