/**
 * `/api/imports`: the import wizard. Responders and above stage uploads, preview,
 * save presets, run dry runs and imports; admins undo a batch. Limits: IMPORT_LIMITS (domain).
 *   POST /uploads              raw body (`?name=` the file name) or multipart field `file`; 50 MB
 *                              limit, refused with 413 before the body is read past it; an XLSX
 *                              over the unzipped-size limit 422, not staged; one file an upload
 *                              (several: 422 one_file_at_a_time) -> 201
 *   POST /uploads/:id/preview  { channel, sheet?, headerRow?, preset?, map? } -> first 20 rows,
 *                              the header row found, mapping,
 *                              presets, ambiguousDates (the shown dates that need dateOrder)
 *   GET  /presets?channel=     saved presets;  POST /presets { channel, name, headers, columns }
 *   POST /                     { kind, uploadId, channel, preset?, map?, tz?, dateOrder?, sheet?,
 *                                headerRow?, skipInvalid? }
 *                              -> 202, the job (poll GET /:id for rowsDone / rowsTotal)
 *   GET  /                     past imports;  GET /:id  one job;  GET /:id/errors.csv
 *   POST /:id/undo             admin; 409 with `details.touched` when inquiries were touched
 */
import {
  DATE_ORDERS,
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  channelCodeSchema,
  importIssue,
  lineTextSchema,
  textSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { validate } from '../../lib/validate.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { tooLarge } from './import-staging.ts'
import {
  getImportJob,
  importErrorsCsv,
  listImportPresets,
  listImports,
  previewUpload,
  saveImportPreset,
  stageUpload,
  startImportJob,
  undoImportBatch,
} from './import-wizard.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const uploadParam = z.object({ id: z.string().regex(/^[\w-]{10,40}$/) })
const fileName = lineTextSchema().trim().min(1).max(255)
const mapEntries = z.array(z.string().min(3).max(500)).max(IMPORT_FIELDS.length * 2)
const readOptions = {
  sheet: z.string().min(1).max(200).optional(),
  // the header's row number in the file; default: found among the first rows (header-row.ts)
  headerRow: z
    .number()
    .int()
    .min(1)
    .max(IMPORT_LIMITS.rows + 1)
    .optional(),
  preset: z.string().min(1).max(100).nullable().optional(),
  map: mapEntries.optional(),
}

const previewBody = z.object({ channel: channelCodeSchema, ...readOptions })
const presetBody = z.object({
  channel: channelCodeSchema,
  name: textSchema().trim().min(1).max(60),
  headers: z.array(z.string().max(500)).min(1).max(500),
  columns: z.record(z.string().min(1).max(500), z.enum(IMPORT_FIELDS)),
})
const jobBody = z.object({
  kind: z.enum(['import', 'dry_run']),
  uploadId: uploadParam.shape.id,
  channel: channelCodeSchema,
  ...readOptions,
  tz: z.string().min(1).max(64).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  skipInvalid: z.boolean().optional(),
})

export const importRoutes = new Hono<AppEnv>()
  .use(requireStaff('responder'))
  .post('/uploads', validate('query', z.object({ name: fileName.optional() })), async (c) => {
    const length = Number(c.req.header('content-length') ?? '0')
    if (length > IMPORT_LIMITS.uploadBytes) throw tooLarge()
    const base = { actorId: c.var.user.id, now: c.var.now() }
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      // every part, so that several files (under "file" or "file[]") are refused as such
      // rather than one taken silently or none found
      const form = await c.req.parseBody({ all: true })
      const sent = [form.file, form['file[]']].flat().filter((f) => f instanceof File)
      if (sent.length > 1) {
        const several = importIssue('one_file_at_a_time', { count: sent.length })
        throw new AppError('VALIDATION', several.reason, [several])
      }
      const file = sent[0]
      if (!(file instanceof File))
        throw new AppError('VALIDATION', 'Send the file in the form field "file"', [
          { path: ['file'], message: 'missing' },
        ])
      const upload = await stageUpload(c.var.db, c.var.imports, {
        ...base,
        fileName: fileName.parse(file.name),
        body: new Uint8Array(await file.arrayBuffer()),
      })
      return c.json({ upload }, 201)
    }
    const name = c.req.valid('query').name
    if (!name)
      throw new AppError('VALIDATION', 'Name the file: ?name=<file name>', [
        { path: ['name'], message: 'missing' },
      ])
    const body = c.req.raw.body
    if (!body) throw new AppError('VALIDATION', 'The file is empty')
    const upload = await stageUpload(c.var.db, c.var.imports, { ...base, fileName: name, body })
    return c.json({ upload }, 201)
  })
  .post(
    '/uploads/:id/preview',
    validate('param', uploadParam),
    validate('json', previewBody),
    async (c) => {
      const { channel, ...opts } = c.req.valid('json')
      return c.json(
        await previewUpload(c.var.db, c.var.imports, {
          uploadId: c.req.valid('param').id,
          channelCode: channel,
          ...opts,
          viewer: c.var.user,
        }),
        200,
      )
    },
  )
  .get('/presets', validate('query', z.object({ channel: channelCodeSchema })), async (c) => {
    return c.json({ items: await listImportPresets(c.var.db, c.req.valid('query').channel) }, 200)
  })
  .post('/presets', validate('json', presetBody), async (c) => {
    const { channel, ...rest } = c.req.valid('json')
    const preset = await saveImportPreset(c.var.db, {
      ...rest,
      channelCode: channel,
      actorId: c.var.user.id,
      now: c.var.now(),
    })
    return c.json({ preset }, 201)
  })
  .get('/', async (c) => c.json({ items: await listImports(c.var.db) }, 200))
  .post('/', validate('json', jobBody), async (c) => {
    const { kind, uploadId, channel, ...options } = c.req.valid('json')
    const { id, role, departmentId } = c.var.user
    const job = await startImportJob(c.var.db, c.var.imports, {
      kind,
      uploadId,
      channelCode: channel,
      options,
      viewer: { id, role, departmentId },
      now: c.var.now(),
    })
    return c.json({ job }, 202)
  })
  .get('/:id', validate('param', idParam), async (c) =>
    c.json({ job: await getImportJob(c.var.db, c.req.valid('param').id) }, 200),
  )
  .get('/:id/errors.csv', validate('param', idParam), async (c) => {
    const id = c.req.valid('param').id
    const { fileName: name, csv } = await importErrorsCsv(c.var.db, id)
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(name, `import-${id}-errors.csv`))
    return c.body(csv, 200)
  })
  .post('/:id/undo', requireStaff('admin'), validate('param', idParam), async (c) => {
    return c.json(
      { job: await undoImportBatch(c.var.db, c.req.valid('param').id, c.var.user.id, c.var.now()) },
      200,
    )
  })
