/** Staff accounts. Errors: CONFLICT when the username is taken. */
import type { UserRole } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { hashPassword } from '../../lib/password.ts'
import * as repo from './users.repo.ts'

export type NewUser = { username: string; displayName: string; role: UserRole; password: string }

export async function createUser(db: Db, input: NewUser, now: number) {
  if (repo.findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', `Username ${input.username} is taken`)
  }
  const passwordHash = await hashPassword(input.password)
  return repo.insertUser(db, {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    createdAt: now,
  })
}

export const listUsers = repo.listUsers
export const countUsers = repo.countUsers
export const findUserByUsername = repo.findUserByUsername
