/**
 * File import: the inquiry fields a spreadsheet column can fill, the built-in presets, and how a
 * file's headers become a column mapping. Columns are always matched by header name, never by
 * position (exports drift between years: the NYC 311 files reorder and rename columns).
 * Pure rules, shared by the CLI import and the web import wizard.
 */

/** Inquiry fields a column can be mapped to (`--map "<column>=<field>"`). */
export const IMPORT_FIELDS = [
  'externalId',
  'subject',
  'body',
  'receivedAt',
  'citizenName',
  'citizenPhone',
  'citizenEmail',
  'category',
  'reply',
  'repliedAt',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Fields every import must map: an inquiry has no meaning without them. */
export const REQUIRED_IMPORT_FIELDS = [
  'externalId',
  'subject',
  'body',
  'receivedAt',
] as const satisfies readonly ImportField[]

/**
 * One problem of an import. `row` is the row number as a spreadsheet program shows it (the header
 * is row 1); `column` is the header name. Problems with the whole file carry neither.
 */
export type ImportIssue = { row?: number; column?: string; reason: string }

/** A built-in column layout: header name -> field. It is guessed when all `requiredHeaders` are present. */
export type ImportPreset = {
  name: string
  description: string
  columns: Readonly<Record<string, ImportField>>
  requiredHeaders: readonly string[]
}

/**
 * Built-in presets. `teddy-cup`: the 问政 message-board exports of the Teddy Cup 2020 smart-government
 * data (附件2/3/4: 留言编号, 留言用户, 留言主题, 留言时间, 留言详情, optional 一级分类, 答复意见, 答复时间),
 * as that data set names them; a row with 答复意见/答复时间 imports as replied.
 */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    name: 'teddy-cup',
    description: '问政 message board export (留言编号, 留言主题, 留言时间, 留言详情 …)',
    columns: {
      留言编号: 'externalId',
      留言主题: 'subject',
      留言时间: 'receivedAt',
      留言详情: 'body',
      留言用户: 'citizenName',
      一级分类: 'category',
      答复意见: 'reply',
      答复时间: 'repliedAt',
    },
    requiredHeaders: ['留言编号', '留言主题', '留言时间', '留言详情'],
  },
]

/** The preset whose required headers all appear in `headers`, if any. */
export function guessPreset(headers: readonly string[]): ImportPreset | undefined {
  const present = new Set(headers)
  return IMPORT_PRESETS.find((p) => p.requiredHeaders.every((h) => present.has(h)))
}

/** The preset called `name`, if any. */
export function findPreset(name: string): ImportPreset | undefined {
  return IMPORT_PRESETS.find((p) => p.name === name)
}

/** One `--map` entry: the header `column` fills `field`. */
export type MapEntry = { column: string; field: ImportField }

const isImportField = (s: string): s is ImportField =>
  (IMPORT_FIELDS as readonly string[]).includes(s)

/**
 * Parses `"<column>=<field>"` (split at the last `=`, so a header may itself hold `=`).
 * @returns the entry, or the reason it is not one (unknown field, missing `=`)
 */
export function parseMapEntry(text: string): MapEntry | { reason: string } {
  const at = text.lastIndexOf('=')
  if (at <= 0) return { reason: `--map "${text}": expected "<column>=<field>"` }
  const column = text.slice(0, at).trim()
  const field = text.slice(at + 1).trim()
  if (!isImportField(field)) {
    return {
      reason: `--map "${text}": unknown field "${field}"; fields are ${IMPORT_FIELDS.join(', ')}`,
    }
  }
  return { column, field }
}

/** field -> index of its column in the header row (and the header's name, for messages). */
export type ColumnMapping = Partial<Record<ImportField, { index: number; column: string }>>

/**
 * Builds the mapping of a file: the preset's columns that the file has, then the `--map` entries
 * (which win over the preset). Reports, on row 1 (the header), a mapped column the file lacks, a
 * header that appears twice, two columns mapped to one field, a required field left unmapped, and
 * a reply without a reply time (or the reverse).
 */
export function resolveMapping(
  headers: readonly string[],
  preset: ImportPreset | undefined,
  entries: readonly MapEntry[],
): { mapping: ColumnMapping; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const indexOf = new Map<string, number>()
  headers.forEach((h, i) => {
    if (h === '') return
    if (indexOf.has(h)) issues.push({ row: 1, column: h, reason: `header "${h}" appears twice` })
    else indexOf.set(h, i)
  })
  const mapping: ColumnMapping = {}
  if (preset) {
    for (const [column, field] of Object.entries(preset.columns)) {
      const index = indexOf.get(column)
      if (index !== undefined) mapping[field] = { index, column }
    }
  }
  const mappedByEntry = new Set<ImportField>()
  for (const { column, field } of entries) {
    const index = indexOf.get(column)
    if (index === undefined) {
      issues.push({
        row: 1,
        column,
        reason: `no column "${column}" in the file; its headers are: ${headers.join(', ')}`,
      })
      continue
    }
    if (mappedByEntry.has(field))
      issues.push({ row: 1, column, reason: `field ${field} is mapped twice` })
    mappedByEntry.add(field)
    mapping[field] = { index, column }
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!mapping[field]) {
      issues.push({
        row: 1,
        reason: `no column is mapped to ${field}${preset ? '' : ' (no preset matches these headers; use --map)'}`,
      })
    }
  }
  if (Boolean(mapping.reply) !== Boolean(mapping.repliedAt)) {
    issues.push({
      row: 1,
      reason: 'reply and repliedAt must be mapped together (a reply needs its time)',
    })
  }
  return { mapping, issues }
}
