/**
 * Staff accounts. New passwords follow the password policy (length, classes, not one of the last
 * `historyCount`); the last active admin can be neither demoted nor disabled, so the desk always
 * keeps someone who can configure it. Errors: CONFLICT (username taken, last admin), VALIDATION
 * (password policy), NOT_FOUND.
 */
import { passwordProblems, type PasswordPolicy, type UserRole } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { hashPassword, verifyPassword } from '../../lib/password.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import { getActiveDepartment } from '../departments/departments.service.ts'
import * as repo from './users.repo.ts'

/** `department`: the department's id (a responder sees its inquiries); absent or null: none. */
export type NewUser = {
  username: string
  displayName: string
  role: UserRole
  password: string
  department?: number | null | undefined
}

/** @throws AppError VALIDATION (details on `password`) when `password` breaks `policy` */
function assertPolicy(password: string, policy: PasswordPolicy, username: string) {
  const problems = passwordProblems(password, policy, username)
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `The password needs ${problems.join('; ')}`,
      problems.map((message) => ({ path: ['password'], message })),
    )
  }
}

export async function createUser(
  db: Db,
  input: NewUser,
  now: number,
  policy: PasswordPolicy = DEFAULT_SECURITY.passwordPolicy,
) {
  if (repo.findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', `Username ${input.username} is taken`)
  }
  assertPolicy(input.password, policy, input.username)
  if (input.department != null) getActiveDepartment(db, input.department)
  const passwordHash = await hashPassword(input.password)
  return db.transaction((tx) => {
    const t = tx as unknown as Db
    const user = repo.insertUser(t, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      createdAt: now,
      passwordChangedAt: now,
      departmentId: input.department ?? null,
    })
    repo.insertPasswordHistory(t, { userId: user.id, passwordHash, changedAt: now })
    return user
  })
}

/**
 * Sets a new password (a reset by a security admin or the `desk user reset-password` command);
 * ends the user's sessions.
 * @throws AppError NOT_FOUND; VALIDATION when it breaks the policy or repeats one of the last
 *   `historyCount` passwords
 */
export async function setPassword(
  db: Db,
  id: number,
  password: string,
  now: number,
  policy: PasswordPolicy = DEFAULT_SECURITY.passwordPolicy,
) {
  const user = repo.findUser(db, id)
  if (!user) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
  assertPolicy(password, policy, user.username)
  for (const old of repo.listPasswordHistory(db, id, policy.historyCount)) {
    if (await verifyPassword(password, old)) {
      throw new AppError(
        'VALIDATION',
        `The password repeats one of the last ${policy.historyCount}`,
        [{ path: ['password'], message: 'used before' }],
      )
    }
  }
  const passwordHash = await hashPassword(password)
  db.transaction((tx) => {
    const t = tx as unknown as Db
    repo.updatePassword(t, id, passwordHash, now)
    repo.insertPasswordHistory(t, { userId: id, passwordHash, changedAt: now })
    repo.deleteSessionsOfUser(t, id)
  })
}

/**
 * Moves a user to a department (null: none), changes the role or (de)activates the account; takes
 * effect on the user's next request (a disabled user's sessions end at once). NOT_FOUND (user or
 * department), CONFLICT (inactive department; the last active admin demoted or disabled).
 */
export function updateUser(
  db: Db,
  id: number,
  patch: { department?: number | null; role?: UserRole; isActive?: boolean },
) {
  if (patch.department != null) getActiveDepartment(db, patch.department)
  const { department, ...rest } = patch
  return db.transaction((tx) => {
    const t = tx as unknown as Db
    const before = repo.findUser(t, id)
    if (!before) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
    const losesAdmin =
      (patch.role !== undefined && patch.role !== 'admin') || patch.isActive === false
    if (
      before.role === 'admin' &&
      before.isActive &&
      losesAdmin &&
      repo.countActiveAdmins(t) <= 1
    ) {
      throw new AppError(
        'CONFLICT',
        `${before.username} is the last active admin: make another user admin before demoting or disabling this one`,
      )
    }
    const user = repo.updateUser(
      t,
      id,
      department === undefined ? rest : { ...rest, departmentId: department },
    )
    if (patch.isActive === false) repo.deleteSessionsOfUser(t, id)
    return user as NonNullable<typeof user>
  })
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
