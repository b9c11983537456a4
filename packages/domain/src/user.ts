/** Staff users and their roles. */
import { z } from 'zod'
import { textSchema } from './text.ts'

/** responder: answers the queue; manager: also sees dashboards and reports; admin: also configures. */
export const USER_ROLES = ['responder', 'manager', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]

const ROLE_RANK: Record<UserRole, number> = { responder: 1, manager: 2, admin: 3 }

/** True when `role` has at least the rights of `needed` (admin ⊇ manager ⊇ responder). */
export function hasRole(role: UserRole, needed: UserRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed]
}

export const loginSchema = z.object({
  username: textSchema().trim().min(1).max(64),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof loginSchema>
