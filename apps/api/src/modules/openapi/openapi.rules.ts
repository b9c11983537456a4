/**
 * Rules the routes' zod schemas check in code, which `z.toJSONSchema` cannot express on its own,
 * written into the document so it refuses what the route refuses: text trimmed before its length
 * is counted (the domain's `textSchema().trim().min().max()`), NUL (U+0000) refused, and dates and
 * instants limited to the supported 1992-01-01..2100-12-31. Each rule is found by asking the
 * string schema itself on probe values (never by its name), so a schema that changes its rule
 * changes the document; openapi.test.ts checks the document's verdict against the route's at each
 * edge. A length in the document counts code points, the route UTF-16 units: they differ only
 * for characters outside the BMP (emoji), said in the description.
 */
import { SUPPORTED_FIRST_DATE, SUPPORTED_LAST_DATE } from '@desk/domain'
import { z } from 'zod'

type JsonSchema = Record<string, unknown>

const YEARS = '(?:199[2-9]|20[0-9]{2}|2100)'
const RANGE = `${SUPPORTED_FIRST_DATE}..${SUPPORTED_LAST_DATE}`
// NUL and the other control characters text may not hold (domain controlCharAt)
const NO_NUL = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$'
// at least one character that is neither whitespace nor Unicode's Default_Ignorable_Code_Point
const VISIBLE = '^(?=[\\s\\S]*[^\\s\\p{Default_Ignorable_Code_Point}])'

/** A pattern of text whose trimmed length lies in `min..max` (max undefined: no upper bound). */
function trimmedLength(min: number, max: number | undefined): string {
  const inner = `{${Math.max(0, min - 2)},${max === undefined ? '' : max - 2}}`
  const core = max === 1 ? '\\S' : `\\S(?:[\\s\\S]${inner}\\S)${min >= 2 ? '' : '?'}`
  return `^\\s*${min === 0 ? `(?:${core})?` : core}\\s*$`
}

const addPattern = (schema: JsonSchema, pattern: string) => {
  if (schema.pattern === undefined) schema.pattern = pattern
  else schema.allOf = [...((schema.allOf as JsonSchema[] | undefined) ?? []), { pattern }]
}

const describe = (schema: JsonSchema, sentence: string) => {
  schema.description = [schema.description, sentence].filter(Boolean).join(' ')
}

/** The override for `z.toJSONSchema`: adds the code-written rules of a string schema. */
export function documentCodeRules(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) {
  const { zodSchema, jsonSchema: out } = ctx
  if (zodSchema._zod.def.type !== 'string') return
  const accepts = (value: string) => z.safeParse(zodSchema, value).success
  if (out.format === 'date' || out.format === 'date-time') {
    const first =
      out.format === 'date' ? SUPPORTED_FIRST_DATE : `${SUPPORTED_FIRST_DATE}T00:00:00+08:00`
    const before = out.format === 'date' ? '1991-12-31' : '1991-12-31T23:59:59+08:00'
    if (accepts(first) && !accepts(before)) {
      addPattern(out, `^${YEARS}-`)
      describe(out, `On a date in ${RANGE} (Asia/Shanghai).`)
    }
    return
  }
  if (out.format !== undefined || out.pattern !== undefined || out.enum !== undefined) return
  const min = typeof out.minLength === 'number' ? out.minLength : 0
  const max = typeof out.maxLength === 'number' ? out.maxLength : undefined
  const base = 'x'.repeat(Math.max(min, 1))
  if (max === 0 || !accepts(base)) return
  const rules: string[] = []
  if (!accepts(`${base.slice(1)}\u0000`)) {
    out.pattern = NO_NUL
    rules.push(
      'NUL (U+0000) is refused, as are the other C0 control characters but tab, CR and LF, and DEL.',
    )
  }
  // a trimmed length: max+2 characters with a space at each end pass, or blanks do not
  const trims =
    max !== undefined ? accepts(` ${'x'.repeat(max)} `) : min > 0 && !accepts(' '.repeat(min))
  if (trims) {
    addPattern(out, trimmedLength(min, max))
    delete out.minLength
    delete out.maxLength
    rules.push(
      `Trimmed first, then ${min}..${max ?? '∞'} characters (UTF-16 units; the pattern counts code points).`,
    )
  }
  // the domain's textSchema makes a text that draws nothing blank (isBlankText), which `\S` alone
  // would take as visible
  if (min > 0 && !accepts('\u200B'.repeat(min))) {
    addPattern(out, VISIBLE)
    rules.push('A text of only invisible characters (zero-width, bidi controls, U+FEFF) is blank.')
  }
  if (rules.length > 0) describe(out, rules.join(' '))
}
