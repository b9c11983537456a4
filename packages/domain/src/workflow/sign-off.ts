/**
 * Four eyes on what goes out under the bureau's name: the one who signs a text off is not the one
 * who drafted that version — a reply draft approved (审核) on a channel that requires sign-off, a
 * disclosure request's answer document signed (签发, disclosure/answer-review.ts). The API refuses
 * (403 `own_draft`) and the SPA disables the button with the same sentence. A desk with a single
 * manager is not stuck on that manager's own drafts: an admin's role includes a manager's
 * (lifecycle `role`), so an admin signs them off — and the manager signs the admin's; nobody, an
 * admin included, signs a version they drafted.
 *
 * Source: 《党政机关公文处理工作条例》（中办发〔2012〕14号）makes drafting (起草, 第十九条), review of
 * the draft before it is signed (审核, 第二十条) and sign-off by the agency's responsible person
 * (签发, 第二十二条) separate steps of issuing a document; the desk keeps the drafter and the signer
 * of one version apart, whatever their roles. `verified: false`: the articles were not re-read on
 * an official page.
 */

export const SIGN_OFF_RULE_SOURCE = {
  source: '《党政机关公文处理工作条例》（中办发〔2012〕14号）第十九条、第二十条、第二十二条',
  verified: false,
} as const

/**
 * Why `signerId` may not sign off a version drafted by `drafterId` (`own_draft`), or null when
 * they may. A version whose drafter is unknown (null: an account removed since) may be signed.
 */
export function signOffRefusal(drafterId: number | null, signerId: number): 'own_draft' | null {
  return drafterId !== null && drafterId === signerId ? 'own_draft' : null
}
