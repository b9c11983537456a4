/**
 * Return reasons (退单原因): a fixed, admin-editable list; a return names one plus free text.
 * Reasons are deactivated, not deleted. Errors: NOT_FOUND, CONFLICT (label taken; inactive reason).
 */
import { DEFAULT_RETURN_REASONS, type ReturnReasonInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './return-reasons.repo.ts'

export const listReturnReasons = repo.listReturnReasons

/** Seeds the default 12345 reasons into an empty list (first start); an edited list is left alone. */
export function ensureReturnReasons(db: Db) {
  if (repo.countReturnReasons(db) > 0) return
  for (const label of DEFAULT_RETURN_REASONS) repo.insertReturnReason(db, { label, isActive: true })
}

/** The reason when a return may cite it: NOT_FOUND, or CONFLICT if deactivated. */
export function getActiveReturnReason(db: Db, id: number) {
  const r = repo.findReturnReason(db, id)
  if (!r) throw new AppError('NOT_FOUND', `Return reason ${id} does not exist`)
  if (!r.isActive) throw new AppError('CONFLICT', `Return reason ${r.label} is deactivated`)
  return r
}

function requireFreeLabel(db: Db, label: string, ownId?: number) {
  const other = repo.findReturnReasonByLabel(db, label)
  if (other && other.id !== ownId)
    throw new AppError('CONFLICT', `Return reason ${label} exists already`)
}

export function createReturnReason(db: Db, input: ReturnReasonInput) {
  requireFreeLabel(db, input.label)
  return repo.insertReturnReason(db, { label: input.label, isActive: input.isActive ?? true })
}

export function updateReturnReason(db: Db, id: number, input: Partial<ReturnReasonInput>) {
  if (input.label !== undefined) requireFreeLabel(db, input.label, id)
  const r = repo.updateReturnReason(db, id, input)
  if (!r) throw new AppError('NOT_FOUND', `Return reason ${id} does not exist`)
  return r
}
