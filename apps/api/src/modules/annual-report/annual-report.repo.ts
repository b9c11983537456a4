/** The staff-written parts of the annual report per year (`annual_report_texts`) and closed years' snapshots. */
import { and, eq } from 'drizzle-orm'
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
        version: annualReportTexts.version,
        updatedAt: annualReportTexts.updatedAt,
        updatedBy: users.displayName,
      })
      .from(annualReportTexts)
      .leftJoin(users, eq(users.id, annualReportTexts.updatedBy))
      .where(eq(annualReportTexts.year, year))
      .limit(1)
  )[0]
}

/**
 * Stores the year's text if it is still at `version` (0: nothing saved yet), as version + 1, in
 * one statement; false when another save came first (the row is then left as that save wrote it).
 */
export async function saveText(
  db: Db,
  row: { year: number; content: string; updatedBy: number; updatedAt: number },
  version: number,
): Promise<boolean> {
  const { annualReportTexts } = tables(db)
  if (version === 0)
    return changedRows(await db.insert(annualReportTexts).values(row).onConflictDoNothing()) > 0
  const updated = await db
    .update(annualReportTexts)
    .set({ ...row, version: version + 1 })
    .where(and(eq(annualReportTexts.year, row.year), eq(annualReportTexts.version, version)))
  return changedRows(updated) > 0
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
        closedById: annualReportSnapshots.closedBy,
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

/** Removes the year's snapshot (the year is open again); false when it was not closed. */
export async function deleteSnapshot(db: Db, year: number): Promise<boolean> {
  const { annualReportSnapshots } = tables(db)
  return (
    changedRows(
      await db.delete(annualReportSnapshots).where(eq(annualReportSnapshots.year, year)),
    ) > 0
  )
}
