/**
 * `/api/public/mailbox`: the citizen side of the director's mailbox, without login. Small bodies,
 * and per-IP rate limits on submit and track (in memory: one desk process serves a bureau).
 */
import { mailboxSubmissionSchema, mailboxTrackSchema } from '@desk/domain'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { clientRateLimit } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { submitToMailbox, trackMailbox } from './mailbox.service.ts'

/** A message of 3000 Chinese characters is about 9 KB of JSON; 32 KB leaves room for the rest. */
const MAX_PUBLIC_BODY = 32 * 1024

const smallBody = bodyLimit({
  maxSize: MAX_PUBLIC_BODY,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE', `Request body over ${MAX_PUBLIC_BODY} bytes`)
  },
})

export type PublicLimits = { submitPerHour: number; trackPerHour: number; trustProxy: boolean }

export function mailboxRoutes(limits: PublicLimits) {
  return new Hono<AppEnv>()
    .post('/', smallBody, clientRateLimit('mailbox-submit', limits.submitPerHour, limits.trustProxy), validate('json', mailboxSubmissionSchema), (c) => {
      const result = submitToMailbox(c.var.db, c.req.valid('json'), c.var.now())
      return c.json(result, result.created ? 201 : 200)
    })
    .post('/track', smallBody, clientRateLimit('mailbox-track', limits.trackPerHour, limits.trustProxy), validate('json', mailboxTrackSchema), (c) => {
      return c.json(trackMailbox(c.var.db, c.req.valid('json')), 200)
    })
}
