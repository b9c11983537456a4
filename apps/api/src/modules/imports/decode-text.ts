/**
 * Import stage 1 for CSV: bytes -> text. CSV files in the wild are UTF-8 (with or without BOM),
 * GBK or GB18030 (TOOLCHAIN.md, "Data"); GBK-labelled input is decoded as GB18030, its superset,
 * because a strict GBK decoder fails on characters such as `•` and NBSP. Other encodings are
 * tried only when neither decodes cleanly, or when chardet is surer of Big5 or Shift_JIS than of
 * GB18030: GB18030 decodes most Big5 and Shift_JIS bytes without an error, as mojibake.
 */
import { analyse, detect } from 'chardet'
import iconv from 'iconv-lite'
import { AppError } from '../../lib/errors.ts'

export type DecodedText = { text: string; encoding: string }

const GB_FAMILY = new Set(['gb18030', 'gbk', 'gb2312', 'euc-cn'])
/**
 * Double-byte encodings whose bytes GB18030 also accepts, so a clean GB18030 decode does not rule
 * them out: letters forwarded from Hong Kong, Macao or Taiwan offices (Big5) or Japanese systems.
 */
const GB_LOOKALIKES = new Set(['big5', 'shift_jis'])
/** chardet's confidence (0–100) below which its guess does not overrule a clean GB18030 decode */
const LOOKALIKE_CONFIDENCE = 50

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b)

/**
 * Decodes a text file. Detection order: BOM (UTF-8, UTF-16), valid UTF-8, clean GB18030 (GBK is a
 * subset) unless chardet is surer of Big5 or Shift_JIS, then chardet's guess. A bureau's files are
 * UTF-8 or GB, so GB wins over a weak guess.
 * @returns the text without BOM and the encoding's name (`utf-8`, `gb18030`, …)
 * @throws AppError VALIDATION when the file is empty, binary (NUL or other control characters), or
 *   does not decode cleanly in the detected encoding
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes)
  const control = CONTROL.exec(decoded.text)
  if (control) {
    throw new AppError(
      'VALIDATION',
      `The file is binary, not CSV text (control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} at character ${control.index})`,
    )
  }
  return decoded
}

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL:
// matching them is the point here
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000e-\u001f\u007f]/

function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty')
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  if (bytes.includes(0))
    throw new AppError('VALIDATION', 'The file is binary (it holds NUL bytes), not a CSV text file')
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    // not UTF-8: detect below
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const gb = iconv.decode(buffer, 'gb18030')
  if (!gb.includes('\ufffd')) return lookalike(bytes, buffer) ?? { text: gb, encoding: 'gb18030' }
  // neither UTF-8 nor GB18030: decode as chardet guesses, if that decodes cleanly
  const guess = detect(bytes)?.toLowerCase()
  const text =
    guess && !GB_FAMILY.has(guess) && iconv.encodingExists(guess)
      ? iconv.decode(buffer, guess)
      : undefined
  if (text === undefined || text.includes('\ufffd')) {
    const at = gb.indexOf('\ufffd')
    throw new AppError(
      'VALIDATION',
      `The file is not readable text: neither UTF-8 nor GB18030 (undecodable bytes near character ${at}; detected: ${guess ?? 'unknown'})`,
    )
  }
  return { text, encoding: guess as string }
}

/**
 * Big5 or Shift_JIS text when chardet names one of them first, with at least
 * LOOKALIKE_CONFIDENCE and more confidence than it has in GB18030, and the bytes decode cleanly in
 * it; otherwise undefined (the file stays GB18030).
 */
function lookalike(bytes: Uint8Array, buffer: Buffer): DecodedText | undefined {
  const matches = analyse(bytes)
  const top = matches[0]
  const encoding = top?.name.toLowerCase()
  if (!top || !encoding || !GB_LOOKALIKES.has(encoding)) return undefined
  const gb = matches.find((m) => GB_FAMILY.has(m.name.toLowerCase()))?.confidence ?? 0
  if (top.confidence < LOOKALIKE_CONFIDENCE || top.confidence <= gb) return undefined
  const text = iconv.decode(buffer, encoding)
  return text.includes('\ufffd') ? undefined : { text, encoding }
}
