/** Follow-up calls (回访) in SQL. */
import type { FollowUpOutcome } from '@desk/domain'
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

export async function insertFollowUp(
  db: Db,
  row: {
    inquiryId: number
    outcome: FollowUpOutcome
    note: string
    reopened: boolean
    createdBy: number
    createdAt: number
  },
) {
  const { followUps } = tables(db)
  return returnedRow(await db.insert(followUps).values(row).returning({ id: followUps.id })).id
}

export async function listFollowUps(db: Db, inquiryId: number) {
  const { followUps, users } = tables(db)
  return await db
    .select({
      id: followUps.id,
      outcome: followUps.outcome,
      note: followUps.note,
      reopened: followUps.reopened,
      createdAt: followUps.createdAt,
      byName: users.displayName,
    })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.createdBy))
    .where(eq(followUps.inquiryId, inquiryId))
    .orderBy(asc(followUps.id))
}
