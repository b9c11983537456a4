/** Staff accounts. Errors: CONFLICT when the username is taken. */
import type { UserRole } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { hashPassword } from '../../lib/password.ts'
import { getActiveDepartment } from '../departments/departments.service.ts'
import * as repo from './users.repo.ts'

/** `department`: the department's id (a responder sees its inquiries); absent or null: none. */
export type NewUser = { username: string; displayName: string; role: UserRole; password: string; department?: number | null | undefined }

export async function createUser(db: Db, input: NewUser, now: number) {
  if (repo.findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', `Username ${input.username} is taken`)
  }
  if (input.department != null) getActiveDepartment(db, input.department)
  const passwordHash = await hashPassword(input.password)
  return repo.insertUser(db, {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    createdAt: now,
    departmentId: input.department ?? null,
  })
}

/**
 * Moves a user to a department (null: none), changes the role or (de)activates the account; takes
 * effect on the user's next request. NOT_FOUND (user or department), CONFLICT (inactive department).
 */
export function updateUser(db: Db, id: number, patch: { department?: number | null; role?: UserRole; isActive?: boolean }) {
  if (patch.department != null) getActiveDepartment(db, patch.department)
  const { department, ...rest } = patch
  const user = repo.updateUser(db, id, department === undefined ? rest : { ...rest, departmentId: department })
  if (!user) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
  return user
}

/** The user, when active; NOT_FOUND otherwise (an inquiry is assigned only to someone who can sign in). */
export function getActiveUser(db: Db, id: number) {
  const user = repo.findUser(db, id)
  if (!user?.isActive) throw new AppError('NOT_FOUND', `User ${id} does not exist or is disabled`)
  return user
}

export const listUsers = repo.listUsers
export const countUsers = repo.countUsers
export const findUserByUsername = repo.findUserByUsername
