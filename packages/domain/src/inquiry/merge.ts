/**
 * Which inquiry may be merged into which as a duplicate, beyond the lifecycle's `merge` action: only
 * into one of the same kind (message into message). A duplicate leaves the pending and overdue
 * counts and is answered with its main inquiry's reply; a disclosure request is answered by a
 * decision document to its applicant (《政府信息公开条例》第三十六条) and a deputy's proposal by an
 * answer to the deputy, so a citizen's message merged into either would never get a reply on its
 * own channel, and a request or proposal merged into a message would lose its statutory answer.
 */

/** Why merging an inquiry of `kind` into one of `mainKind` is refused, or null. */
export type MergeRefusal = 'merge_kind'

/** `kind`, `mainKind`: the inquiries' kinds (`message`, `disclosure`, `proposal`). */
export function mergeRefusal(kind: string, mainKind: string): MergeRefusal | null {
  return kind === mainKind ? null : 'merge_kind'
}
