/**
 * Whether an inquiry's due date may still be extended (延期), beyond who may ask (the lifecycle's
 * `request_extension`): its deadline rule must allow an extension (`extensionAmount`, e.g. 第三十三条
 * of 《中华人民共和国政府信息公开条例》: 20 working days more, at most once; a same-day rule has
 * none), no request may be waiting for a decision, and none may have been approved already — an
 * extension is granted once per inquiry, as the 条例 allows "延长答复的期限最长不得超过20个工作日" once
 * and the desk's other policies follow it. The API refuses with these codes (409) and the SPA
 * disables 申请延期 with the same sentence.
 */

/** Why a further extension request is refused; null when one may be made. */
export type ExtensionRefusal = 'not_extendable' | 'pending' | 'extended'

/** The facts the rule reads: the rule's extension amount and the inquiry's extension requests. */
export type ExtensionFacts = {
  /** What an approved extension adds in the rule's unit; null: the rule allows none */
  extensionAmount: number | null
  /** The statuses of the inquiry's extension requests so far (`pending`, `approved`, `rejected`) */
  requests: readonly { status: string }[]
}

/** Why no extension may be requested now (first of: the rule, a pending request, an approved one), or null. */
export function extensionRefusal(facts: ExtensionFacts): ExtensionRefusal | null {
  if (facts.extensionAmount === null) return 'not_extendable'
  if (facts.requests.some((r) => r.status === 'pending')) return 'pending'
  if (facts.requests.some((r) => r.status === 'approved')) return 'extended'
  return null
}
