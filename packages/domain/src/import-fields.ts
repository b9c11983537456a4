/**
 * File import: the inquiry fields a spreadsheet column can fill, the built-in presets, and how a
 * file's headers become a column mapping. Columns are always matched by header name, never by
 * position (exports drift between years: the NYC 311 files reorder and rename columns).
 * Pure rules, shared by the CLI import and the web import wizard.
 */
import { importIssue, type ImportIssue, type ImportIssueParams } from './import-issues.ts'

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
  {
    name: 'api-fields',
    description: "the channel API's field names (externalId, subject, body, receivedAt …)",
    // a file written from the desk's own API (or for it) names its columns as the API's JSON
    // does: the import fields by name, and a citizen's details by their path in the API's body
    // (citizen.name …), where the file holds the flat form (citizenName …) just as well
    columns: {
      ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, f])) as Record<ImportField, ImportField>),
      'citizen.name': 'citizenName',
      'citizen.phone': 'citizenPhone',
      'citizen.email': 'citizenEmail',
    },
    requiredHeaders: REQUIRED_IMPORT_FIELDS,
  },
  {
    name: 'zh-common',
    description: "Chinese column names of a bureau's own register (编号, 标题, 内容, 来件时间 …)",
    // the plain names a bureau's Excel register (来信登记表) and most platforms' exports use
    columns: {
      编号: 'externalId',
      标题: 'subject',
      内容: 'body',
      来件时间: 'receivedAt',
      姓名: 'citizenName',
      电话: 'citizenPhone',
      邮箱: 'citizenEmail',
      分类: 'category',
      答复内容: 'reply',
      答复时间: 'repliedAt',
    },
    requiredHeaders: ['编号', '标题', '内容', '来件时间'],
  },
]

/**
 * A header as a preset compares it: Unicode NFKC (full-width letters as ASCII), without any
 * whitespace, ASCII letters in lower case, so `External ID`, `externalid` and `ｅｘｔｅｒｎａｌＩｄ`
 * all name `externalId`, and ` 标题 ` is 标题. A `--map` entry still names its column exactly.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s/gu, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** The preset whose required headers all appear in `headers` (by headerKey), if any. */
export function guessPreset(headers: readonly string[]): ImportPreset | undefined {
  const present = new Set(headers.map(headerKey))
  return IMPORT_PRESETS.find((p) => p.requiredHeaders.every((h) => present.has(headerKey(h))))
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
 * @returns the entry, or the issue why it is not one (unknown field, missing `=`)
 */
export function parseMapEntry(text: string): MapEntry | ImportIssue {
  const at = text.lastIndexOf('=')
  if (at <= 0) return importIssue('map_syntax', { entry: text })
  const column = text.slice(0, at).trim()
  const field = text.slice(at + 1).trim()
  if (!isImportField(field)) {
    return importIssue('map_unknown_field', {
      entry: text,
      field,
      fields: IMPORT_FIELDS.join(', '),
    })
  }
  return { column, field }
}

/** field -> index of its column in the header row (and the header's name, for messages). */
export type ColumnMapping = Partial<Record<ImportField, { index: number; column: string }>>

/**
 * Whether a row's cells can be the header row for `preset` and the `--map` entries: every column
 * an entry names is there (exactly), and every header the preset requires (by headerKey); with
 * neither, whether some built-in preset's required headers are all there (guessPreset). The
 * import asks it of a file's first rows to pass over a title row above the headers.
 */
export function looksLikeHeader(
  cells: readonly string[],
  preset: ImportPreset | undefined,
  entries: readonly MapEntry[],
): boolean {
  if (!preset && entries.length === 0) return guessPreset(cells) !== undefined
  const keys = new Set(cells.map(headerKey))
  return (
    entries.every((e) => cells.includes(e.column)) &&
    (preset?.requiredHeaders.every((h) => keys.has(headerKey(h))) ?? true)
  )
}

/**
 * Builds the mapping of a file: the preset's columns that the file has (by headerKey), then the `--map` entries
 * (which win over the preset). Reports, on the header's row (`headerRow`, 1-based in the file), a
 * mapped column the file lacks, a header that appears twice, two columns mapped to one field, a
 * required field left unmapped, and a reply without a reply time (or the reverse).
 */
export function resolveMapping(
  headers: readonly string[],
  preset: ImportPreset | undefined,
  entries: readonly MapEntry[],
  headerRow = 1,
): { mapping: ColumnMapping; issues: ImportIssue[] } {
  const row = headerRow
  const issues: ImportIssue[] = []
  const indexOf = new Map<string, number>()
  headers.forEach((h, i) => {
    if (h === '') return
    if (indexOf.has(h)) issues.push(importIssue('header_twice', { header: h }, { row, column: h }))
    else indexOf.set(h, i)
  })
  const mapping: ColumnMapping = {}
  if (preset) {
    // the preset's names by headerKey; the first column of a key wins, as indexOf keeps it
    const byKey = new Map<string, number>()
    headers.forEach((h, i) => {
      if (h !== '' && !byKey.has(headerKey(h))) byKey.set(headerKey(h), i)
    })
    for (const [name, field] of Object.entries(preset.columns)) {
      const index = byKey.get(headerKey(name))
      if (index !== undefined) mapping[field] = { index, column: headers[index] ?? name }
    }
  }
  const mappedByEntry = new Set<ImportField>()
  for (const { column, field } of entries) {
    const index = indexOf.get(column)
    if (index === undefined) {
      const params = { column, headers: headers.join(', ') }
      issues.push(importIssue('no_such_column', params, { row, column }))
      continue
    }
    if (mappedByEntry.has(field))
      issues.push(importIssue('mapped_twice', { field }, { row, column }))
    mappedByEntry.add(field)
    mapping[field] = { index, column }
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!mapping[field]) {
      const params: ImportIssueParams = preset ? { field } : { field, noPreset: 1 }
      issues.push(importIssue('unmapped', params, { row }))
    }
  }
  if (Boolean(mapping.reply) !== Boolean(mapping.repliedAt)) {
    issues.push(importIssue('reply_pair', {}, { row }))
  }
  return { mapping, issues }
}
