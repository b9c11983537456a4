/**
 * `validate(target, schema)`: zod validation of a request part that answers 422 in the shared
 * error shape, naming each failing field (for arrays, the item index comes first in `path`).
 * Every JSON body is first checked for text that is not Unicode (a lone UTF-16 surrogate, domain
 * `loneSurrogateAt`) or holds a control character no text may hold (domain `controlCharAt`), in
 * any field, so no route stores it however its schema reads the field.
 */
import {
  INVALID_UNICODE_MESSAGE,
  NUL_MESSAGE,
  controlCharAt,
  controlCharMessage,
  hasNul,
  loneSurrogateAt,
} from '@desk/domain'
import { zValidator } from '@hono/zod-validator'
import type { Context, ValidationTargets } from 'hono'
import type { z } from 'zod'
import { AppError, type ErrorDetail } from './errors.ts'

/** Turns zod issues into `{ path, message }` details. */
export function toDetails(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
}): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }))
}

/** A readable one-line summary: `0.receivedAt: Invalid ISO datetime; …`. */
export function summarize(details: ErrorDetail[]): string {
  return details
    .slice(0, 5)
    .map((d) => `${d.path.join('.') || '(body)'}: ${d.message}`)
    .join('; ')
}

/** What one `validate()` middleware checks: the part of the request and its schema. */
export type Validation = { target: keyof ValidationTargets; schema: z.ZodType }

// the OpenAPI document reads the schemas from the routes' own middleware, so it cannot drift
const validations = new WeakMap<object, Validation>()

/** The validation a route handler from `validate()` performs; undefined for any other handler. */
export const validationOf = (handler: object): Validation | undefined => validations.get(handler)

export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) => {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = toDetails(result.error)
      throw new AppError('VALIDATION', `Invalid ${target}: ${summarize(details)}`, details)
    }
  })
  // Hono reads a body of any other type as `{}`, so a JSON body sent as text/plain would be
  // refused field by field ("version: expected number") instead of for its type
  const middleware =
    target === 'json'
      ? (((c, next) => {
          if (hasBody(c.req.raw.headers) && !JSON_TYPE.test(c.req.header('content-type') ?? ''))
            throw new AppError(
              'VALIDATION',
              'Send the body as JSON, with the header Content-Type: application/json',
              [{ path: ['content-type'], message: 'not application/json' }],
            )
          return refuseInvalidUnicode(c).then(() => check(c, next))
        }) as typeof check)
      : check
  validations.set(middleware, { target, schema })
  return middleware
}

/**
 * The path of each string (value or key) in `value` that is not text the desk keeps, as 422
 * details: a lone surrogate, or a control character no text may hold (domain `controlCharAt`:
 * NUL, the other C0 controls but tab and line breaks, DEL). A key is named by its own path
 * (`['contact', key]`).
 */
function invalidUnicode(value: unknown, path: (string | number)[] = []): ErrorDetail[] {
  if (typeof value === 'string') {
    if (loneSurrogateAt(value) !== -1) return [{ path, message: INVALID_UNICODE_MESSAGE }]
    const at = controlCharAt(value)
    if (at === -1) return []
    return [{ path, message: hasNul(value) ? NUL_MESSAGE : controlCharMessage(value, at) }]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invalidUnicode(v, [...path, i]))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, v]) => [
    ...invalidUnicode(key, [...path, key]),
    ...invalidUnicode(v, [...path, key]),
  ])
}

/**
 * 422 naming each field of the JSON body that is not Unicode text or holds a forbidden control
 * character. A body that is not JSON at all is left to the schema's check, which says so.
 */
async function refuseInvalidUnicode(c: Context): Promise<void> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return
  }
  const details = invalidUnicode(body)
  if (details.length > 0)
    throw new AppError('VALIDATION', `Invalid json: ${summarize(details)}`, details)
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** True when the request carries a body: a typed one, a non-zero length or a chunked one. An empty
 * POST stays valid for a route whose schema takes `{}`. */
function hasBody(headers: Headers): boolean {
  if (headers.has('content-type') || headers.has('transfer-encoding')) return true
  const length = headers.get('content-length')
  return length !== null && length !== '0'
}
