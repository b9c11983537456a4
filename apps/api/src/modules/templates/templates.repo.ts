/** Reply templates (答复模板) in SQL. */
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

function columns(db: Db) {
  const { replyTemplates } = tables(db)
  return {
    id: replyTemplates.id,
    category: replyTemplates.category,
    title: replyTemplates.title,
    body: replyTemplates.body,
    isActive: replyTemplates.isActive,
    updatedAt: replyTemplates.updatedAt,
  }
}

/**
 * Templates in title order. With `category` (a string, or null for an uncategorised inquiry): the
 * active ones for that category plus those for any category; without it: all, inactive included.
 */
export async function listTemplates(db: Db, category?: string | null) {
  const { replyTemplates } = tables(db)
  const where =
    category === undefined
      ? undefined
      : and(
          eq(replyTemplates.isActive, true),
          category === null
            ? isNull(replyTemplates.category)
            : or(isNull(replyTemplates.category), eq(replyTemplates.category, category)),
        )
  return await db
    .select(columns(db))
    .from(replyTemplates)
    .where(where)
    .orderBy(dialectOf(db).textOrder(replyTemplates.title), asc(replyTemplates.id))
}

export async function findTemplate(db: Db, id: number) {
  const { replyTemplates } = tables(db)
  return (
    await db.select(columns(db)).from(replyTemplates).where(eq(replyTemplates.id, id)).limit(1)
  )[0]
}

export async function insertTemplate(db: Db, row: typeof schema.replyTemplates.$inferInsert) {
  const { replyTemplates } = tables(db)
  return returnedRow(await db.insert(replyTemplates).values(row).returning(columns(db)))
}

export async function updateTemplate(
  db: Db,
  id: number,
  patch: Partial<typeof schema.replyTemplates.$inferInsert>,
) {
  const { replyTemplates } = tables(db)
  return (
    await db
      .update(replyTemplates)
      .set(patch)
      .where(eq(replyTemplates.id, id))
      .returning(columns(db))
  )[0]
}
