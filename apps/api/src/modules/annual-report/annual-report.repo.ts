/** The staff-written parts of the annual report per year (`annual_report_texts`) and closed years' snapshots. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { annualReportSnapshots, annualReportTexts, users } from '../../db/schema.ts'

/** The year's row with the name of who saved it last; undefined when nothing was saved. */
export function findText(db: Db, year: number) {
  return db
    .select({
      content: annualReportTexts.content,
      updatedAt: annualReportTexts.updatedAt,
      updatedBy: users.displayName,
    })
    .from(annualReportTexts)
    .leftJoin(users, eq(users.id, annualReportTexts.updatedBy))
    .where(eq(annualReportTexts.year, year))
    .get()
}

export function saveText(
  db: Db,
  row: { year: number; content: string; updatedBy: number; updatedAt: number },
) {
  db.insert(annualReportTexts)
    .values(row)
    .onConflictDoUpdate({
      target: annualReportTexts.year,
      set: { content: row.content, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    })
    .run()
}

/** The closed year's snapshot with who closed it; undefined while the year is open. */
export function findSnapshot(db: Db, year: number) {
  return db
    .select({
      report: annualReportSnapshots.report,
      numbers: annualReportSnapshots.numbers,
      closedAt: annualReportSnapshots.closedAt,
      closedBy: users.displayName,
    })
    .from(annualReportSnapshots)
    .leftJoin(users, eq(users.id, annualReportSnapshots.closedBy))
    .where(eq(annualReportSnapshots.year, year))
    .get()
}

/** Stores the snapshot; false when the year was closed already (the first one stays). */
export function insertSnapshot(
  db: Db,
  row: { year: number; report: string; numbers: string; closedBy: number; closedAt: number },
): boolean {
  return db.insert(annualReportSnapshots).values(row).onConflictDoNothing().run().changes > 0
}
