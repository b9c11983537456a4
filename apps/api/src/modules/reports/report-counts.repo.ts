/**
 * Grouped counts for reports (the yearly tally), built from the queue's own predicate
 * (db/inquiry-filter.ts): for each group (channel, category or assignee) one pass counts the rows
 * matching each named predicate, `count(*) filter (where P)`. A count of P in channel X therefore
 * equals the number of rows the queue lists for P with `channel=X`.
 */
import type { InquiryFilter } from '@desk/domain'
import { eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { filterWithoutChannel } from '../../db/inquiry-filter.ts'

export type GroupBy = 'channel' | 'category' | 'assignee'
export type GroupCounts<K extends string> = {
  /** channel code, category text (null: none) or assignee id (null: unassigned) */
  group: string | number | null
  /** the assignee's display name when grouped by assignee */
  label: string | null
  counts: Record<K, number>
}

/** Who is looking (the queue's viewer: id, role, department); rows outside their sight are not counted. */
export type Viewer = Parameters<typeof filterWithoutChannel>[2]

/** The queue's SQL for a filter without channel, as `viewer` sees it. */
export function queuePredicate(
  db: Db,
  filter: Omit<InquiryFilter, 'channel'>,
  viewer: Viewer,
): SQL | undefined {
  return filterWithoutChannel(db, filter, viewer)
}

function groupColumn(db: Db) {
  const { inquiries } = tables(db)
  return {
    channel: inquiries.channelCode,
    category: inquiries.category,
    assignee: inquiries.assigneeId,
  }
}

const countOf = (p: SQL | undefined) =>
  p ? sql<number>`count(*) filter (where ${p})` : sql<number>`count(*)`

/**
 * For each value of `groupBy` among rows matching `base`, how many rows match each predicate of
 * `preds` (which should imply `base`). Groups without rows are absent.
 */
export async function countGroupsWhere<K extends string>(
  db: Db,
  groupBy: GroupBy,
  base: SQL | undefined,
  preds: Record<K, SQL | undefined>,
): Promise<GroupCounts<K>[]> {
  const { inquiries, users } = tables(db)
  const keys = Object.keys(preds) as K[]
  const col = groupColumn(db)[groupBy]
  const aggregates = Object.fromEntries(keys.map((k, i) => [`c${i}`, countOf(preds[k])]))
  const select = { group: col, ...aggregates }
  // the users join only when grouping by assignee: it costs a lookup per row
  const rows = (
    groupBy === 'assignee'
      ? await db
          .select({ ...select, label: sql<string | null>`max(${users.displayName})` })
          .from(inquiries)
          .leftJoin(users, eq(users.id, inquiries.assigneeId))
          .where(base)
          .groupBy(col)
      : await db.select(select).from(inquiries).where(base).groupBy(col)
  ) as ({ group: string | number | null; label?: string | null } & Record<string, number>)[]
  return rows.map((r) => ({
    group: r.group,
    label: r.label ?? null,
    counts: Object.fromEntries(keys.map((k, i) => [k, r[`c${i}`] ?? 0])) as Record<K, number>,
  }))
}
