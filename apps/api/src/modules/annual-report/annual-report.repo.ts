/** The staff-written parts of the annual report per year (`annual_report_texts`) and closed years' snapshots. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { changedRows } from '../../db/dialect.ts'

/** The year's row with the name of who saved it last; undefined when nothing was saved. */
export async function findText(db: Db, year: number) {
  const { annualReportTexts, users } = tables(db)
  return (
    await db
      .select({
        content: annualReportTexts.content,
        updatedAt: annualReportTexts.updatedAt,
        updatedBy: users.displayName,
      })
      .from(annualReportTexts)
      .leftJoin(users, eq(users.id, annualReportTexts.updatedBy))
      .where(eq(annualReportTexts.year, year))
      .limit(1)
  )[0]
}

export async function saveText(
  db: Db,
  row: { year: number; content: string; updatedBy: number; updatedAt: number },
) {
  const { annualReportTexts } = tables(db)
  await db
    .insert(annualReportTexts)
    .values(row)
    .onConflictDoUpdate({
      target: annualReportTexts.year,
      set: { content: row.content, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    })
}

/** The closed year's snapshot with who closed it; undefined while the year is open. */
export async function findSnapshot(db: Db, year: number) {
  const { annualReportSnapshots, users } = tables(db)
  return (
    await db
      .select({
        report: annualReportSnapshots.report,
        numbers: annualReportSnapshots.numbers,
        closedAt: annualReportSnapshots.closedAt,
        closedBy: users.displayName,
      })
      .from(annualReportSnapshots)
      .leftJoin(users, eq(users.id, annualReportSnapshots.closedBy))
      .where(eq(annualReportSnapshots.year, year))
      .limit(1)
  )[0]
}

/** Stores the snapshot; false when the year was closed already (the first one stays). */
export async function insertSnapshot(
  db: Db,
  row: { year: number; report: string; numbers: string; closedBy: number; closedAt: number },
): Promise<boolean> {
  const { annualReportSnapshots } = tables(db)
  return changedRows(await db.insert(annualReportSnapshots).values(row).onConflictDoNothing()) > 0
}
