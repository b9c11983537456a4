/**
 * `/api/public/mailbox`: the citizen side of the director's mailbox, without login: uploads, the
 * message, tracking, a later message from the tracking page (`POST /messages`), signed downloads. Small bodies,
 * and per-IP rate limits on submit and track, counted in the stores `newStore` makes (the
 * database's in the app, so every API process counts the same hits).
 */
import {
  ATTACHMENT_LIMITS,
  mailboxMessageSchema,
  mailboxSubmissionSchema,
  mailboxTrackSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import type { Store } from 'hono-rate-limiter'
import { z } from 'zod'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { clientRateLimit } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { sendFile } from '../files/send-file.ts'
import { stageUpload } from '../files/files.service.ts'
import { openCitizenFile } from './citizen-files.service.ts'
import {
  addMailboxMessage,
  MAILBOX_CHANNEL,
  submitToMailbox,
  trackMailbox,
} from './mailbox.service.ts'

/** A message of 3000 Chinese characters is about 9 KB of JSON; 32 KB leaves room for the rest. */
const MAX_PUBLIC_BODY = 32 * 1024

const smallBody = bodyLimit({
  maxSize: MAX_PUBLIC_BODY,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE', `Request body over ${MAX_PUBLIC_BODY} bytes`)
  },
})

const nameQuery = z.object({ name: z.string().min(1).max(255) })
const fileParam = z.object({ id: z.coerce.number().int().positive() })
const linkQuery = z.object({
  exp: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
})

export type PublicLimits = { submitPerHour: number; trackPerHour: number; trustProxy: boolean }

export function mailboxRoutes(limits: PublicLimits, newStore: () => Store<AppEnv>) {
  const limit = (scope: string, perHour: number) =>
    clientRateLimit(scope, perHour, limits.trustProxy, newStore())
  return new Hono<AppEnv>()
    .post(
      '/uploads',
      limit('mailbox-upload', limits.submitPerHour * ATTACHMENT_LIMITS.public.maxFiles),
      validate('query', nameQuery),
      async (c) => {
        const ctx = { db: c.var.db, files: c.var.files, now: c.var.now() }
        const upload = await stageUpload(ctx, {
          body: c.req.raw.body,
          rawName: c.req.valid('query').name,
          profile: 'public',
          uploader: 'public',
          userId: null,
        })
        return c.json(upload, 201)
      },
    )
    .get('/files/:id', validate('param', fileParam), validate('query', linkQuery), async (c) => {
      return sendFile(
        c.var.files,
        await openCitizenFile(
          c.var.db,
          c.req.valid('param').id,
          c.req.valid('query'),
          c.var.now(),
          MAILBOX_CHANNEL,
        ),
      )
    })
    .post(
      '/',
      smallBody,
      limit('mailbox-submit', limits.submitPerHour),
      validate('json', mailboxSubmissionSchema),
      async (c) => {
        const result = await submitToMailbox(
          { db: c.var.db, files: c.var.files, now: c.var.now() },
          c.req.valid('json'),
        )
        return c.json(result, result.created ? 201 : 200)
      },
    )
    .post(
      '/messages',
      smallBody,
      limit('mailbox-submit', limits.submitPerHour),
      validate('json', mailboxMessageSchema),
      async (c) => {
        const result = await addMailboxMessage(
          { db: c.var.db, files: c.var.files, now: c.var.now() },
          c.req.valid('json'),
        )
        return c.json(result, result.created ? 201 : 200)
      },
    )
    .post(
      '/track',
      smallBody,
      limit('mailbox-track', limits.trackPerHour),
      validate('json', mailboxTrackSchema),
      async (c) => {
        return c.json(await trackMailbox(c.var.db, c.req.valid('json'), c.var.now()), 200)
      },
    )
}
