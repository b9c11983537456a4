/**
 * File import (the `desk import` command and the web import wizard): a CSV or XLSX file of
 * inquiries goes through the stages
 *   bytes -> table (read-table.ts) -> mapping (preset / --map, domain import-fields.ts)
 *   -> validated NewInquiry rows (map-rows.ts) -> one transaction: import batch + ingestInquiries.
 * A rejected import writes nothing; a dry run runs the same transaction and rolls it back, so its
 * counts of new and duplicate rows are exact.
 */
import {
  BUREAU_TZ,
  IMPORT_PRESETS,
  findPreset,
  guessPreset,
  isTimeZone,
  parseMapEntry,
  resolveMapping,
  type ColumnMapping,
  type ImportField,
  type ImportIssue,
  type ImportPreset,
  type MapEntry,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getActiveChannel } from '../channels/channels.service.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'
import * as repo from './imports.repo.ts'
import { firstMessageDifference, mapRows, type MappedRow, type MappedRows } from './map-rows.ts'
import { readTable } from './read-table.ts'
import type { Table, TableRow } from './table.ts'

export type ImportFileInput = { name: string; bytes: Uint8Array }

/** How to read a file: the same for a preview and an import. */
export type ReadOptions = {
  /** a built-in preset's name; default: the preset whose headers match, if any; null: no preset (`map` only) */
  preset?: string | null | undefined
  /** `"<column>=<field>"` entries; they win over the preset */
  map?: readonly string[] | undefined
  /** XLSX: the sheet's name (default: the first) */
  sheet?: string | undefined
  /**
   * Mappings saved for the channel (import wizard): with neither `preset` nor `map` given, the
   * one whose headers are exactly the file's is used (before a built-in preset is guessed)
   */
  saved?: readonly SavedMapping[] | undefined
}

/** A named mapping saved for a channel: the file's headers and header -> field. */
export type SavedMapping = { name: string; headers: readonly string[]; columns: Readonly<Record<string, ImportField>> }

/** True when both lists hold the same non-blank header names. */
function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  const key = (h: readonly string[]) => [...new Set(h.filter((x) => x !== ''))].sort().join('\u0000')
  return key(a) === key(b)
}

export type ImportOptions = ReadOptions & {
  channelCode: string
  file: ImportFileInput
  /** IANA zone of zone-less times (default Asia/Shanghai) */
  tz?: string | undefined
  /** leave out invalid rows (listed in `errors`) instead of rejecting the file */
  skipInvalid?: boolean | undefined
  /** run everything, then roll back */
  dryRun?: boolean | undefined
  /** the staff user importing (null: the command line) */
  actorId?: number | null | undefined
  /** UTC epoch ms of the import (default: now) */
  now?: number | undefined
  onProgress?: ((progress: ImportProgress) => void) | undefined
}

/** Rows done of rows total (non-blank data rows), per phase: first validation, then the write. */
export type ImportProgress = { phase: 'validate' | 'write'; done: number; total: number }

export type ImportSummary = {
  /** written; dry_run (nothing written, would have been); rejected (nothing written) */
  status: 'written' | 'dry_run' | 'rejected'
  /** inquiries new to the desk (in a dry run: that would be) */
  created: number
  /** valid rows whose (channel, external id) exists already, in the desk or earlier in the file */
  duplicates: number
  /** invalid rows left out (only with skipInvalid) */
  skipped: number
  /** problems: of skipped rows, or the reasons of a rejection */
  errors: ImportIssue[]
  /** the import_batches row (status written) */
  batchId?: number | undefined
  /** non-blank data rows read */
  rows: number
  format?: Table['format'] | undefined
  encoding?: string | undefined
  sheet?: string | undefined
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
async function prepare(file: ImportFileInput, opts: ReadOptions): Promise<Prepared> {
  const entries: MapEntry[] = []
  const issues: ImportIssue[] = []
  for (const text of opts.map ?? []) {
    const parsed = parseMapEntry(text)
    if ('reason' in parsed) issues.push({ reason: parsed.reason })
    else entries.push(parsed)
  }
  let preset: ImportPreset | undefined
  if (typeof opts.preset === 'string') {
    preset = findPreset(opts.preset)
    if (!preset) issues.push({ reason: `Unknown preset "${opts.preset}"; presets: ${IMPORT_PRESETS.map((p) => p.name).join(', ')}` })
  }
  if (issues.length > 0) throw rejection(issues)
  const table = await readTable(file, opts.sheet)
  const saved = opts.preset === undefined && entries.length === 0 ? opts.saved?.find((m) => sameHeaders(m.headers, table.headers)) : undefined
  if (saved) {
    for (const [column, field] of Object.entries(saved.columns)) entries.push({ column, field })
  } else if (opts.preset !== null) {
    preset ??= guessPreset(table.headers)
  }
  const resolved = resolveMapping(table.headers, preset, entries)
  return { table, preset, savedName: saved?.name, mapping: resolved.mapping, mappingIssues: resolved.issues }
}

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
  headers: string[]
  /** the first `limit` non-blank data rows */
  rows: TableRow[]
  totalRows: number
  preset?: string | undefined
  /** the saved mapping chosen because the headers match, if any */
  savedPreset?: string | undefined
  /** field -> header name */
  mapping: Partial<Record<string, string>>
  /** what is wrong with the mapping (an import with it would be refused for these) */
  mappingIssues: ImportIssue[]
}

/**
 * The first `limit` rows of a file with its detected encoding and guessed mapping (the import
 * wizard's preview). Writes nothing.
 * @throws AppError VALIDATION as `importFile` rejects an unreadable file (mapping problems are
 *   returned in `mappingIssues`)
 */
export async function previewFile(file: ImportFileInput, opts: ReadOptions = {}, limit = 20): Promise<ImportPreview> {
  const { table, preset, savedName, mapping, mappingIssues } = await prepare(file, opts)
  return {
    format: table.format,
    encoding: table.encoding,
    sheet: table.sheet,
    sheets: table.sheets,
    headers: table.headers,
    rows: table.rows.slice(0, limit).map((r) => ({ ...r, cells: r.cells.map(previewCell) })),
    totalRows: table.rows.length,
    preset: preset?.name,
    savedPreset: savedName,
    mapping: Object.fromEntries(Object.entries(mapping).map(([field, col]) => [field, col.column])),
    mappingIssues,
  }
}

/**
 * A cell as the preview shows it. An Excel date cell holds a clock time without a zone (its UTC
 * fields, see xlsx-table.ts), which the import reads in the chosen zone: shown as that clock time,
 * `2019-04-08 08:37:20`, not as an ISO instant with a `Z` that claims it is UTC.
 */
function previewCell<C>(cell: C): C | string {
  return cell instanceof Date ? cell.toISOString().slice(0, 19).replace('T', ' ') : cell
}

const WRITE_CHUNK = 1000

/** Issues in row order (file-level ones, without a row, first). */
export const byRow = (a: ImportIssue, b: ImportIssue) => (a.row ?? 0) - (b.row ?? 0)

class DryRunRollback extends Error {
  constructor(readonly counts: { created: number; duplicates: number; errors: ImportIssue[] }) {
    super('dry run: rolled back')
  }
}

/**
 * Imports a CSV or XLSX file of inquiries into `channelCode`, all or nothing. Never throws for bad
 * input: an unknown channel, preset, field or zone, an unreadable, empty or header-only file, or
 * (without `skipInvalid`) any invalid row gives `status: 'rejected'` with the reasons by row and
 * column, and nothing is written. Re-importing a file creates nothing new (duplicates); a duplicate
 * whose message differs from the stored inquiry is listed in `errors` (the desk keeps its own).
 * @throws only unexpected errors (a database failure), after rolling back
 */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportSummary> {
  const planned = await planImport(db, opts)
  if ('rejected' in planned) return planned.rejected
  const { mapped, about } = planned
  const now = opts.now ?? Date.now()
  const skipped = mapped.invalidRows
  const write = () =>
    db.transaction((tx) => {
      const txDb = tx as unknown as Db
      const batchId = repo.insertImportBatch(txDb, {
        channelCode: opts.channelCode,
        fileName: opts.file.name,
        format: planned.table.format,
        encoding: planned.table.encoding ?? null,
        createdBy: opts.actorId ?? null,
        createdAt: now,
      })
      const { created, duplicates, changed } = writeRows(txDb, mapped.valid, { actorId: opts.actorId ?? null, now, batchId, columnOf: planned.columnOf }, opts.onProgress)
      const errors = [...mapped.issues, ...changed].sort(byRow)
      repo.updateImportBatchCounts(txDb, batchId, { created, duplicates, skipped, errors: JSON.stringify(errors) })
      if (opts.dryRun) throw new DryRunRollback({ created, duplicates, errors })
      return { created, duplicates, errors, batchId }
    })
  try {
    const result = write()
    return { status: 'written', ...result, skipped, ...about }
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err
    return { status: 'dry_run', ...err.counts, skipped, ...about }
  }
}

/** What a file holds once read, mapped and validated, before anything is written. */
export type ImportPlan = {
  table: Table
  /** the valid rows and every problem by row and column */
  mapped: MappedRows
  /** what the summary says about the file */
  about: Pick<ImportSummary, 'rows' | 'format' | 'encoding' | 'sheet' | 'preset'>
  /** the file's column that a field was read from (the field's name when unmapped) */
  columnOf: (field: ImportField) => string
}

/**
 * Stages 1-3 of every import (the CLI's `importFile` and the wizard's jobs): checks the channel
 * and zone, reads the file, resolves the mapping and validates every row (progress in phase
 * `validate`). Writes nothing.
 * @returns the plan, or `{ rejected, table? }` (the summary of a refused import, and the table when
 *   it was read) for bad input: an unknown
 *   channel, preset, field or zone, an unreadable, empty or header-only file, or (without
 *   `skipInvalid`) any invalid row
 */
export async function planImport(
  db: Db,
  opts: Omit<ImportOptions, 'dryRun' | 'actorId' | 'now'>,
): Promise<ImportPlan | { rejected: ImportSummary; table?: Table }> {
  const zone = opts.tz ?? BUREAU_TZ
  let prepared: Prepared
  try {
    getActiveChannel(db, opts.channelCode)
    if (!isTimeZone(zone)) throw new AppError('VALIDATION', `Unknown time zone "${zone}" (use an IANA name such as America/New_York)`)
    prepared = await prepare(opts.file, opts)
    if (prepared.mappingIssues.length > 0) throw rejection(prepared.mappingIssues)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    const errors = Array.isArray(err.details) ? (err.details as ImportIssue[]) : [{ reason: err.message }]
    return { rejected: { status: 'rejected', created: 0, duplicates: 0, skipped: 0, errors, rows: 0 } }
  }
  const { table, preset } = prepared
  const about = { rows: table.rows.length, format: table.format, encoding: table.encoding, sheet: table.sheet, preset: preset?.name }
  const rejected = (errors: ImportIssue[]) => ({
    rejected: { status: 'rejected' as const, created: 0, duplicates: 0, skipped: 0, errors, ...about },
    table,
  })
  if (table.rows.length === 0) return rejected([{ reason: 'The file has a header row but no data rows' }])

  const mapped = mapRows(table, prepared.mapping, { channelCode: opts.channelCode, zone }, (done, total) =>
    opts.onProgress?.({ phase: 'validate', done, total }),
  )
  if (mapped.issues.length > 0 && !opts.skipInvalid) return rejected(mapped.issues)
  return { table, mapped, about, columnOf: (field) => prepared.mapping[field]?.column ?? field }
}

/**
 * Writes the rows in chunks of 1000 (progress after each) through the one ingest path, in the
 * caller's transaction. A row whose (channel, external id) the desk holds already is a duplicate
 * and leaves the stored inquiry as it is; when the file's message differs from the stored one
 * (subject, body, time, citizen, category), `changed` says so, naming the row and the column
 * (`columnOf(field)`), so the difference is not lost silently.
 */
export function writeRows(
  db: Db,
  rows: readonly MappedRow[],
  ctx: { actorId: number | null; now: number; batchId: number; columnOf: (field: ImportField) => string },
  onProgress: ImportOptions['onProgress'],
): { created: number; duplicates: number; changed: ImportIssue[] } {
  let created = 0
  const changed: ImportIssue[] = []
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK)
    const items = chunk.map((r) => r.inquiry)
    const results = ingestInquiries(db, items, { actorId: ctx.actorId, now: ctx.now, eventType: 'imported', importBatchId: ctx.batchId })
    created += results.filter((r) => r.created).length
    const existing = results.filter((r) => !r.created).map((r) => r.id)
    // the stored messages are read only for a chunk with duplicates (a first import reads none)
    const stored = existing.length === 0 ? new Map() : repo.listMessageFields(db, existing)
    results.forEach((r, k) => {
      const before = stored.get(r.id)
      const item = items[k]
      const field = before && item && firstMessageDifference(before, item)
      if (!field) return
      const id = ctx.columnOf('externalId')
      const reason = `${id} ${r.externalId} is already in the desk (inquiry ${r.id}) with a different ${ctx.columnOf(field)}; the desk keeps its own`
      changed.push({ row: chunk[k]?.row, column: ctx.columnOf(field), reason })
    })
    onProgress?.({ phase: 'write', done: Math.min(i + WRITE_CHUNK, rows.length), total: rows.length })
  }
  return { created, duplicates: rows.length - created, changed }
}
