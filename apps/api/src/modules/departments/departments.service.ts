/**
 * Departments (职能处室): inquiries are transferred (转办) to one; responders belong to one.
 * Departments are deactivated, never deleted, so past events keep their meaning.
 * Errors: NOT_FOUND (unknown id), CONFLICT (name taken; a deactivated department as a target).
 */
import type { DepartmentInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './departments.repo.ts'

export const listDepartments = repo.listDepartments

/** The department or NOT_FOUND. */
export async function getDepartment(db: Db, id: number) {
  const d = await repo.findDepartment(db, id)
  if (!d) throw new AppError('NOT_FOUND', `Department ${id} does not exist`)
  return d
}

/** The department when inquiries and users may be put in it: NOT_FOUND, or CONFLICT if deactivated. */
export async function getActiveDepartment(db: Db, id: number) {
  const d = await getDepartment(db, id)
  if (!d.isActive) throw new AppError('CONFLICT', `Department ${d.name} is deactivated`)
  return d
}

async function requireFreeName(db: Db, name: string, ownId?: number) {
  const other = await repo.findDepartmentByName(db, name)
  if (other && other.id !== ownId)
    throw new AppError('CONFLICT', `Department ${name} exists already`)
}

export async function createDepartment(db: Db, input: DepartmentInput, now: number) {
  await requireFreeName(db, input.name)
  return await repo.insertDepartment(db, {
    name: input.name,
    isActive: input.isActive ?? true,
    createdAt: now,
  })
}

export async function updateDepartment(db: Db, id: number, input: Partial<DepartmentInput>) {
  await getDepartment(db, id)
  if (input.name !== undefined) await requireFreeName(db, input.name, id)
  return (await repo.updateDepartment(db, id, input)) ?? (await getDepartment(db, id))
}
