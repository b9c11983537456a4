/** Staff users and their roles. */
import { z } from 'zod'
import { textSchema } from './text.ts'

/**
 * responder: answers the queue; manager: also sees dashboards and reports; admin (系统管理员,
 * system administrator): also configures the desk and its accounts. Outside that chain, the
 * separation of duties of 等保 2.0 level 3 (GB/T 22239-2019 §8.1.4.2 访问控制 and §8.1.10 安全管理中心,
 * 三员分立): security_admin (安全管理员) manages accounts and sees sign-in security events, and
 * auditor (审计管理员) reads the audit log and nothing else. Neither can touch inquiries.
 */
export const USER_ROLES = ['responder', 'manager', 'admin', 'security_admin', 'auditor'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** Roles of the inquiry-handling chain; rank 0 keeps the separated roles out of it. */
const ROLE_RANK: Record<UserRole, number> = {
  responder: 1,
  manager: 2,
  admin: 3,
  security_admin: 0,
  auditor: 0,
}

/**
 * True when `role` has at least the rights of `needed` in the chain admin ⊇ manager ⊇ responder;
 * security_admin and auditor only have their own role's rights (`role === needed`).
 */
export function hasRole(role: UserRole, needed: UserRole): boolean {
  if (ROLE_RANK[needed] === 0) return role === needed
  return ROLE_RANK[role] >= ROLE_RANK[needed]
}

/**
 * The roles that have the rights of at least one of `needed` (`hasRole`), in USER_ROLES order:
 * what a refusal names as the roles an action needs (a responder's action is open to managers
 * and admins too, never to the separated security and audit administrators).
 */
export function rolesWithAny(needed: readonly UserRole[]): UserRole[] {
  return USER_ROLES.filter((role) => needed.some((n) => hasRole(role, n)))
}

/**
 * A username as the desk stores and compares it: trimmed, in lower case. People type the case of
 * their name as they remember it ('Zhang', 'zhang'), so case never makes two accounts nor fails a
 * sign-in; the sign-in throttle counts every case of a name as one. Every way in (the API, sign-in,
 * the `desk user` command) passes through this.
 */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase()
}

/** A new account's username: 2–64 of `a-z 0-9 _ . -` once in lower case (`normalizeUsername`). */
export const usernameSchema = textSchema()
  .overwrite(normalizeUsername)
  .regex(/^[a-z0-9_.-]{2,64}$/)

export const loginSchema = z.object({
  username: textSchema().overwrite(normalizeUsername).min(1).max(64),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof loginSchema>

/** `POST /api/auth/password`: the user's current password and the new one (the policy checks it). */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
})
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>

/**
 * Who does what to staff accounts under the separation of duties of 等保 2.0 level 3
 * (GB/T 22239-2019 §8.1.10): the system administrator manages users' identities
 * (§8.1.10.1 系统管理: "对系统的资源和运行进行配置、控制和管理，包括用户身份…"), the security
 * administrator authorises them and sets security parameters (§8.1.10.3 安全管理: "对主体进行授权",
 * "安全参数的设置"), the audit administrator only reads the audit log (§8.1.10.2). So:
 * - `create`, `setDepartment`, `setActive`, `setRole` within the inquiry-handling chain below
 *   admin (responder, manager): admin. These roles are the job a member of staff is hired for,
 *   given with the identity; an account with administrative rights is made by giving it a role;
 * - `setRole` to or from admin, security_admin or auditor: security_admin only (授权), but never
 *   to or from manager: a security admin neither gives nor takes away the business authority
 *   (负责人: approves replies and extensions, reads personal data in exports), else one person holds
 *   both security and business power — make any responder a manager, then reset that account's
 *   password. An administrative role is revoked down to responder, and a manager becomes an
 *   administrator in two steps by two people (the admin makes them a responder, the security
 *   admin grants the role). The README's "the admin adds and disables responders and managers";
 *   GB/T 22239-2019 §8.1.10.1 puts users' identities with the system administrator;
 * - `setActive` of a chain account or another security admin's: security_admin too (shutting out
 *   a compromised one);
 * - `resetPassword` of a chain account: security_admin only (a credential is a security parameter);
 * - never, by anyone in the desk, `resetPassword` of an administrator's account (admin,
 *   security_admin, auditor), nor `setActive` of the admin's or the auditor's: a reset shows the
 *   temporary password to the one who reset it, so a security admin could sign in as the admin
 *   (business and configuration power) or as the auditor (and read, or stop others reading, the
 *   log of their own actions) — the three duties would be one person's. Those accounts are
 *   recovered on the server by `desk user reset-password`, which also re-enables them.
 * Nobody does `setActive`, `setRole` or `resetPassword` to their own account (their own password
 * is changed on the self-service page; their own role by another security admin).
 */
export const ACCOUNT_ACTIONS = [
  'create',
  'setDepartment',
  'setActive',
  'setRole',
  'resetPassword',
] as const
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number]

/** Roles the system administrator may give at creation and whose accounts they keep. */
const IDENTITY_ROLES: readonly UserRole[] = ['responder', 'manager']

/**
 * Whether `actor` may do `action` to the account `target` (for `create`, the new account; for
 * `setRole`, also the role `to`).
 */
export function mayManageAccount(
  actor: { id: number; role: UserRole },
  action: AccountAction,
  target: { id?: number | undefined; role: UserRole },
  to?: UserRole,
): boolean {
  const own = target.id !== undefined && target.id === actor.id
  const chain = IDENTITY_ROLES.includes(target.role)
  switch (action) {
    case 'create':
    case 'setDepartment':
      return actor.role === 'admin' && chain
    case 'setActive':
      if (own) return false
      if (actor.role === 'security_admin') return chain || target.role === 'security_admin'
      return actor.role === 'admin' && chain
    case 'setRole':
      if (own || to === undefined) return false
      if (actor.role === 'security_admin') return target.role !== 'manager' && to !== 'manager'
      return actor.role === 'admin' && chain && IDENTITY_ROLES.includes(to)
    case 'resetPassword':
      return actor.role === 'security_admin' && !own && chain
  }
}

/**
 * The roles of the three separated administrators (三员): the last active holder of each can be
 * neither demoted nor disabled, or the desk would lose that duty (recovery: `desk user`).
 */
export const GUARDED_ROLES: readonly UserRole[] = ['admin', 'security_admin', 'auditor']
