/**
 * Text at the boundary: every piece of text a person or a machine hands the desk (channel API,
 * file import, public mailbox, manual entry, replies, notes, templates, names) passes one rule
 * before it is stored, so nothing stored can break a file made from it later.
 *
 * Source of the rule: XML 1.0 (Fifth Edition) §2.2 `Char` — the characters an XLSX sheet (Office
 * Open XML, ISO/IEC 29500) may hold are #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]; and the Unicode Standard §3.9 (D91): a lone surrogate is not a character
 * and has no UTF-8 form. NUL (U+0000) is refused outright: it ends strings in C and in SQLite's
 * text functions, so it can only be a mistake or an attack. Lone surrogates and the noncharacters
 * U+FFFE/U+FFFF become U+FFFD (the replacement character) in files, so the rest of the text
 * survives; a JSON body holding a lone surrogate is refused instead (`loneSurrogateAt`).
 *
 * Control characters, one rule by the kind of field (`controlCharAt`, `singleLine`): no text the
 * desk keeps may hold a C0 control other than tab, line feed and carriage return, nor DEL
 * (U+007F): they are invisible, forbidden in XML 1.0 (so in DOCX and XLSX), and in a name or a
 * subject they can only be a broken sender's bytes (`张\u0001三`); a request holding one is refused
 * with 422 naming the field, so the sender mends it. Single-line text (names, subjects, ids,
 * phone numbers, titles: `lineTextSchema`) additionally holds no line break: tabs, CR, LF and the
 * Unicode separators U+2028/U+2029 there become one space, as a single-line input box and the file
 * import (`cleanLine`) do, since a pasted title often ends a line. Multi-line text (bodies,
 * replies, notes) keeps tab, CR and LF. A file import does not refuse: its cells go through
 * `cleanLine`/`cleanText` and exporters drop what XML forbids with `toXmlText` (a row is not lost
 * for an invisible character an exporting platform left in it).
 */
import { z } from 'zod'

/** U+FFFD REPLACEMENT CHARACTER. */
export const REPLACEMENT_CHAR = '\uFFFD'

// a high surrogate not followed by a low one, a low one not preceded by a high one, U+FFFE, U+FFFF
const UNPAIRED_OR_NONCHAR =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// what XML 1.0 forbids besides those: C0 controls other than tab, LF, CR (and NUL); matching
// control characters is the point here
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g

// C0 controls other than tab, LF and CR, and DEL; matching control characters is the point here
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// what ends a line or tabs in a single-line field: tab, LF, CR, LINE and PARAGRAPH SEPARATOR
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g

/**
 * Where `text` holds a control character no text of the desk may hold (a C0 control other than
 * tab, LF and CR, or DEL; NUL included), as a code-unit index; -1 when it holds none.
 */
export function controlCharAt(text: string): number {
  const found = FORBIDDEN_CONTROL.exec(text)
  return found ? found.index : -1
}

/** The message a refused control character carries, naming it (`U+0001`); the 422's path names the field. */
export function controlCharMessage(text: string, at: number): string {
  const code = `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`
  return `holds the control character ${code}, which text may not hold (only tab and line breaks, and those only in multi-line text)`
}

/** `text` as one line: each run of tabs, CR, LF, U+2028 and U+2029 becomes one space. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

/** Whether `text` holds a NUL (U+0000), which the desk refuses. */
export function hasNul(text: string): boolean {
  return text.includes('\u0000')
}

/**
 * Where `text` holds a lone UTF-16 surrogate (half of a pair: a sender that cut a string inside an
 * emoji, or a `\ud800` escape in JSON), as a code-unit index; -1 when it holds none. Such a string
 * is not Unicode text (the Unicode Standard §3.9, D91) and has no UTF-8 form: a JSON body holding
 * one is refused, naming the field, so the sender can mend its text rather than lose it.
 */
export function loneSurrogateAt(text: string): number {
  const found = LONE_SURROGATE.exec(text)
  return found ? found.index : -1
}

/** The message a refused lone surrogate carries (the 422's detail names the field). */
export const INVALID_UNICODE_MESSAGE =
  'is not valid Unicode text: it holds a lone UTF-16 surrogate (half of a character)'

/**
 * `text` with each lone surrogate and each U+FFFE/U+FFFF replaced by U+FFFD; the same string
 * when there is none (the common case costs one regex test). NUL is not touched: refuse it with
 * `hasNul` first (`textSchema` does).
 */
export function normalizeText(text: string): string {
  UNPAIRED_OR_NONCHAR.lastIndex = 0
  return UNPAIRED_OR_NONCHAR.test(text) ? text.replace(UNPAIRED_OR_NONCHAR, REPLACEMENT_CHAR) : text
}

/**
 * `text` as an XML 1.0 document may hold it: normalised (`normalizeText`), without the control
 * characters XML forbids (all of C0 but tab, line feed and carriage return), and with CRLF and
 * lone CR as LF, which is what any XML parser reads a raw line end as anyway (XML 1.0 §2.11).
 * For exporters that write XML (XLSX); CSV keeps the stored text whole.
 */
export function toXmlText(text: string): string {
  return normalizeText(text).replace(XML_FORBIDDEN_CONTROLS, '').replace(/\r\n?/g, '\n')
}

// whitespace and the characters Unicode marks as drawing nothing: Default_Ignorable_Code_Point
// (UAX #44, DerivedCoreProperties.txt) covers the zero-width ones (U+200B..U+200D, U+2060, U+FEFF),
// every bidi control (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and variation
// selectors; `\s` adds what String.prototype.trim removes
const INVISIBLE_ONLY = /^[\s\p{Default_Ignorable_Code_Point}]*$/u

/**
 * Whether `text` shows nothing: empty, or only whitespace and characters that draw nothing
 * (zero-width spaces and joiners, bidi controls, U+FEFF, variation selectors). Such text is
 * blank for a required field, however many code units it has; a text with anything visible
 * keeps these characters where they are (a joiner or a direction mark between visible text
 * carries meaning). Source: Unicode's Default_Ignorable_Code_Point property (UAX #44).
 */
export function isBlankText(text: string): boolean {
  return INVISIBLE_ONLY.test(text)
}

/** The message a refused NUL carries (the 422's detail names the field through its path). */
export const NUL_MESSAGE = 'contains a NUL character (U+0000), which is not allowed'

/**
 * A zod string that applies the boundary rule: refuses NUL and the other control characters
 * (`controlCharAt`; issue at the field's path),
 * normalises with `normalizeText`, and makes a text that shows nothing (`isBlankText`) the empty
 * string, so `.min(1)` refuses it as it refuses spaces and an optional field stores it as blank.
 * Chain `.trim().min().max()` on it as on `z.string()`.
 */
export function textSchema() {
  return z
    .string()
    .refine((s) => !hasNul(s), NUL_MESSAGE)
    .superRefine((s, ctx) => {
      const at = s.includes('\u0000') ? -1 : controlCharAt(s)
      if (at !== -1) ctx.addIssue({ code: 'custom', message: controlCharMessage(s, at) })
    })
    .overwrite((s) => (isBlankText(s) ? '' : normalizeText(s)))
}

/**
 * `textSchema` for single-line text (names, subjects, ids, phone numbers, titles): its line breaks
 * and tabs become spaces (`singleLine`), other control characters are refused as in any text.
 */
export function lineTextSchema() {
  return textSchema().overwrite(singleLine)
}
