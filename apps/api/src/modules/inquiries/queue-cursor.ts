/**
 * Keyset cursors for the reply queue: the last row's sort key and id, base64url JSON. The id is
 * the unique tie-breaker, so paging never skips or repeats a row, at any depth, without OFFSET.
 */
import type { QueueSort } from '@desk/domain'
import { AppError } from '../../lib/errors.ts'

export type QueueCursor = { sort: QueueSort; key: number; id: number }

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url')
}

/** @throws AppError VALIDATION for a cursor that is malformed or belongs to another sort */
export function decodeCursor(text: string, sort: QueueSort): QueueCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (
      Array.isArray(value) &&
      value[0] === sort &&
      Number.isInteger(value[1]) &&
      Number.isInteger(value[2])
    ) {
      return { sort, key: value[1] as number, id: value[2] as number }
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'Invalid cursor for this sort order', [
    { path: ['cursor'], message: 'invalid' },
  ])
}
