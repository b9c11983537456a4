/**
 * `desk user add|reset-password|set-role <username>`: account recovery on the server, for when
 * nobody can sign in as an admin any more. The password comes from `--password`, else one is
 * generated and printed once. The password policy and the last-admin rule apply as in the API
 * (with the environment's DESK_PASSWORD_* settings). Exits 1 with the reason when refused.
 */
import { USER_ROLES, mustReplacePassword, type PasswordPolicy, type UserRole } from '@desk/domain'
import type { Command } from 'commander'
import { readConfig, securityOf } from '../config.ts'
import { AppError } from '../lib/errors.ts'
import { temporaryPassword } from '../lib/password.ts'
import {
  createUser,
  findUserByUsername,
  setPassword,
  updateUser,
} from '../modules/users/users.service.ts'
import type { Db } from '../db/client.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'

type UserCliOptions = { db?: string; password?: string; role?: string; name?: string }
type UserAction = 'add' | 'reset-password' | 'set-role'

function roleOf(value: string | undefined): UserRole {
  if (!USER_ROLES.includes(value as UserRole))
    throw new AppError('VALIDATION', `--role must be one of ${USER_ROLES.join(', ')}`)
  return value as UserRole
}

/**
 * One `desk user` action on `db`, at `now` (UTC ms), under `policy`. A password the command sets
 * is chosen by the operator (given or generated and printed), so its owner replaces it at the
 * next sign-in (domain `mustReplacePassword`), as for an account an admin creates in the SPA.
 * @returns the line to print
 * @throws AppError VALIDATION (role, password policy), CONFLICT (username taken, last of a role),
 *   NOT_FOUND (no such user)
 */
export async function runUserCommand(
  db: Db,
  action: UserAction,
  username: string,
  opts: Omit<UserCliOptions, 'db'>,
  now: number,
  policy: PasswordPolicy,
): Promise<string> {
  const password = opts.password ?? temporaryPassword()
  const shown = opts.password === undefined ? ` (generated, shown once: ${password})` : ''
  const mustChange = mustReplacePassword('another_person')
  if (action === 'add') {
    const role = roleOf(opts.role ?? 'admin')
    await createUser(
      db,
      { username, displayName: opts.name ?? username, role, password },
      now,
      policy,
      undefined,
      'another_person',
    )
    return `Created ${username} as ${role}${shown}; it must be changed at the first sign-in`
  }
  const user = await findUserByUsername(db, username)
  if (!user) throw new AppError('NOT_FOUND', `No user ${username}`)
  if (action === 'reset-password') {
    await setPassword(db, user.id, password, now, policy, mustChange)
    if (!user.isActive) await updateUser(db, user.id, { isActive: true }, undefined, now)
    return `New password for ${username}${shown}, to be changed at the next sign-in; the account is active and its sessions ended`
  }
  const role = roleOf(opts.role)
  await updateUser(db, user.id, { role, isActive: true }, undefined, now)
  return `${username} is now ${role} (active)`
}

async function run(action: UserAction, username: string, opts: UserCliOptions) {
  const { db } = await openCliDb(opts.db)
  try {
    return await runUserCommand(
      db,
      action,
      username,
      opts,
      Date.now(),
      securityOf(readConfig()).passwordPolicy,
    )
  } finally {
    await closeDatabase(db)
  }
}

/** Adds `user` to the `desk` program. */
export function registerUserCommand(program: Command) {
  const user = program
    .command('user')
    .description('recover accounts on the server: add, reset-password, set-role')
  const common = (cmd: Command) =>
    cmd.option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
  const act = (action: UserAction) => async (username: string, opts: UserCliOptions) => {
    try {
      console.log(await run(action, username, opts))
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      console.error(err.message)
      process.exitCode = 1
    }
  }
  common(user.command('add <username>').description('create a user (default role admin)'))
    .option('--role <role>', USER_ROLES.join(' | '))
    .option('--name <displayName>', 'display name (default: the username)')
    .option('--password <password>', 'default: generate one and print it once')
    .action(act('add'))
  common(
    user
      .command('reset-password <username>')
      .description('set a new password, re-enable the account, end its sessions'),
  )
    .option('--password <password>', 'default: generate one and print it once')
    .action(act('reset-password'))
  common(
    user.command('set-role <username>').description('change the role (and re-enable the account)'),
  )
    .requiredOption('--role <role>', USER_ROLES.join(' | '))
    .action(act('set-role'))
}
