/**
 * File import, one pipeline for the `desk import` command and the web import wizard's jobs
 * (import-jobs.service.ts). A CSV or XLSX file of inquiries goes through the same steps in both:
 *   1 read:     bytes -> table (read-table.ts), within IMPORT_LIMITS
 *   2 validate: mapping (preset / --map / saved, domain import-fields.ts) -> validated rows
 *               (map-rows.ts); without `skipInvalid` any invalid row rejects the file
 *   3 check:    each valid row against the desk (`checkPlan`): new, duplicate, changed duplicate
 *               (listed, the desk keeps its own), or an inquiry the importer may not see (listed as
 *               "exists elsewhere" without naming it, and not imported)
 *   4 write:    the new rows through the one ingest path (`writeRows`); a dry run stops before it.
 * So a dry run's counts and listed rows mean the same in both. The CLI writes in one transaction;
 * the wizard in paced chunks beside the live desk, compensated if it fails.
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  ambiguousDates,
  type AmbiguousDate,
  BUREAU_TZ,
  DATE_ORDERS,
  IMPORT_PRESETS,
  findPreset,
  guessPreset,
  looksLikeHeader,
  importIssue,
  inScope,
  isCellError,
  isTimeZone,
  parseMapEntry,
  resolveMapping,
  type ColumnMapping,
  type DateOrder,
  type ImportCell,
  type LifecycleViewer,
  type ImportField,
  type ImportIssue,
  type ImportPreset,
  type MapEntry,
  externalIdKey,
  firstMessageDifference,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getMessageChannel } from '../channels/channels.service.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'
import * as repo from './imports.repo.ts'
import { mapRows, type MappedRow, type MappedRows } from './map-rows.ts'
import { readTable } from './read-table.ts'
import type { ReadTableOptions, Table, TableRow } from './table.ts'

export type ImportFileInput = { name: string; bytes: Uint8Array }

/** How to read a file: the same for a preview and an import. */
export type ReadOptions = {
  /** a built-in preset's name; default: the preset whose headers match, if any; null: no preset (`map` only) */
  preset?: string | null | undefined
  /** `"<column>=<field>"` entries; they win over the preset */
  map?: readonly string[] | undefined
  /** XLSX: the sheet's name (default: the first that is not hidden) */
  sheet?: string | undefined
  /**
   * The header's row number in the file (1-based); default: the first of the first 10 rows whose
   * cells the preset or the `map` entries (or a saved mapping) fit, else the first non-blank row
   */
  headerRow?: number | undefined
  /**
   * Mappings saved for the channel (import wizard): with neither `preset` nor `map` given, the
   * one whose headers are exactly the file's is used (before a built-in preset is guessed)
   */
  saved?: readonly SavedMapping[] | undefined
}

/** A named mapping saved for a channel: the file's headers and header -> field. */
export type SavedMapping = {
  name: string
  headers: readonly string[]
  columns: Readonly<Record<string, ImportField>>
}

/** True when both lists hold the same non-blank header names. */
function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  const key = (h: readonly string[]) =>
    [...new Set(h.filter((x) => x !== ''))].sort().join('\u0000')
  return key(a) === key(b)
}

export type ImportOptions = ReadOptions & {
  channelCode: string
  file: ImportFileInput
  /** IANA zone of zone-less times (default Asia/Shanghai) */
  tz?: string | undefined
  /** how year-last slash dates (`12/01/2026`) are read; default: as the file's own dates show (see mapRows) */
  dateOrder?: DateOrder | undefined
  /** leave out invalid rows (listed in `errors`) instead of rejecting the file */
  skipInvalid?: boolean | undefined
  /** run steps 1-3 and report what the write would do; write nothing */
  dryRun?: boolean | undefined
  /** the staff user importing (null: the command line) */
  actorId?: number | null | undefined
  /** whose sight duplicates are checked in (null: the command line, which sees every inquiry) */
  viewer?: LifecycleViewer | null | undefined
  /** UTC epoch ms of the import (default: now) */
  now?: number | undefined
  onProgress?: ((progress: ImportProgress) => void) | undefined
}

/**
 * Progress by step: `read` counts rows read so far (`total` 0: not known until the end), then
 * `validate` (mapping, validation and the check against the desk) and `write` count rows done of
 * rows total.
 */
export type ImportProgress = { phase: 'read' | 'validate' | 'write'; done: number; total: number }

export type ImportSummary = {
  /** written; dry_run (nothing written, would have been); rejected (nothing written) */
  status: 'written' | 'dry_run' | 'rejected'
  /** inquiries new to the desk (in a dry run: that would be) */
  created: number
  /** valid rows whose (channel, external id) exists already, in the desk or earlier in the file */
  duplicates: number
  /** rows not imported: invalid ones (only with skipInvalid) and those that exist elsewhere */
  skipped: number
  /** problems by row: of skipped rows, duplicates whose text differs, or a rejection's reasons */
  errors: ImportIssue[]
  /** the import_batches row (status written) */
  batchId?: number | undefined
  /** non-blank data rows read */
  rows: number
  format?: Table['format'] | undefined
  encoding?: string | undefined
  sheet?: string | undefined
  /** the header's row number in the file, when rows above it (a title, 导出时间) were left out */
  headerRow?: number | undefined
  /** XLSX: the hidden sheets passed over as "the first sheet", when there are any */
  hiddenSheets?: string[] | undefined
  preset?: string | undefined
}

type Prepared = {
  table: Table
  preset: ImportPreset | undefined
  /** the saved mapping chosen for these headers, if any */
  savedName: string | undefined
  mapping: ColumnMapping
  /** problems of the mapping (on row 1): a missing column, a required field left unmapped … */
  mappingIssues: ImportIssue[]
}

/**
 * Stages 1-3 up to the mapping: reads the table, chooses the preset (or a saved mapping), applies
 * `map`. Problems of the mapping itself come back as `mappingIssues`, so a preview can show them.
 * @throws AppError VALIDATION with `details: ImportIssue[]` for an unreadable file, an unknown
 *   preset or a malformed `map` entry
 */
async function prepare(
  file: ImportFileInput,
  opts: ReadOptions,
  read: Omit<ReadTableOptions, 'sheet'> = {},
): Promise<Prepared> {
  const entries: MapEntry[] = []
  const issues: ImportIssue[] = []
  for (const text of opts.map ?? []) {
    const parsed = parseMapEntry(text)
    if ('reason' in parsed) issues.push(parsed)
    else entries.push(parsed)
  }
  let preset: ImportPreset | undefined
  if (typeof opts.preset === 'string') {
    preset = findPreset(opts.preset)
    if (!preset)
      issues.push(
        importIssue('unknown_preset', {
          preset: opts.preset,
          presets: IMPORT_PRESETS.map((p) => p.name).join(', '),
        }),
      )
  }
  if (issues.length > 0) throw rejection(issues)
  const isHeader = (cells: string[]) =>
    opts.preset === undefined && entries.length === 0
      ? Boolean(opts.saved?.some((m) => sameHeaders(m.headers, cells))) ||
        looksLikeHeader(cells, undefined, [])
      : looksLikeHeader(cells, preset, entries)
  const table = await readTable(file, {
    ...read,
    sheet: opts.sheet,
    headerRow: opts.headerRow,
    isHeader: opts.preset === null && entries.length === 0 ? undefined : isHeader,
  })
  const saved =
    opts.preset === undefined && entries.length === 0
      ? opts.saved?.find((m) => sameHeaders(m.headers, table.headers))
      : undefined
  if (saved) {
    for (const [column, field] of Object.entries(saved.columns)) entries.push({ column, field })
  } else if (opts.preset !== null) {
    preset ??= guessPreset(table.headers)
  }
  const resolved = resolveMapping(table.headers, preset, entries, table.headerRow)
  return {
    table,
    preset,
    savedName: saved?.name,
    mapping: resolved.mapping,
    mappingIssues: resolved.issues,
  }
}

const isIssueList = (details: unknown): details is ImportIssue[] =>
  Array.isArray(details) && details.every((d) => typeof (d as ImportIssue).reason === 'string')

function rejection(issues: ImportIssue[]): AppError {
  const first = issues[0]
  const where = first?.row ? `row ${first.row}${first.column ? `, ${first.column}` : ''}: ` : ''
  return new AppError('VALIDATION', `${where}${first?.reason ?? 'invalid import'}`, issues)
}

/** What a preview shows: headers, the first rows, the encoding and the mapping it would use. */
export type ImportPreview = {
  format: Table['format']
  encoding?: string | undefined
  sheet?: string | undefined
  /** XLSX: every sheet's name, in workbook order */
  sheets?: string[] | undefined
  /** XLSX: the hidden sheets (passed over as "the first sheet"), in workbook order */
  hiddenSheets?: string[] | undefined
  /** CSV: the cell delimiter found (`,` `;` or a tab) */
  delimiter?: string | undefined
  /** the header's row number in the file (rows above it are left out) */
  headerRow: number
  headers: string[]
  /** the first `limit` non-blank data rows */
  rows: TableRow[]
  /** the file's data rows when it has no more than those shown; else undefined (not read) */
  totalRows?: number | undefined
  preset?: string | undefined
  /** the saved mapping chosen because the headers match, if any */
  savedPreset?: string | undefined
  /** field -> header name */
  mapping: Partial<Record<string, string>>
  /** what is wrong with the mapping (an import with it would be refused for these) */
  mappingIssues: ImportIssue[]
  /**
   * The shown rows' year-last slash dates in the mapped time columns that read two ways
   * (`12/01/2026`) when the shown rows show no order: an import needs `dateOrder` for them
   * (rows further down may still show it; the dry run tells)
   */
  ambiguousDates: AmbiguousDate[]
}

/**
 * The first `limit` rows of a file with its detected encoding and guessed mapping (the import
 * wizard's preview). Reads only those rows (and an XLSX's sheet list); writes nothing.
 * @throws AppError VALIDATION as `importFile` rejects an unreadable file (mapping problems are
 *   returned in `mappingIssues`)
 */
export async function previewFile(
  file: ImportFileInput,
  opts: ReadOptions = {},
  limit = 20,
): Promise<ImportPreview> {
  const { table, preset, savedName, mapping, mappingIssues } = await prepare(file, opts, {
    previewRows: limit,
  })
  return {
    format: table.format,
    encoding: table.encoding,
    sheet: table.sheet,
    sheets: table.sheets,
    hiddenSheets: table.hiddenSheets,
    delimiter: table.delimiter,
    headerRow: table.headerRow,
    headers: table.headers,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(previewCell) })),
    totalRows: table.complete ? table.rows.length : undefined,
    preset: preset?.name,
    savedPreset: savedName,
    mapping: Object.fromEntries(Object.entries(mapping).map(([field, col]) => [field, col.column])),
    mappingIssues,
    ambiguousDates: ambiguousDates(
      table.rows,
      [mapping.receivedAt, mapping.repliedAt].filter((c) => c !== undefined),
    ),
  }
}

/**
 * A cell as the preview shows it. An Excel date cell holds a clock time without a zone (its UTC
 * fields, see xlsx-table.ts), which the import reads in the chosen zone: shown as that clock time,
 * `2019-04-08 08:37:20`, not as an ISO instant with a `Z` that claims it is UTC. An error value
 * is shown as Excel shows it (`#DIV/0!`).
 */
function previewCell(cell: ImportCell): string | number | boolean | null {
  if (isCellError(cell)) return cell.error
  return cell instanceof Date ? cell.toISOString().slice(0, 19).replace('T', ' ') : cell
}

const WRITE_CHUNK = 1000

/** Issues in row order (file-level ones, without a row, first). */
export const byRow = (a: ImportIssue, b: ImportIssue) => (a.row ?? 0) - (b.row ?? 0)

/**
 * Imports a CSV or XLSX file of inquiries into `channelCode`, all or nothing, in one transaction.
 * Never throws for bad input: an unknown channel, preset, field or zone, an unreadable, empty,
 * header-only or over-limit file, or (without `skipInvalid`) any invalid row gives
 * `status: 'rejected'` with the reasons by row and column, and nothing is written. Re-importing a
 * file creates nothing new (duplicates); a duplicate whose message differs from the stored
 * inquiry is listed in `errors` (the desk keeps its own).
 * @throws only unexpected errors (a database failure), after rolling back
 */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportSummary> {
  const planned = await planImport(db, opts)
  if ('rejected' in planned) return planned.rejected
  const check = await checkPlan(db, opts.channelCode, planned, opts.viewer ?? null)
  const { about } = planned
  const skipped = planned.mapped.invalidRows + check.elsewhere
  const errors = [...planned.mapped.issues, ...check.issues].sort(byRow)
  if (opts.dryRun)
    return {
      status: 'dry_run',
      created: check.created,
      duplicates: check.duplicates,
      skipped,
      errors,
      ...about,
    }
  const now = opts.now ?? Date.now()
  const result = await withTransaction(db, async (txDb) => {
    const batchId = await repo.insertImportBatch(txDb, {
      channelCode: opts.channelCode,
      fileName: opts.file.name,
      format: planned.table.format,
      encoding: planned.table.encoding ?? null,
      createdBy: opts.actorId ?? null,
      createdAt: now,
    })
    const created = await writeRows(
      txDb,
      check.rows,
      { actorId: opts.actorId ?? null, now, batchId },
      opts.onProgress,
    )
    const duplicates = check.considered - created
    await repo.updateImportBatchCounts(txDb, batchId, {
      created,
      duplicates,
      skipped,
      errors: JSON.stringify(errors),
    })
    return { created, duplicates, batchId }
  })
  return { status: 'written', ...result, skipped, errors, ...about }
}

/** What a file holds once read, mapped and validated, before anything is written. */
export type ImportPlan = {
  table: Table
  /** the valid rows and every problem by row and column */
  mapped: MappedRows
  /** what the summary says about the file */
  about: Pick<
    ImportSummary,
    'rows' | 'format' | 'encoding' | 'sheet' | 'headerRow' | 'hiddenSheets' | 'preset'
  >
  /** the file's column that a field was read from (the field's name when unmapped) */
  columnOf: (field: ImportField) => string
}

/**
 * Steps 1-2 of every import (the CLI's `importFile` and the wizard's jobs): checks the channel
 * and zone, reads the file (progress in phase `read`), resolves the mapping and validates every
 * row (phase `validate`). Writes nothing.
 * @returns the plan, or `{ rejected, table? }` (the summary of a refused import, and the table when
 *   it was read) for bad input: an unknown
 *   channel, preset, field or zone, an unreadable, empty or header-only file, or (without
 *   `skipInvalid`) any invalid row
 */
export async function planImport(
  db: Db,
  opts: Omit<ImportOptions, 'dryRun' | 'actorId'>,
): Promise<ImportPlan | { rejected: ImportSummary; table?: Table }> {
  const zone = opts.tz ?? BUREAU_TZ
  let prepared: Prepared
  try {
    await getMessageChannel(db, opts.channelCode)
    if (!isTimeZone(zone))
      throw new AppError(
        'VALIDATION',
        `Unknown time zone "${zone}" (use an IANA name such as America/New_York)`,
      )
    if (opts.dateOrder !== undefined && !DATE_ORDERS.includes(opts.dateOrder))
      throw new AppError(
        'VALIDATION',
        `Unknown date order "${String(opts.dateOrder)}" (use ${DATE_ORDERS.join(' or ')})`,
      )
    prepared = await prepare(opts.file, opts, {
      onRows: (done) => opts.onProgress?.({ phase: 'read', done, total: 0 }),
    })
    if (prepared.mappingIssues.length > 0) throw rejection(prepared.mappingIssues)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    // a rejection() carries import issues; other errors (a refused channel's field detail) their message
    const errors = isIssueList(err.details)
      ? err.details
      : [importIssue('unreadable', { message: err.message })]
    return {
      rejected: { status: 'rejected', created: 0, duplicates: 0, skipped: 0, errors, rows: 0 },
    }
  }
  const { table, preset } = prepared
  const about = {
    rows: table.rows.length,
    format: table.format,
    encoding: table.encoding,
    sheet: table.sheet,
    ...(table.headerRow > 1 && { headerRow: table.headerRow }),
    ...(table.hiddenSheets && opts.sheet === undefined && { hiddenSheets: table.hiddenSheets }),
    preset: preset?.name,
  }
  const rejected = (errors: ImportIssue[]) => ({
    rejected: {
      status: 'rejected' as const,
      created: 0,
      duplicates: 0,
      skipped: 0,
      errors,
      ...about,
    },
    table,
  })
  if (table.rows.length === 0) return rejected([importIssue('no_data_rows')])

  const mapped = mapRows(
    table,
    prepared.mapping,
    { channelCode: opts.channelCode, zone, dateOrder: opts.dateOrder, now: opts.now ?? Date.now() },
    (done, total) => opts.onProgress?.({ phase: 'validate', done, total }),
  )
  if (mapped.issues.length > 0 && !opts.skipInvalid) return rejected(mapped.issues)
  return { table, mapped, about, columnOf: (field) => prepared.mapping[field]?.column ?? field }
}

/** Step 3's answer: what writing the plan's valid rows would do. */
export type ImportCheck = {
  /** the rows to write: the first row of each external id new to the desk, in file order */
  rows: MappedRow[]
  /** external ids new to the desk */
  created: number
  /** valid rows already in the desk (in the importer's sight) or earlier in the file */
  duplicates: number
  /** valid rows of inquiries the importer may not see: not imported */
  elsewhere: number
  /** rows - elsewhere: every valid row that is either created or a duplicate */
  considered: number
  /** changed duplicates and rows that exist elsewhere, by row */
  issues: ImportIssue[]
}

/**
 * Step 3: each valid row of `plan` against the desk's inquiries of `channelCode`. A row whose
 * external id the desk holds is a duplicate, and when its message differs (subject, body, time,
 * citizen, category) it is listed naming the row and the column, so the difference is not lost
 * silently; the desk keeps its own. When the stored inquiry is outside `viewer`'s sight (a
 * responder's import) the row is listed as existing elsewhere, without its id or content, and
 * neither counted as a duplicate nor imported. Reads only.
 */
export async function checkPlan(
  db: Db,
  channelCode: string,
  plan: ImportPlan,
  viewer: LifecycleViewer | null,
): Promise<ImportCheck> {
  const valid = plan.mapped.valid
  const existing = await repo.findExistingInquiries(db, channelCode, [
    ...new Set(valid.map((r) => r.inquiry.externalId)),
  ])
  const idColumn = plan.columnOf('externalId')
  const rows: MappedRow[] = []
  const seen = new Set<string>()
  const issues: ImportIssue[] = []
  let duplicates = 0
  let elsewhere = 0
  for (const r of valid) {
    const id = r.inquiry.externalId
    // `ABC-1` and `abc-1` are one inquiry (domain externalIdKey)
    const key = externalIdKey(id)
    const stored = existing.get(key)
    if (!stored) {
      if (seen.has(key)) {
        duplicates++
      } else {
        seen.add(key)
        rows.push(r)
      }
      continue
    }
    if (viewer && !inScope(stored, viewer)) {
      elsewhere++
      issues.push(
        importIssue('exists_elsewhere', { idColumn, id }, { row: r.row, column: idColumn }),
      )
      continue
    }
    duplicates++
    const field = firstMessageDifference(stored, r.inquiry)
    if (field) {
      const column = plan.columnOf(field)
      const params = { idColumn, id, inquiryId: stored.id, column }
      issues.push(importIssue('differs_from_desk', params, { row: r.row, column }))
    }
  }
  return {
    rows,
    created: rows.length,
    duplicates,
    elsewhere,
    considered: valid.length - elsewhere,
    issues,
  }
}

/**
 * Step 4: writes rows in chunks of 1000 (progress after each) through the one ingest path, in
 * the caller's transaction. A row whose (channel, external id) the desk holds by now (another
 * import between the check and the write) is not written again.
 * @returns how many inquiries were created
 */
export async function writeRows(
  db: Db,
  rows: readonly MappedRow[],
  ctx: { actorId: number | null; now: number; batchId: number },
  onProgress?: ImportOptions['onProgress'],
): Promise<number> {
  let created = 0
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const items = rows.slice(i, i + WRITE_CHUNK).map((r) => r.inquiry)
    const results = await ingestInquiries(db, items, {
      actorId: ctx.actorId,
      now: ctx.now,
      eventType: 'imported',
      importBatchId: ctx.batchId,
    })
    created += results.filter((r) => r.created).length
    onProgress?.({
      phase: 'write',
      done: Math.min(i + WRITE_CHUNK, rows.length),
      total: rows.length,
    })
  }
  return created
}
