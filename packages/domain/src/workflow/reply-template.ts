/**
 * Reply templates (答复模板): text with placeholders in braces, filled for one inquiry.
 * Each placeholder has an English and a Chinese name; both fill the same value:
 *   {citizenName}    {市民姓名}  the citizen's name as the desk shows it (masked, e.g. 张**)
 *   {receivedDate}   {来件日期}  the receipt date in Asia/Shanghai, e.g. 2024年9月27日
 *   {trackingNumber} {工单编号}  the channel's id of the inquiry (12345 work-order number …)
 *   {department}     {承办单位}  the department handling it
 * An unknown name, or a value the inquiry lacks, is left in the text as written and reported, so
 * the responder sees what still needs typing.
 */

export const TEMPLATE_PLACEHOLDERS = {
  citizenName: ['citizenName', '市民姓名'],
  receivedDate: ['receivedDate', '来件日期'],
  trackingNumber: ['trackingNumber', '工单编号'],
  department: ['department', '承办单位'],
} as const
export type TemplateField = keyof typeof TEMPLATE_PLACEHOLDERS

/** The values for one inquiry; null or absent: not known. */
export type TemplateValues = Partial<Record<TemplateField, string | null>>

export type FilledTemplate = {
  text: string
  /** Placeholder names the template uses that are not known placeholders, in order of first use */
  unknown: string[]
  /** Known placeholders whose value the inquiry lacks (left in the text) */
  missing: TemplateField[]
}

const FIELD_BY_NAME = new Map<string, TemplateField>(
  Object.entries(TEMPLATE_PLACEHOLDERS).flatMap(([field, names]) => names.map((n) => [n, field as TemplateField])),
)

/** Brace-delimited names of letters, digits or CJK characters (no spaces, no nested braces). */
const PLACEHOLDER = /\{([\p{L}\p{N}_]+)\}/gu

/** Fills the template's placeholders with `values`; see the module comment for the names. */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unknown = new Set<string>()
  const missing = new Set<TemplateField>()
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const field = FIELD_BY_NAME.get(name)
    if (!field) {
      unknown.add(name)
      return whole
    }
    const value = values[field]
    if (value === undefined || value === null || value === '') {
      missing.add(field)
      return whole
    }
    return value
  })
  return { text, unknown: [...unknown], missing: [...missing] }
}

/** `2024年9月27日` for an ISO date `2024-09-27` (the form Chinese official replies use). */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
