/**
 * Password rules of 等保 2.0 level 3 (GB/T 22239-2019 §8.1.4.1 身份鉴别 a): "身份鉴别信息具有复杂度
 * 要求并定期更换" — identification data must meet complexity requirements and be changed
 * regularly). The standard names no numbers; each bureau sets them (configurable), the defaults
 * follow common assessment practice: at least 8 characters of at least 2 classes, changed every
 * 90 days, not one of the last 5.
 */

/** `maxAgeDays` 0: passwords never expire; `historyCount` 0: reuse allowed. */
export type PasswordPolicy = {
  minLength: number
  minClasses: number
  maxAgeDays: number
  historyCount: number
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  minClasses: 2,
  maxAgeDays: 90,
  historyCount: 5,
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const

/** How many of the four classes (lower case, upper case, digits, other) `password` uses. */
export function passwordClasses(password: string): number {
  return CLASSES.filter((c) => c.test(password)).length
}

/**
 * Why `password` breaks `policy`, each a predicate of "the password" ("needs at least 8
 * characters", "must not contain the username"); empty when it does not. The username may not be
 * part of it.
 */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  username?: string,
): string[] {
  const problems: string[] = []
  if ([...password].length < policy.minLength)
    problems.push(`needs at least ${policy.minLength} characters`)
  if (passwordClasses(password) < policy.minClasses) {
    problems.push(
      `needs at least ${policy.minClasses} of: lower case, upper case, digits, other characters`,
    )
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('must not contain the username')
  }
  return problems
}

const DAY_MS = 86_400_000

/** Whether a password set at `changedAt` (UTC ms) has expired at `now` under `policy`. */
export function isPasswordExpired(changedAt: number, now: number, policy: PasswordPolicy): boolean {
  return policy.maxAgeDays > 0 && now - changedAt > policy.maxAgeDays * DAY_MS
}

/**
 * Why a user must choose a new password before doing anything else: `reset` (a security admin
 * set a temporary one, which only its owner should know afterwards), `expired` (older than
 * `maxAgeDays`); null when they need not.
 */
export const PASSWORD_CHANGE_REASONS = ['reset', 'expired'] as const
export type PasswordChangeReason = (typeof PASSWORD_CHANGE_REASONS)[number]

export function passwordChangeReason(
  user: { mustChangePassword: boolean; passwordChangedAt: number },
  now: number,
  policy: PasswordPolicy,
): PasswordChangeReason | null {
  if (user.mustChangePassword) return 'reset'
  return isPasswordExpired(user.passwordChangedAt, now, policy) ? 'expired' : null
}

/**
 * Who chose a password being stored: `owner`, the one who will sign in with it (a change at
 * sign-in; the installer's first admin from DESK_ADMIN_PASSWORD; the demo's printed logins), or
 * `another_person` (an admin creating the account in the SPA, a security admin's reset, an
 * operator's `desk user add` or `desk user reset-password` on the server, which prints it).
 */
export type PasswordChooser = 'owner' | 'another_person'

/**
 * Whether a password stored now must be replaced by its owner at the next sign-in: when another
 * person chose or saw it, whichever way it was set: an identity is unique and its credential the
 * owner's alone (GB/T 22239-2019 §8.1.4.1 a, 身份标识具有唯一性).
 */
export function mustReplacePassword(chosenBy: PasswordChooser): boolean {
  return chosenBy === 'another_person'
}
