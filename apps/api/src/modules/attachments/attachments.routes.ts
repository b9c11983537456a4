/**
 * Staff routes of attachments:
 *   POST /api/attachments/uploads?name=   raw body, read only up to 50 MB -> 201 { token, name, type, size }
 *   GET  /api/attachments/:id              the bytes (attachment, checked type, nosniff); citizen files: an event
 *   GET  /api/attachments/:id/preview      an image at most 480×480 (WebP), no event
 *   GET  /api/inquiries/:id/attachments    { attachments } of the inquiry and the items merged with it
 *   POST /api/inquiries/:id/attachments    { version, attachments: [{ token }], note? } -> the inquiry
 *   POST /api/inquiries/:id/reply-with-files { version, body, attachments } -> the inquiry
 */
import { attachmentListSchema, isImageType, replySchema, versionSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { validate } from '../../lib/validate.ts'
import { previewOf } from '../files/file-check.ts'
import { stageUpload } from '../files/files.service.ts'
import { readStored, sendFile } from '../files/send-file.ts'
import { listInquiryAttachments, openForStaff } from './attachments.service.ts'
import { addStaffFiles, replyWithFiles } from './staff-files.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const nameQuery = z.object({ name: z.string().min(1).max(255) })
const filesBody = versionSchema.extend({
  attachments: attachmentListSchema.min(1),
  note: z.string().trim().max(5000).optional(),
})
const replyBody = replySchema.extend({ attachments: attachmentListSchema })

const ctxOf = (c: { var: Pick<AppEnv['Variables'], 'db' | 'files' | 'now'> }) => ({
  db: c.var.db,
  files: c.var.files,
  now: c.var.now(),
})

export const attachmentRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .post('/uploads', validate('query', nameQuery), async (c) => {
    const upload = await stageUpload(ctxOf(c), {
      body: c.req.raw.body,
      rawName: c.req.valid('query').name,
      profile: 'staff',
      uploader: `user:${c.var.user.id}`,
      userId: c.var.user.id,
    })
    return c.json(upload, 201)
  })
  .get('/:id', validate('param', idParam), async (c) => {
    return sendFile(
      c.var.files,
      await openForStaff(ctxOf(c), c.req.valid('param').id, c.var.user, { preview: false }),
    )
  })
  .get('/:id/preview', validate('param', idParam), async (c) => {
    const file = await openForStaff(ctxOf(c), c.req.valid('param').id, c.var.user, {
      preview: true,
    })
    if (!isImageType(file.type)) throw new AppError('NOT_FOUND', 'Only images have a preview')
    const preview = await previewOf(await readStored(file, () => c.var.files.read(file.sha256)))
    return c.body(new Uint8Array(preview), 200, {
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
    })
  })

export const inquiryAttachmentRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .get('/:id/attachments', validate('param', idParam), async (c) => {
    return c.json(
      { attachments: await listInquiryAttachments(c.var.db, c.req.valid('param').id, c.var.user) },
      200,
    )
  })
  .post('/:id/attachments', validate('param', idParam), validate('json', filesBody), async (c) => {
    await addStaffFiles(
      { ...ctxOf(c), user: c.var.user },
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(
      { attachments: await listInquiryAttachments(c.var.db, c.req.valid('param').id, c.var.user) },
      201,
    )
  })
  .post(
    '/:id/reply-with-files',
    validate('param', idParam),
    validate('json', replyBody),
    async (c) => {
      await replyWithFiles(
        { ...ctxOf(c), user: c.var.user },
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      return c.json(
        {
          attachments: await listInquiryAttachments(c.var.db, c.req.valid('param').id, c.var.user),
        },
        201,
      )
    },
  )
