/**
 * The import wizard's operations: stage an upload, preview it, save a mapping as a
 * named preset of a channel, start a dry run or an import job, read jobs, list imports, download
 * the invalid rows as CSV, undo a batch. Parsing, mapping and validation are the CLI's
 * (imports.service.ts); jobs run in import-jobs.service.ts.
 */
import {
  IMPORT_PRESETS,
  hasRole,
  isTimeZone,
  type ImportField,
  type LifecycleViewer,
  type UserRole,
} from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import { nanoid } from 'nanoid'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { getMessageChannel } from '../channels/channels.service.ts'
import type { ImportSettings } from '../../lib/context.ts'
import { removeBatchInquiries } from '../inquiries/ingest.service.ts'
import {
  lockImportJob,
  toSavedMapping,
  type ImportJobOptions,
  type ImportRowIssue,
} from './import-jobs.service.ts'
import { readStagedFile, removeStagedFile, writeStagedFile } from './import-staging.ts'
import { launchImportJob, previewStaged } from './import-workers.ts'
import * as repo from './imports.repo.ts'
import type { ImportPreview } from './imports.service.ts'
import { isZip } from './read-table.ts'
import { checkWorkbookZip } from './workbook-zip.ts'
import { agreeing, counted } from '../../lib/english.ts'

/** Staged uploads older than this are purged when a new one arrives (ms). */
const UPLOAD_TTL_MS = 24 * 3600_000

export type StagedUpload = { id: string; fileName: string; size: number }

/**
 * Stages an upload: streams `body` to a file in the staging folder. An XLSX's ZIP is checked
 * against the unzipped-size limit at once, so a zip bomb is refused here and nothing is staged.
 * @throws AppError VALIDATION for an empty file or an XLSX over the unzipped-size limit (naming
 *   it); the body stream's error (the size limit's 413)
 */
export async function stageUpload(
  db: Db,
  settings: ImportSettings,
  input: {
    fileName: string
    body: Parameters<typeof writeStagedFile>[2]
    actorId: number
    now: number
  },
): Promise<StagedUpload> {
  const dir = settings.stagingDir
  for (const old of await repo.listImportUploadsBefore(db, input.now - UPLOAD_TTL_MS)) {
    await removeStagedFile(dir, old.id)
    await repo.deleteImportUpload(db, old.id)
  }
  const id = nanoid()
  const size = await writeStagedFile(dir, id, input.body)
  try {
    if (size === 0) throw new AppError('VALIDATION', 'The file is empty')
    const bytes = await readStagedFile(dir, id)
    if (isZip(bytes)) await checkWorkbookZip(bytes)
    await repo.insertImportUpload(db, {
      id,
      fileName: input.fileName,
      size,
      createdBy: input.actorId,
      createdAt: input.now,
    })
  } catch (err) {
    await removeStagedFile(dir, id)
    throw err
  }
  return { id, fileName: input.fileName, size }
}

/**
 * The staged upload `id`, for its uploader or a manager and above: a responder's file holds
 * citizens' letters of their own department, so another responder who learns the id gets the
 * same NOT_FOUND as for an id that never existed.
 */
async function getUpload(
  db: Db,
  id: string,
  viewer: { id: number; role: UserRole },
): Promise<repo.ImportUploadRow> {
  const upload = await repo.findImportUpload(db, id)
  if (!upload || (upload.createdBy !== viewer.id && !hasRole(viewer.role, 'manager')))
    throw new AppError(
      'NOT_FOUND',
      `No staged upload ${id} (it was imported or expired: upload the file again)`,
    )
  return upload
}

/** Rows a preview shows (and reads). */
const PREVIEW_ROWS = 20

export type PresetChoice = {
  name: string
  kind: 'builtin' | 'saved'
  description?: string | undefined
}

/**
 * The preview of a staged upload for `channelCode`: first 20 rows, encoding, sheets, mapping (a
 * saved preset of the channel whose headers match wins over a guessed built-in one), and the
 * presets to choose from.
 * @throws AppError NOT_FOUND (upload, channel), CONFLICT (deactivated channel), VALIDATION (unreadable
 *   file; a channel that holds no messages, naming `channel`)
 */
export async function previewUpload(
  db: Db,
  settings: ImportSettings,
  input: {
    uploadId: string
    channelCode: string
    sheet?: string | undefined
    headerRow?: number | undefined
    preset?: string | null | undefined
    map?: string[] | undefined
    viewer: { id: number; role: UserRole }
  },
): Promise<{ upload: StagedUpload; preview: ImportPreview; presets: PresetChoice[] }> {
  const upload = await getUpload(db, input.uploadId, input.viewer)
  await getMessageChannel(db, input.channelCode)
  const savedRows = await repo.listImportPresets(db, input.channelCode)
  const preview = await previewStaged(settings, {
    uploadId: upload.id,
    fileName: upload.fileName,
    options: {
      sheet: input.sheet,
      headerRow: input.headerRow,
      preset: input.preset,
      map: input.map,
      saved: savedRows.map(toSavedMapping),
    },
    limit: PREVIEW_ROWS,
  })
  const presets: PresetChoice[] = [
    ...IMPORT_PRESETS.map((p) => ({
      name: p.name,
      kind: 'builtin' as const,
      description: p.description,
    })),
    ...savedRows.map((p) => ({ name: p.name, kind: 'saved' as const })),
  ]
  return {
    upload: { id: upload.id, fileName: upload.fileName, size: upload.size },
    preview,
    presets,
  }
}

/**
 * Saves (or replaces) a named mapping for a channel: the file's headers and header -> field.
 * @throws AppError VALIDATION when the name is a built-in preset's, or a column is not a header
 */
export async function saveImportPreset(
  db: Db,
  input: {
    channelCode: string
    name: string
    headers: string[]
    columns: Record<string, ImportField>
    actorId: number
    now: number
  },
) {
  await getMessageChannel(db, input.channelCode)
  if (IMPORT_PRESETS.some((p) => p.name === input.name)) {
    throw new AppError(
      'VALIDATION',
      `"${input.name}" is a built-in preset's name: choose another`,
      [{ path: ['name'], message: 'reserved' }],
    )
  }
  const missing = Object.keys(input.columns).filter((c) => !input.headers.includes(c))
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Mapped columns not among the headers: ${missing.join(', ')}`,
      [{ path: ['columns'], message: 'unknown column' }],
    )
  }
  const row = await repo.upsertImportPreset(db, {
    channelCode: input.channelCode,
    name: input.name,
    headers: JSON.stringify([...input.headers].sort()),
    columns: JSON.stringify(input.columns),
    createdBy: input.actorId,
    createdAt: input.now,
  })
  return { id: row.id, channelCode: row.channelCode, name: row.name, columns: input.columns }
}

/** The channel's saved presets. */
export async function listImportPresets(db: Db, channelCode: string) {
  return (await repo.listImportPresets(db, channelCode)).map((r) => ({
    id: r.id,
    ...toSavedMapping(r),
  }))
}

/**
 * Queues a dry run or an import of a staged upload and starts it off the request path.
 * @throws AppError NOT_FOUND (upload or channel), CONFLICT (deactivated channel), VALIDATION (zone; a
 *   channel that holds no messages, naming `channel`)
 */
export async function startImportJob(
  db: Db,
  settings: ImportSettings,
  input: {
    kind: 'import' | 'dry_run'
    uploadId: string
    channelCode: string
    options: ImportJobOptions
    viewer: LifecycleViewer
    now: number
  },
): Promise<ImportJobView> {
  const upload = await getUpload(db, input.uploadId, input.viewer)
  await getMessageChannel(db, input.channelCode)
  if (input.options.tz !== undefined && !isTimeZone(input.options.tz)) {
    throw new AppError(
      'VALIDATION',
      `Unknown time zone "${input.options.tz}" (use an IANA name such as America/New_York)`,
      [{ path: ['tz'], message: 'unknown time zone' }],
    )
  }
  // the job's process lock is taken before its row is committed (see lockImportJob)
  const { id, release } = await withTransaction(db, async (tx) => {
    if (input.kind === 'import') await requireUploadNotImporting(tx, upload.id)
    const id = await repo.insertImportBatch(tx, {
      kind: input.kind,
      status: 'queued',
      channelCode: input.channelCode,
      fileName: upload.fileName,
      format: /\.xlsx$/i.test(upload.fileName) ? 'xlsx' : 'csv',
      uploadId: upload.id,
      options: JSON.stringify({ ...input.options, viewer: input.viewer }),
      createdBy: input.viewer.id,
      createdAt: input.now,
    })
    return { id, release: await lockImportJob(db, id) }
  })
  launchImportJob(db, settings, id, release)
  return getImportJob(db, id)
}

/**
 * CONFLICT `upload_in_use` (naming the job) while an import of the same upload is queued or
 * running, and NOT_FOUND once one has imported it: a form sent twice (a double click, a second
 * tab) must not queue a second import that finds its file gone. Inside the job's transaction,
 * holding the upload's lock, so two starts at once on PostgreSQL run one after the other.
 */
async function requireUploadNotImporting(tx: Db, uploadId: string): Promise<void> {
  await dialectOf(tx).lockFor(tx, `import-upload:${uploadId}`)
  if (!(await repo.findImportUpload(tx, uploadId)))
    throw new AppError(
      'NOT_FOUND',
      `No staged upload ${uploadId} (it was imported or expired: upload the file again)`,
    )
  const running = await repo.findUnfinishedImportOf(tx, uploadId)
  if (running !== undefined)
    throw new AppError(
      'CONFLICT',
      `Import ${running} of this upload is already under way: follow it instead of starting another`,
      { reason: 'upload_in_use', jobId: running },
    )
}

export type ImportJobView = ReturnType<typeof toView>

function toView(
  b: repo.ImportBatchRow,
  names: { createdByName?: string | null; undoneByName?: string | null } = {},
) {
  const errors = JSON.parse(b.errors) as ImportRowIssue[]
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    channelCode: b.channelCode,
    fileName: b.fileName,
    format: b.format,
    encoding: b.encoding,
    sheet: b.sheet,
    preset: b.preset,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    createdByName: names.createdByName ?? null,
    phase: b.phase,
    rowsDone: b.rowsDone,
    rowsTotal: b.rowsTotal,
    created: b.created,
    duplicates: b.duplicates,
    skipped: b.skipped,
    errorCount: errors.length,
    failure: b.failure,
    finishedAt: b.finishedAt,
    undoneAt: b.undoneAt,
    undoneByName: names.undoneByName ?? null,
  }
}

/** Errors shown with a job (the CSV download has them all). */
export const ERRORS_SHOWN = 200

/**
 * A job with its progress, who started (and undid) it by name, and its first ERRORS_SHOWN problems.
 * @throws AppError NOT_FOUND
 */
export async function getImportJob(
  db: Db,
  id: number,
): Promise<ImportJobView & { errors: ImportRowIssue[] }> {
  const b = await repo.findNamedImportBatch(db, id)
  if (!b) throw new AppError('NOT_FOUND', `No import ${id}`)
  return {
    ...toView(b, b),
    errors: (JSON.parse(b.errors) as ImportRowIssue[]).slice(0, ERRORS_SHOWN),
  }
}

/** Past imports (not dry runs), newest first: who, when, file, channel, counts, errors, status. */
export async function listImports(db: Db, limit = 200): Promise<ImportJobView[]> {
  return (await repo.listImportBatches(db, limit)).map((b) => toView(b, b))
}

/**
 * A job's problems as CSV (UTF-8 with BOM, so Excel reads the Chinese): row, column, value, reason.
 * @throws AppError NOT_FOUND
 */
export async function importErrorsCsv(
  db: Db,
  id: number,
): Promise<{ fileName: string; csv: string }> {
  const b = await repo.findImportBatch(db, id)
  if (!b) throw new AppError('NOT_FOUND', `No import ${id}`)
  const errors = JSON.parse(b.errors) as ImportRowIssue[]
  const csv = stringify(
    errors.map((e) => [e.row ?? '', e.column ?? '', e.value ?? '', e.reason]),
    { header: true, columns: ['row', 'column', 'value', 'reason'], bom: true },
  )
  return { fileName: `${b.fileName.replace(/\.[^.]+$/, '')}-errors.csv`, csv }
}

/**
 * Undoes an import batch in one transaction: its inquiries with their events and replies are
 * deleted and the batch is marked undone (by whom, when). Refused while any of its inquiries has
 * been touched since the import (undo must not erase a responder's work).
 * @throws AppError NOT_FOUND; CONFLICT when the batch is not a written import, or with
 *   `details: { touched: [{ id, externalId, subject }] }` when inquiries were touched
 */
export async function undoImportBatch(
  db: Db,
  id: number,
  actorId: number,
  now: number,
): Promise<ImportJobView & { removed: number }> {
  const removed = await withTransaction(db, async (txDb) => {
    const b = await repo.findImportBatch(txDb, id)
    if (!b || b.kind !== 'import') throw new AppError('NOT_FOUND', `No import ${id}`)
    if (b.status !== 'written')
      throw new AppError(
        'CONFLICT',
        `Import ${id} is ${b.status}: only a written import can be undone`,
      )
    const touched = await repo.listTouchedInquiries(txDb, id)
    if (touched.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${counted(touched.length, 'inquiry', 'inquiries')} of import ${id} ${agreeing(touched, 'was', 'were')} changed after it, so it cannot be undone`,
        { touched },
      )
    }
    const n = await removeBatchInquiries(txDb, id, [])
    await repo.updateImportBatch(txDb, id, { status: 'undone', undoneBy: actorId, undoneAt: now })
    return n
  })
  return { ...(await getImportJob(db, id)), removed }
}
