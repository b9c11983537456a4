/**
 * Staff accounts. New passwords follow the password policy (length, classes, not one of the last
 * `historyCount`). Who may change which account is the domain's `mayManageAccount` (三员分立:
 * identities by the admin, roles with administrative rights and passwords by the security admin);
 * callers without an actor (first start, the `desk user` command on the server) are not limited
 * by it. The last active holder of a separated administrator role (GUARDED_ROLES) can be neither
 * demoted nor disabled, so the desk always keeps each duty. Errors: FORBIDDEN
 * (`separation_of_duties`), CONFLICT (username taken, in any case: names are stored in lower case,
 * `normalizeUsername`; `last_of_role`), VALIDATION (password
 * policy, `wrong_password`), NOT_FOUND.
 */
import {
  GUARDED_ROLES,
  mayManageAccount,
  mustReplacePassword,
  normalizeUsername,
  passwordProblems,
  type AccountAction,
  type PasswordChooser,
  type PasswordPolicy,
  type UserRole,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { hashPassword, temporaryPassword, verifyPassword } from '../../lib/password.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getActiveDepartment } from '../departments/departments.service.ts'
import * as repo from './users.repo.ts'
import { listed } from '../../lib/english.ts'

/**
 * Who asks for an account change (the signed-in admin or security admin) and from which address
 * (for the audit entry).
 */
export type AccountActor = {
  id: number
  role: UserRole
  username: string
  address?: string | undefined
}

/** Refusals that are security events (an attempt beyond one's duty, or to drop a separated duty). */
const REFUSAL_REASONS = new Set(['separation_of_duties', 'last_of_role'])

/**
 * Runs `change`; when it is refused for a reason in REFUSAL_REASONS, records an
 * `account_change_refused` entry (outside any transaction, so the refusal's rollback keeps it)
 * and rethrows.
 */
async function auditRefusal<T>(
  db: Db,
  now: number,
  actor: AccountActor | undefined,
  target: { id?: number | undefined; username: string },
  requested: Record<string, unknown>,
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change()
  } catch (err) {
    const reason = err instanceof AppError ? err.details : undefined
    const code = (reason as { reason?: unknown } | undefined)?.reason
    if (typeof code === 'string' && REFUSAL_REASONS.has(code)) {
      await recordAudit(db, {
        at: now,
        action: 'account_change_refused',
        actor,
        address: actor?.address,
        target: target.id === undefined ? undefined : `user:${target.id}`,
        detail: { username: target.username, reason: code, requested },
      })
    }
    throw err
  }
}

/** @throws AppError FORBIDDEN (`separation_of_duties`) when `actor` may not do `action` */
function assertDuty(
  actor: AccountActor | undefined,
  action: AccountAction,
  target: { id?: number; role: UserRole },
  to?: UserRole,
) {
  if (actor && !mayManageAccount(actor, action, target, to)) {
    const what = to === undefined ? action : `${action} from ${target.role} to ${to}`
    throw new AppError('FORBIDDEN', `Changing this account (${what}) is not your role's duty`, {
      reason: 'separation_of_duties',
    })
  }
}

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
      `The password ${listed(problems)}`,
      problems.map((message) => ({ path: ['password'], message })),
    )
  }
}

/**
 * Creates an account and its audit entry (`account_created`; a refused creation is an
 * `account_change_refused`). Its owner must replace the password at the first sign-in when another person
 * chose it (domain `mustReplacePassword`): `chosenBy` defaults to `another_person` when an
 * `actor` (an admin through the API) creates it, else to `owner` (the installer's first admin, the
 * demo's logins); the `desk user add` command says `another_person`, since it prints the password
 * to whoever runs it.
 * @throws AppError FORBIDDEN (`separation_of_duties`), CONFLICT (username taken), VALIDATION
 *   (password policy), NOT_FOUND (department)
 */
export async function createUser(
  db: Db,
  input: NewUser,
  now: number,
  policy: PasswordPolicy = DEFAULT_SECURITY.passwordPolicy,
  actor?: AccountActor,
  chosenBy: PasswordChooser = actor === undefined ? 'owner' : 'another_person',
) {
  const username = normalizeUsername(input.username)
  const requested = { role: input.role, department: input.department ?? null }
  await auditRefusal(db, now, actor, { username }, requested, async () =>
    assertDuty(actor, 'create', { role: input.role }),
  )
  if (await repo.findUserByUsername(db, username)) {
    throw new AppError('CONFLICT', `Username ${username} is taken`, {
      reason: 'username_taken',
      username,
    })
  }
  assertPolicy(input.password, policy, username)
  if (input.department != null) await getActiveDepartment(db, input.department)
  const passwordHash = await hashPassword(input.password)
  return await withTransaction(db, async (t) => {
    const user = await repo.insertUser(t, {
      username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      createdAt: now,
      passwordChangedAt: now,
      departmentId: input.department ?? null,
      mustChangePassword: mustReplacePassword(chosenBy),
    })
    await repo.insertPasswordHistory(t, { userId: user.id, passwordHash, changedAt: now })
    await recordAudit(t, {
      at: now,
      action: 'account_created',
      actor,
      address: actor?.address,
      target: `user:${user.id}`,
      detail: { username, ...requested },
    })
    return user
  })
}

/**
 * Sets a new password; ends the user's sessions. `mustChange`: the owner has to replace it at
 * the next sign-in (a reset).
 * @throws AppError NOT_FOUND; VALIDATION when it breaks the policy or repeats one of the last
 *   `historyCount` passwords
 */
export async function setPassword(
  db: Db,
  id: number,
  password: string,
  now: number,
  policy: PasswordPolicy = DEFAULT_SECURITY.passwordPolicy,
  mustChange = false,
) {
  const user = await repo.findUser(db, id)
  if (!user) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
  await storePassword(db, user, password, now, policy, mustChange)
  await repo.deleteSessionsOfUser(db, id)
}

async function storePassword(
  db: Db,
  user: { id: number; username: string },
  password: string,
  now: number,
  policy: PasswordPolicy,
  mustChange: boolean,
) {
  assertPolicy(password, policy, user.username)
  for (const old of await repo.listPasswordHistory(db, user.id, policy.historyCount)) {
    if (await verifyPassword(password, old)) {
      throw new AppError(
        'VALIDATION',
        `The password repeats one of the last ${policy.historyCount}`,
        [{ path: ['password'], message: 'used before' }],
      )
    }
  }
  const passwordHash = await hashPassword(password)
  await withTransaction(db, async (tx) => {
    await repo.updatePassword(tx, user.id, passwordHash, now, mustChange)
    await repo.insertPasswordHistory(tx, { userId: user.id, passwordHash, changedAt: now })
  })
}

/**
 * A security admin's reset: a generated temporary password, shown once to the one who reset it,
 * which its owner must replace at the next sign-in; the owner's sessions end.
 * @returns the temporary password (never stored in clear, never shown again)
 * @throws AppError NOT_FOUND; FORBIDDEN (`separation_of_duties`)
 */
export async function resetPassword(
  db: Db,
  id: number,
  now: number,
  policy: PasswordPolicy,
  actor: AccountActor,
): Promise<string> {
  const user = await repo.findUser(db, id)
  if (!user) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
  await auditRefusal(db, now, actor, user, { passwordReset: true }, async () =>
    assertDuty(actor, 'resetPassword', user),
  )
  const password = temporaryPassword()
  await setPassword(db, id, password, now, policy, mustReplacePassword('another_person'))
  return password
}

/**
 * The signed-in user replaces their own password (after a reset, on expiry, or when they wish);
 * their other sessions end, the one they use (`session.tokenHash`) stays. Both the change and a
 * refusal for a wrong current password are audit entries (with `session.address`).
 * @throws AppError VALIDATION `wrong_password` on `currentPassword`; the policy's on `password`
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  input: { currentPassword: string; password: string },
  now: number,
  policy: PasswordPolicy,
  session: { tokenHash: string; address: string },
) {
  const user = await repo.findUser(db, userId)
  const stored = await repo.findPasswordHash(db, userId)
  if (!user || stored === undefined)
    throw new AppError('NOT_FOUND', `User ${userId} does not exist`)
  const audit = { at: now, actor: user, target: `user:${user.id}`, address: session.address }
  if (!(await verifyPassword(input.currentPassword, stored))) {
    await recordAudit(db, { ...audit, action: 'password_change_failed' })
    throw new AppError('VALIDATION', 'The current password is wrong', [
      { path: ['currentPassword'], message: 'wrong', reason: 'wrong_password' },
    ])
  }
  // a must-change (reset or expired) is said in the entry: the auditor sees the forced flow close
  const forced = user.mustChangePassword ? { detail: { forced: true } } : {}
  await storePassword(db, user, input.password, now, policy, false)
  await repo.deleteOtherSessions(db, userId, session.tokenHash)
  await recordAudit(db, { ...audit, action: 'password_changed', ...forced })
}

/**
 * Moves a user to a department (null: none), changes the role or (de)activates the account; takes
 * effect on the user's next request (a disabled user's sessions end at once). Writes an
 * `account_changed` audit entry naming the account and each changed field's old and new value
 * (none when nothing changed); a refusal for the separation of duties or the last holder of a
 * separated role is an `account_change_refused` entry. `now`: UTC ms of the entry (defaults to the
 * wall clock, for callers that only set accounts up). NOT_FOUND (user or department), FORBIDDEN
 * (`separation_of_duties`), CONFLICT (inactive department; `last_of_role`).
 */
export async function updateUser(
  db: Db,
  id: number,
  patch: { department?: number | null; role?: UserRole; isActive?: boolean },
  actor?: AccountActor,
  now: number = Date.now(),
) {
  if (patch.department != null) await getActiveDepartment(db, patch.department)
  const { department, ...rest } = patch
  const target = await repo.findUser(db, id)
  if (!target) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
  return auditRefusal(db, now, actor, target, patch, () =>
    withTransaction(db, async (t) => {
      const before = await repo.findUser(t, id)
      if (!before) throw new AppError('NOT_FOUND', `User ${id} does not exist`)
      if (department !== undefined) assertDuty(actor, 'setDepartment', before)
      if (patch.isActive !== undefined) assertDuty(actor, 'setActive', before)
      if (patch.role !== undefined && patch.role !== before.role)
        assertDuty(actor, 'setRole', before, patch.role)
      const losesRole =
        (patch.role !== undefined && patch.role !== before.role) || patch.isActive === false
      if (
        GUARDED_ROLES.includes(before.role) &&
        before.isActive &&
        losesRole &&
        (await repo.countActiveWithRole(t, before.role)) <= 1
      ) {
        throw new AppError(
          'CONFLICT',
          `${before.username} is the last active ${before.role}: give the role to another user before demoting or disabling this one`,
          { reason: 'last_of_role', role: before.role },
        )
      }
      const user = await repo.updateUser(
        t,
        id,
        department === undefined ? rest : { ...rest, departmentId: department },
      )
      if (patch.isActive === false) await repo.deleteSessionsOfUser(t, id)
      const changes = changedFields(before, patch)
      if (Object.keys(changes).length > 0) {
        await recordAudit(t, {
          at: now,
          action: 'account_changed',
          actor,
          address: actor?.address,
          target: `user:${id}`,
          detail: { username: before.username, changes },
        })
      }
      return user as NonNullable<typeof user>
    }),
  )
}

/** Each field of `patch` whose value differs from the account's: `{ field: { from, to } }`. */
function changedFields(
  before: { departmentId: number | null; role: UserRole; isActive: boolean },
  patch: { department?: number | null; role?: UserRole; isActive?: boolean },
) {
  const pairs = {
    department: [before.departmentId, patch.department],
    role: [before.role, patch.role],
    isActive: [before.isActive, patch.isActive],
  } as const
  return Object.fromEntries(
    Object.entries(pairs)
      .filter(([, [from, to]]) => to !== undefined && to !== from)
      .map(([field, [from, to]]) => [field, { from, to }]),
  )
}

/** The user, when active; NOT_FOUND otherwise (an inquiry is assigned only to someone who can sign in). */
export async function getActiveUser(db: Db, id: number) {
  const user = await repo.findUser(db, id)
  if (!user?.isActive) throw new AppError('NOT_FOUND', `User ${id} does not exist or is disabled`)
  return user
}

export const listUsers = repo.listUsers
export const countUsers = repo.countUsers
/** The account named `username` in any case (`normalizeUsername`), or undefined. */
export const findUserByUsername = (db: Db, username: string) =>
  repo.findUserByUsername(db, normalizeUsername(username))
