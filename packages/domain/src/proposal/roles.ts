/**
 * A proposal is assigned to the bureau as the lead unit (主办) or as a co-unit (协办). Kept apart
 * from proposal.ts (no imports) because the lifecycle table and the default policies read it.
 */

/** 主办 (lead unit) or 协办 (co-unit). */
export const PROPOSAL_ROLES = ['lead', 'co'] as const
export type ProposalRole = (typeof PROPOSAL_ROLES)[number]

/**
 * The inquiry category each role is stored under: deadline policies select on it (a co-unit's
 * opinion is due within one month, default-policies.ts), the lifecycle allows the role's own
 * actions by it, and the sentence counts by it.
 */
export const PROPOSAL_ROLE_CATEGORY: Readonly<Record<ProposalRole, string>> = {
  lead: '主办',
  co: '协办',
}
