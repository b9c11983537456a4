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
export async function ensureReturnReasons(db: Db) {
  if ((await repo.countReturnReasons(db)) > 0) return
  for (const label of DEFAULT_RETURN_REASONS)
    await repo.insertReturnReason(db, { label, isActive: true })
}

/** The reason when a return may cite it: NOT_FOUND, or CONFLICT if deactivated. */
export async function getActiveReturnReason(db: Db, id: number) {
  const r = await repo.findReturnReason(db, id)
  if (!r) throw new AppError('NOT_FOUND', `Return reason ${id} does not exist`)
  if (!r.isActive) throw new AppError('CONFLICT', `Return reason ${r.label} is deactivated`)
  return r
}

async function requireFreeLabel(db: Db, label: string, ownId?: number) {
  const other = await repo.findReturnReasonByLabel(db, label)
  if (other && other.id !== ownId)
    throw new AppError('CONFLICT', `Return reason ${label} exists already`)
}

export async function createReturnReason(db: Db, input: ReturnReasonInput) {
  await requireFreeLabel(db, input.label)
  return await repo.insertReturnReason(db, { label: input.label, isActive: input.isActive ?? true })
}

export async function updateReturnReason(db: Db, id: number, input: Partial<ReturnReasonInput>) {
  if (input.label !== undefined) await requireFreeLabel(db, input.label, id)
  const r = await repo.updateReturnReason(db, id, input)
  if (!r) throw new AppError('NOT_FOUND', `Return reason ${id} does not exist`)
  return r
}
