/**
 * 回访 records: the follow-up calls after a reply (outcome 满意 / 基本满意 / 不满意 / 未联系上 and a
 * note). The action that records one on an inquiry is the inquiries module's (`follow-up.service.ts`),
 * which writes the row here inside its transaction.
 */
import type { Db } from '../../db/client.ts'
import * as repo from './follow-ups.repo.ts'

/** Writes one follow-up inside the caller's transaction. @returns its id */
export async function insertFollowUp(
  tx: Db,
  row: Parameters<typeof repo.insertFollowUp>[1],
): Promise<number> {
  return await repo.insertFollowUp(tx, row)
}

/** The inquiry's follow-ups, oldest first (times UTC ms). */
export async function listFollowUps(db: Db, inquiryId: number) {
  return await repo.listFollowUps(db, inquiryId)
}
