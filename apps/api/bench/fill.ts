/**
 * Fills a desk database with generated inquiries for the benchmark: the five channels in the mix of
 * the bureau's 2017 report, receipts over `years` years up to `now`, each with the history a desk in
 * use gives it (planBenchLifecycle below: most old items replied or closed, about 4% never
 * answered, the last days' items still pending). The rows are the real ones: history-rows.ts builds
 * what the ingest/claim/reply/close services write (history-rows.test.ts proves it), deadline
 * columns come from the ingest's `deadlineResolver`, and history.repo.ts writes them, so the
 * migrations' indexes and FTS triggers do their normal work. Items are generated, built and
 * written `batchSize` at a time, so memory stays bounded at any count.
 */
import { addCalendarDays, DEFAULT_CHANNELS, toZonedDate, type NewInquiry } from '@desk/domain'
import { sql } from 'drizzle-orm'
import type { Db } from '../src/db/client.ts'
import { dialectOf } from '../src/db/dialect.ts'
import { ensureChannels } from '../src/modules/channels/channels.service.ts'
import {
  deadlineResolver,
  ensureDeadlineSetup,
} from '../src/modules/deadlines/deadlines.service.ts'
import { apportion, REPORT_2017_COUNTS } from '../src/modules/seed/channel-mix.ts'
import { generateInquiries } from '../src/modules/seed/generate-inquiries.ts'
import { buildHistoryRows } from '../src/modules/inquiries/history-rows.ts'
import { createRandom, type Random } from '../src/modules/seed/random.ts'
import {
  insertHistoryBatch,
  type DeadlineColumns,
} from '../src/modules/inquiries/ingest.service.ts'
import type { HistoryRows } from '../src/modules/inquiries/history-rows.ts'
import { createUser } from '../src/modules/users/users.service.ts'

export type FillOptions = {
  inquiries: number
  /** UTC ms: receipts fall in the `years` × 365 days before it; no lifecycle step after it */
  now: number
  years: number
  seed: number
  batchSize?: number
  /** called after each batch with inquiries written so far */
  onProgress?: (done: number) => void
}

/** The bench's staff: the manager and the responders the fill made. */
export type BenchStaff = { managerId: number; responderIds: number[] }

/** `ms`: wall time of the inquiry writes; `cpuMs`: this process's CPU time for them (user + system). */
export type FillResult = BenchStaff & { created: number; ms: number; cpuMs: number }

const STAFF = [
  { username: 'bench-r1', displayName: 'Bench responder 1', role: 'responder' },
  { username: 'bench-r2', displayName: 'Bench responder 2', role: 'responder' },
  { username: 'bench-r3', displayName: 'Bench responder 3', role: 'responder' },
  { username: 'bench-m', displayName: 'Bench manager', role: 'manager' },
] as const

/**
 * Sets up channels, calendar, deadline policies and staff (password `bench-password`), then writes
 * `inquiries` generated inquiries with their histories.
 * @returns inquiries created, wall time of the inquiry writes (ms, staff set-up excluded), staff ids
 * @throws the driver's error when a write fails (the batch in progress is rolled back)
 */
export async function fillDesk(db: Db, o: FillOptions): Promise<FillResult> {
  await ensureChannels(db, DEFAULT_CHANNELS, o.now)
  await ensureDeadlineSetup(db, o.now)
  const staff = []
  for (const s of STAFF)
    staff.push(await createUser(db, { ...s, password: 'bench-password' }, o.now))
  const responderIds = staff.filter((u) => u.role === 'responder').map((u) => u.id)
  const managerId = (staff.at(-1) as { id: number }).id

  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const items = generateInquiries({
    seed: o.seed,
    counts: apportion(o.inquiries, REPORT_2017_COUNTS),
    firstDate: addCalendarDays(toZonedDate(o.now), -o.years * 365),
    lastDate: toZonedDate(o.now),
    before: o.now,
    externalIdPrefix: 'BENCH-',
  })
  const plans = createRandom(o.seed ^ 0x2545f491)
  const deadlineOf = dayDeadlines(await deadlineResolver(db))
  const batchSize = o.batchSize ?? 10_000
  let batch: { rows: HistoryRows; deadline: DeadlineColumns }[] = []
  let created = 0
  const flush = async () => {
    created += (await insertHistoryBatch(db, batch)).created
    batch = []
    o.onProgress?.(created)
  }
  for (const { replyText, ...item } of items) {
    const plan = planBenchLifecycle(plans, item.receivedAt, o.now, responderIds.length)
    const userId = responderIds[plan.responder] as number
    const at = (t: number | undefined) => (t === undefined ? undefined : { at: t, userId })
    const rows = buildHistoryRows(
      item,
      { now: item.receivedAt, eventType: 'received' },
      {
        claim: at(plan.claimAt),
        reply:
          plan.replyAt === undefined ? undefined : { at: plan.replyAt, userId, body: replyText },
        close: at(plan.closeAt),
      },
    )
    batch.push({ rows, deadline: deadlineOf(item) })
    if (batch.length >= batchSize) await flush()
  }
  if (batch.length > 0) await flush()
  const cpu = process.cpuUsage(cpu0)
  return {
    created,
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    managerId,
    responderIds,
  }
}

const DAY_RULES = new Set(['working_days', 'calendar_days'])
const CHECK_EVERY = 97

/**
 * The ingest's deadline resolver with a memo for rules counted in whole days: under
 * `working_days` and `calendar_days` rules (packages/domain deadline/compute.ts, `dueDay`) the due
 * instant depends on the receipt's Asia/Shanghai date, not its time, and the policy is chosen by
 * kind, channel, category and that date; so one result serves every item with the same four.
 * Results of other rules (`same_day`, `hours`) are never reused. Every 97th reuse is checked
 * against the resolver, so a change of those rules fails the fill instead of skewing it.
 * Why: the resolver builds a full explanation per item (~150 µs), as much as writing the item.
 * @throws Error when a checked reuse differs from the resolver's answer
 */
function dayDeadlines(
  resolve: (item: NewInquiry) => DeadlineColumns,
): (item: NewInquiry) => DeadlineColumns {
  const memo = new Map<string, DeadlineColumns>()
  let hits = 0
  return (item) => {
    const key = `${item.kind ?? 'message'}|${item.channelCode}|${item.category ?? ''}|${toZonedDate(item.receivedAt)}`
    const known = memo.get(key)
    if (known && ++hits % CHECK_EVERY !== 0) return known
    const fresh = resolve(item)
    if (known && JSON.stringify(known) !== JSON.stringify(fresh)) {
      throw new Error(
        `deadline memo is wrong for ${key}: ${JSON.stringify(known)} vs ${JSON.stringify(fresh)}`,
      )
    }
    const rule = (JSON.parse(fresh.deadlineRule ?? '{}') as { rule?: string }).rule ?? ''
    if (DAY_RULES.has(rule)) memo.set(key, fresh)
    return fresh
  }
}

/**
 * The staff fillDesk made, found by their usernames in a desk filled earlier.
 * @throws Error when the desk has no bench manager or responder
 */
export async function findBenchStaff(db: Db): Promise<BenchStaff> {
  const rows = await dialectOf(db).rows<{ id: number; username: string }>(
    db,
    sql`select id, username from users where username like 'bench-%' order by username`,
  )
  const managerId = rows.find((r) => r.username === 'bench-m')?.id
  const responderIds = rows.filter((r) => /^bench-r\d$/.test(r.username)).map((r) => Number(r.id))
  if (managerId === undefined || responderIds.length === 0)
    throw new Error('not a desk the bench filled: no bench-m or bench-r* user')
  return { managerId: Number(managerId), responderIds }
}

/** Inquiries per status, e.g. `{ closed: 700000, replied: 250000, new: 30000, … }`. */
export async function statusMix(db: Db): Promise<Record<string, number>> {
  const rows = await dialectOf(db).rows<{ status: string; n: number }>(
    db,
    sql`select status, count(*) as n from inquiries group by status order by status`,
  )
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

type BenchPlan = {
  /** Index into the demo responders of the one who handles the item. */
  responder: number
  claimAt?: number | undefined
  replyAt?: number | undefined
  closeAt?: number | undefined
}

/**
 * A desk with a backlog, harder on the queue than the demo's (modules/seed/demo-lifecycle.ts):
 * older items are mostly replied or closed, recent ones new or assigned, and 4% were never
 * answered (overdue). Plans one item received at `receivedAt`, seen at `now` (both UTC ms), handled by one of
 * `responders` responders. Steps after `now` are left out.
 */
function planBenchLifecycle(
  rnd: Random,
  receivedAt: number,
  now: number,
  responders: number,
): BenchPlan {
  const responder = rnd.int(0, responders - 1)
  // a fifth of the items are answered without a separate claim; a claim comes within 20 hours
  const claimAt = rnd.chance(0.8) ? receivedAt + rnd.int(1, 20) * HOUR : undefined
  // 4% are never answered; the rest in 1–12 days, one in ten late (13–25 days): always after the claim
  const replyDays = rnd.chance(0.04)
    ? undefined
    : rnd.chance(0.1)
      ? rnd.int(13, 25)
      : rnd.int(1, 12)
  const replyAt =
    replyDays === undefined ? undefined : receivedAt + replyDays * DAY + rnd.int(0, 8) * HOUR
  const closeAt =
    replyAt !== undefined && rnd.chance(0.75) ? replyAt + rnd.int(1, 10) * DAY : undefined
  // claim < reply < close, so cutting at `now` never leaves a later step without an earlier one
  const happened = (t: number | undefined) => (t !== undefined && t <= now ? t : undefined)
  return {
    responder,
    claimAt: happened(claimAt),
    replyAt: happened(replyAt),
    closeAt: happened(closeAt),
  }
}
