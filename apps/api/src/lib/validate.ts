/**
 * `validate(target, schema)`: zod validation of a request part that answers 422 in the shared
 * error shape, naming each failing field (for arrays, the item index comes first in `path`).
 */
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
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
  const middleware = zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = toDetails(result.error)
      throw new AppError('VALIDATION', `Invalid ${target}: ${summarize(details)}`, details)
    }
  })
  validations.set(middleware, { target, schema })
  return middleware
}
