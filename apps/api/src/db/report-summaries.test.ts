import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEFAULT_CHANNELS,
  INQUIRY_STATUSES,
  PENDING_STATUSES,
  POSITIVE_SATISFACTIONS,
  SATISFACTIONS,
  toZonedDate,
} from '@desk/domain'
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDepartment } from '../modules/departments/departments.service.ts'
import { createRandom, type Random } from '../modules/seed/random.ts'
import { addInquiries, setupDesk, signIn, T0 } from '../test/setup.ts'
import { MIGRATIONS_DIR, type Db } from './client.ts'
import type { inquiries } from './schema.ts'
import { engineOf, tables } from './tables.ts'
import { returnedRow } from './rows.ts'

const DAY = 86_400_000
/** Days since 1970-01-01 of the Asia/Shanghai date of `ms`, through the domain's zone code (not SQL). */
const dayNumber = (ms: number) => Date.parse(`${toZonedDate(ms)}T00:00:00Z`) / DAY

type Row = typeof inquiries.$inferSelect

/** The summaries as the rows now in `inquiries` say they should be, computed in JS with the domain's lists. */
function expected(rows: Row[]) {
  const channel = new Map<string, number[]>()
  const workload = new Map<string, number>()
  const openDue = new Map<string, number>()
  for (const r of rows) {
    const day = dayNumber(r.receivedAt)
    const replyDay = r.repliedAt === null ? -1 : dayNumber(r.repliedAt)
    const key = JSON.stringify([day, r.channelCode, replyDay])
    const counts = channel.get(key) ?? [0, 0, 0, 0, 0]
    const flags = [
      true,
      (PENDING_STATUSES as readonly string[]).includes(r.status),
      r.repliedAt !== null && r.repliedAt <= (r.firstDueAt ?? r.dueAt),
      r.satisfaction !== null,
      (POSITIVE_SATISFACTIONS as readonly (string | null)[]).includes(r.satisfaction),
    ]
    channel.set(
      key,
      counts.map((n, i) => n + (flags[i] ? 1 : 0)),
    )
    const w = JSON.stringify([
      day,
      r.category ?? '',
      r.departmentId ?? 0,
      r.assigneeId ?? 0,
      r.status,
    ])
    workload.set(w, (workload.get(w) ?? 0) + 1)
    if ((PENDING_STATUSES as readonly string[]).includes(r.status) && r.pausedAt === null) {
      const values = {
        channel: r.channelCode,
        category: r.category ?? '',
        department: r.departmentId === null ? '' : String(r.departmentId),
        assignee: r.assigneeId === null ? '' : String(r.assigneeId),
      }
      for (const [dimension, value] of Object.entries(values)) {
        const o = JSON.stringify([day, dayNumber(r.dueAt), dimension, value])
        openDue.set(o, (openDue.get(o) ?? 0) + 1)
      }
    }
  }
  return {
    channel: [...channel].map(([k, n]) => `${k} ${n.join(' ')}`).sort(),
    workload: [...workload].map(([k, n]) => `${k} ${n}`).sort(),
    openDue: [...openDue].map(([k, n]) => `${k} ${n}`).sort(),
  }
}

/** The summaries' rows with a non-zero count, as `expected` writes them. */
async function actual(db: Db) {
  const { inquiryDayChannelCounts, inquiryDayWorkloadStats, inquiryOpenDueDays } = tables(db)
  const c = await db.select().from(inquiryDayChannelCounts)
  const w = await db.select().from(inquiryDayWorkloadStats)
  const o = await db.select().from(inquiryOpenDueDays)
  return {
    channel: c
      .filter((r) => r.n > 0)
      .map(
        (r) =>
          `${JSON.stringify([r.day, r.channelCode, r.replyDay])} ${[r.n, r.pending, r.onTime, r.rated, r.satisfied].join(' ')}`,
      )
      .sort(),
    workload: w
      .filter((r) => r.n > 0)
      .map(
        (r) =>
          `${JSON.stringify([r.day, r.category, r.departmentId, r.assigneeId, r.status])} ${r.n}`,
      )
      .sort(),
    openDue: o
      .filter((r) => r.n !== 0)
      .map((r) => `${JSON.stringify([r.day, r.dueDay, r.dimension, r.value])} ${r.n}`)
      .sort(),
  }
}

/**
 * One random write: a change to a key column of a random inquiry, as the workflow's writes make
 * them, or a new row with random key values. Instants fall on whole hours near Beijing midnights,
 * so a reply at exactly the due instant (on time) happens often.
 */
async function randomChange(
  db: Db,
  rnd: Random,
  ids: number[],
  staff: number[],
  departments: number[],
) {
  const { inquiries } = tables(db)
  const id = rnd.pick(ids)
  const around =
    Date.parse('2024-09-25T16:00:00Z') + rnd.int(-3, 3) * DAY + rnd.int(-2, 2) * 3_600_000
  if (rnd.chance(0.1)) {
    const dueAt = around + rnd.pick([0, DAY])
    const row = {
      channelCode: rnd.pick(DEFAULT_CHANNELS).code,
      externalId: `R${ids.length}`,
      subject: '随机',
      body: '随机',
      status: rnd.pick(INQUIRY_STATUSES),
      assigneeId: rnd.chance(0.5) ? null : rnd.pick(staff),
      departmentId: rnd.chance(0.5) ? null : rnd.pick(departments),
      category: rnd.pick([null, '规划']),
      receivedAt: around,
      dueAt,
      repliedAt: rnd.pick([null, around, dueAt, dueAt + 1]),
      satisfaction: rnd.chance(0.5) ? null : rnd.pick(SATISFACTIONS),
      pausedAt: rnd.chance(0.2) ? around : null,
      createdAt: T0,
      updatedAt: T0,
    }
    ids.push(returnedRow(await db.insert(inquiries).values(row).returning({ id: inquiries.id })).id)
    return
  }
  const patches: Partial<Row>[] = [
    { status: rnd.pick(INQUIRY_STATUSES) },
    { assigneeId: rnd.chance(0.3) ? null : rnd.pick(staff) },
    { departmentId: rnd.chance(0.3) ? null : rnd.pick(departments) },
    { category: rnd.pick([null, '规划', '土地', '城建']) },
    { repliedAt: rnd.chance(0.3) ? null : around },
    { dueAt: around },
    { dueAt: around + rnd.int(0, 23) * 3_600_000 },
    { pausedAt: rnd.chance(0.5) ? null : around },
    { satisfaction: rnd.chance(0.3) ? null : rnd.pick(SATISFACTIONS) },
    { receivedAt: around },
    { channelCode: rnd.pick(DEFAULT_CHANNELS).code },
    { subject: '只改主题：不在任何汇总的键里' },
  ]
  await db.update(inquiries).set(rnd.pick(patches)).where(eq(inquiries.id, id))
}

describe('report summaries (their triggers, on either engine)', () => {
  // three desks of 520 writes each: on PostgreSQL at a load of 16 that ran past 30 s
  it(
    'equal the rows of inquiries after inserts, random key changes and deletes',
    { timeout: 180_000 },
    async () => {
      for (const seed of [1, 2, 3]) {
        const desk = await setupDesk()
        const { db } = desk
        const { inquiries, inquiryEvents, replies } = tables(db)
        const staff = [
          (await signIn(desk, 'responder', 'a')).userId,
          (await signIn(desk, 'manager', 'b')).userId,
        ]
        const departments = [
          (await createDepartment(db, { name: '规划处' }, T0)).id,
          (await createDepartment(db, { name: '土地处' }, T0)).id,
        ]
        const rnd = createRandom(seed)
        // receipts around Beijing midnights (16:00 UTC), some answered at the source
        const created = await addInquiries(
          db,
          Array.from({ length: 120 }, () => {
            const receivedAt =
              Date.parse('2024-09-25T16:00:00Z') + rnd.int(-2, 2) * DAY + rnd.int(-2, 2) * 1000
            return {
              channelCode: rnd.pick(DEFAULT_CHANNELS).code,
              receivedAt,
              category: rnd.pick([undefined, '规划', '土地']),
              ...(rnd.chance(0.4)
                ? { reply: { body: '已答复', repliedAt: receivedAt + rnd.int(0, 20) * DAY } }
                : {}),
            }
          }),
        )
        const ids = created.map((r) => r.id)
        expect(await actual(db)).toEqual(expected(await db.select().from(inquiries)))
        for (let i = 0; i < 400; i++) await randomChange(db, rnd, ids, staff, departments)
        const gone = rnd.shuffle(ids).slice(0, 30)
        await db.delete(inquiryEvents).where(inArray(inquiryEvents.inquiryId, gone))
        await db.delete(replies).where(inArray(replies.inquiryId, gone))
        await db.delete(inquiries).where(inArray(inquiries.id, gone))
        const rows = await db.select().from(inquiries)
        expect(rows.length).toBe(ids.length - 30)
        expect(await actual(db)).toEqual(expected(rows))
      }
    },
  )
})

describe('the merged-duplicates data migration', () => {
  it('moves open duplicates out of the pending counts, leaves answered ones, keeps every summary exact', async (ctx) => {
    const { db } = await setupDesk()
    // the SQLite migration file, run again on a SQLite desk
    if (engineOf(db) === 'postgres') ctx.skip()
    const { inquiries, inquiryCounts } = tables(db)
    const [main, open, answered, other] = await addInquiries(db, [
      {},
      { channelCode: 'mayor_mailbox' },
      { channelCode: 'mayor_mailbox', reply: { body: '已答复', repliedAt: T0 } },
      { channelCode: 'mayor_mailbox' },
    ])
    // duplicates as merging left them before the `merged` status: still open, or answered with the main
    await db
      .update(inquiries)
      .set({ duplicateOfId: main!.id, status: 'assigned' })
      .where(eq(inquiries.id, open!.id))
    await db
      .update(inquiries)
      .set({ duplicateOfId: main!.id })
      .where(eq(inquiries.id, answered!.id))
    const file = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('_merged_duplicates.sql'))!
    db.$client.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'))
    const status = async (id: number) =>
      (await db.select().from(inquiries).where(eq(inquiries.id, id)).limit(1))[0]!.status
    expect(await Promise.all([main, open, answered, other].map((r) => status(r!.id)))).toEqual([
      'new',
      'merged',
      'replied',
      'new',
    ])
    const pendingMailbox = (await db.select().from(inquiryCounts))
      .filter(
        (c) =>
          c.channelCode === 'mayor_mailbox' &&
          (PENDING_STATUSES as readonly string[]).includes(c.status),
      )
      .reduce((n, c) => n + c.n, 0)
    expect(pendingMailbox).toBe(1)
    expect(await actual(db)).toEqual(expected(await db.select().from(inquiries)))
  })
})
