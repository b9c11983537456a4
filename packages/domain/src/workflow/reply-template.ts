/**
 * Reply templates (答复模板): text with placeholders in braces, filled for one inquiry.
 * Each placeholder has an English and a Chinese name; both fill the same value:
 *   {citizenName}    {市民姓名}  the citizen's name, in clear (personal: see PERSONAL_PLACEHOLDERS)
 *   {receivedDate}   {来件日期}  the receipt date in Asia/Shanghai, e.g. 2024年9月27日
 *   {trackingNumber} {工单编号}  the channel's id of the inquiry (12345 work-order number …)
 *   {department}     {承办单位}  the department handling it
 * Full-width braces (｛市民姓名｝, what a Chinese input method types) mark a placeholder too, so a
 * reply never reaches the citizen with one left in; a template is saved only with known names in
 * ASCII braces (`templatePlaceholderProblems`).
 * An unknown name, or a value the inquiry lacks, is left in the text as written and reported, so
 * the responder sees what still needs typing. A reply is filled once more when it is released, from
 * the unmasked record, and is refused while a known placeholder stays unfilled (`replyUnfilled`).
 * Braces around any other name in a reply are the responder's own text (a formula `{x}`, a JSON
 * snippet, 请见{附件1}) and reach the citizen as typed: since a template cannot be saved with an
 * unknown name, such a name can only have been typed into the reply itself (Zendesk and Zammad
 * likewise leave text their placeholder syntax does not know alone).
 */

export const TEMPLATE_PLACEHOLDERS = {
  citizenName: ['citizenName', '市民姓名'],
  receivedDate: ['receivedDate', '来件日期'],
  trackingNumber: ['trackingNumber', '工单编号'],
  department: ['department', '承办单位'],
} as const
export type TemplateField = keyof typeof TEMPLATE_PLACEHOLDERS

/**
 * Placeholders whose value is personal data (《中华人民共和国个人信息保护法》 第六条: no more than
 * needed): the composer keeps them as placeholders and the server fills them when the reply is
 * released, so a responder never needs the clear name to write the reply.
 */
export const PERSONAL_PLACEHOLDERS: readonly TemplateField[] = ['citizenName']

/**
 * Placeholders whose value belongs to one inquiry's own record (who wrote, when, under which
 * number), as opposed to the department answering: a reply given to one inquiry must not carry them
 * to another (a duplicate merged after the reply, 个人信息保护法 第六条 and 第十条).
 */
export const RECORD_PLACEHOLDERS: readonly TemplateField[] = [
  'citizenName',
  'receivedDate',
  'trackingNumber',
]

/** The values for one inquiry; null or absent: not known. */
export type TemplateValues = Partial<Record<TemplateField, string | null>>

export type FilledTemplate = {
  text: string
  /** Placeholder names the template uses that are not known placeholders, in order of first use */
  unknown: string[]
  /** Known placeholders whose value the inquiry lacks (left in the text) */
  missing: TemplateField[]
  /** Every placeholder left in the text (unknown or missing), as written there, in order of first use */
  unfilled: string[]
}

const FIELD_BY_NAME = new Map<string, TemplateField>(
  Object.entries(TEMPLATE_PLACEHOLDERS).flatMap(([field, names]) =>
    names.map((n) => [n, field as TemplateField]),
  ),
)

/** Every placeholder name a template may use, English and Chinese, in TEMPLATE_PLACEHOLDERS order. */
export const PLACEHOLDER_NAMES: readonly string[] = [...FIELD_BY_NAME.keys()]

/**
 * Brace-delimited names of letters, digits or CJK characters (no spaces, no nested braces), in
 * ASCII braces (group 1) or full-width ones ｛｝ (group 2).
 */
const PLACEHOLDER = /\{([\p{L}\p{N}_]+)\}|｛([\p{L}\p{N}_]+)｝/gu

/** What a template's text must not carry: unknown names, and known names in full-width braces. */
export type TemplatePlaceholderProblems = {
  /** Names that are no placeholder of the desk, as written (without braces), in order of first use */
  unknown: string[]
  /** Known names written ｛name｝ instead of {name}, in order of first use */
  fullWidth: string[]
}

/**
 * The placeholders a template may not be saved with: an unknown name would leave every reply from
 * it refused, and ｛name｝ is a typing slip for {name}. Both lists empty: the template is fine.
 */
export function templatePlaceholderProblems(template: string): TemplatePlaceholderProblems {
  const unknown = new Set<string>()
  const fullWidth = new Set<string>()
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? m[2] ?? ''
    if (!FIELD_BY_NAME.has(name)) unknown.add(name)
    else if (m[2] !== undefined) fullWidth.add(name)
  }
  return { unknown: [...unknown], fullWidth: [...fullWidth] }
}

/** Whether `name` (without braces) is one of the desk's placeholders, English or Chinese. */
export function isPlaceholderName(name: string): boolean {
  return FIELD_BY_NAME.has(name)
}

/**
 * What keeps a filled reply from being sent: its known placeholders still unfilled (the inquiry
 * lacks the value), as written, in order of first use. Unknown names are the responder's text and
 * are sent as typed (module comment).
 */
export function replyUnfilled(filled: FilledTemplate): string[] {
  return filled.unfilled.filter(isPlaceholderName)
}

/** Fills the template's placeholders with `values`; see the module comment for the names. */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unknown = new Set<string>()
  const missing = new Set<TemplateField>()
  const unfilled = new Set<string>()
  const text = template.replace(PLACEHOLDER, (whole, ascii?: string, full?: string) => {
    const name = ascii ?? full ?? ''
    const field = FIELD_BY_NAME.get(name)
    if (!field) {
      unknown.add(name)
      unfilled.add(name)
      return whole
    }
    const value = values[field]
    if (value === undefined || value === null || value === '') {
      missing.add(field)
      unfilled.add(name)
      return whole
    }
    return value
  })
  return { text, unknown: [...unknown], missing: [...missing], unfilled: [...unfilled] }
}

/**
 * A reply given to one inquiry turned back into a template for another: every value of the first
 * inquiry's own record (`from`, RECORD_PLACEHOLDERS) becomes its placeholder again, so filling the
 * result for the other inquiry gives its own name, date and number; a value found nowhere changes
 * nothing. Values shorter than two characters are left alone (a one-character name would match
 * inside words); longer values go first, so one that contains another is replaced whole.
 */
export function unfillRecordValues(text: string, from: TemplateValues): string {
  const swaps = RECORD_PLACEHOLDERS.flatMap((field) => {
    const value = from[field]
    return value && value.length >= 2 ? [{ value, placeholder: `{${field}}` }] : []
  }).sort((a, b) => b.value.length - a.value.length)
  return swaps.reduce((t, s) => t.replaceAll(s.value, s.placeholder), text)
}

/** `2024年9月27日` for an ISO date `2024-09-27` (the form Chinese official replies use). */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/**
 * The template as the reply composer gets it: like `fillTemplate`, except that a personal
 * placeholder (PERSONAL_PLACEHOLDERS) whose value the inquiry has stays a placeholder, neither
 * missing nor unfilled: the server fills it from the unmasked record when the reply is released.
 */
export function fillTemplateForComposer(template: string, values: TemplateValues): FilledTemplate {
  const kept = PERSONAL_PLACEHOLDERS.filter(
    (f) => values[f] !== undefined && values[f] !== null && values[f] !== '',
  )
  const keptNames = new Set<string>(kept.flatMap((f) => TEMPLATE_PLACEHOLDERS[f]))
  const filled = fillTemplate(template, {
    ...values,
    ...Object.fromEntries(kept.map((f) => [f, null])),
  })
  return {
    text: filled.text,
    unknown: filled.unknown,
    missing: filled.missing.filter((f) => !kept.includes(f)),
    unfilled: filled.unfilled.filter((n) => !keptNames.has(n)),
  }
}

/** A run of a template's text: plain text, a known placeholder (with its value, null when the inquiry lacks it) or an unknown name (`written`: with its braces, as in the text). */
export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: TemplateField; name: string; value: string | null }
  | { kind: 'unknown'; name: string; written: string }

/**
 * The template cut at its placeholders, in order, for a preview that marks what each placeholder
 * becomes; joining plain texts, field values (or `{name}` when null) and `{name}` of unknowns gives
 * `fillTemplate(template, values).text`.
 */
export function templateSegments(template: string, values: TemplateValues): TemplateSegment[] {
  const segments: TemplateSegment[] = []
  let last = 0
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? m[2] ?? ''
    if (m.index > last) segments.push({ kind: 'text', text: template.slice(last, m.index) })
    const field = FIELD_BY_NAME.get(name)
    const value = field ? values[field] : undefined
    segments.push(
      field
        ? { kind: 'field', field, name, value: value || null }
        : { kind: 'unknown', name, written: m[0] },
    )
    last = m.index + m[0].length
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) })
  return segments
}
