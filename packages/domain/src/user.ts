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

export const loginSchema = z.object({
  username: textSchema().trim().min(1).max(64),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof loginSchema>
