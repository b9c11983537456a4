/** The staff-written parts of the annual report, one row per year (`annual_report_texts`). */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { annualReportTexts, users } from '../../db/schema.ts'

/** The year's row with the name of who saved it last; undefined when nothing was saved. */
export function findText(db: Db, year: number) {
  return db
    .select({ content: annualReportTexts.content, updatedAt: annualReportTexts.updatedAt, updatedBy: users.displayName })
    .from(annualReportTexts)
    .leftJoin(users, eq(users.id, annualReportTexts.updatedBy))
    .where(eq(annualReportTexts.year, year))
    .get()
}

export function saveText(db: Db, row: { year: number; content: string; updatedBy: number; updatedAt: number }) {
  db.insert(annualReportTexts)
    .values(row)
    .onConflictDoUpdate({ target: annualReportTexts.year, set: { content: row.content, updatedBy: row.updatedBy, updatedAt: row.updatedAt } })
    .run()
}
