/**
 * Demo data for a new desk: demo staff (three responders and a manager, with random passwords)
 * and 3000 generated inquiries over the 182 days before `now` on all five channels, in the
 * channel mix of the bureau's 2017 report, each with the history a desk in use would have given
 * it (arrived, claimed, replied with a text, closed, each at its own planned instant, none later
 * than `now`).
 * Faster path than the services, for a first start under 5 s: history-rows.ts builds the rows
 * that `ingestInquiries` and the claim/reply/close services write (history-rows.test.ts proves
 * them equal, column for column), with the deadline columns from the same `deadlineResolver`
 * ingest uses, and seed.repo.ts writes them with reused statements in one transaction. Through
 * the services, 3000 inquiries took 5 s of CPU for arrival alone (ingest reads the calendar once
 * per call, and each arrival needs its own call to be dated at its receipt) and 10–30 s in all.
 * The same seed and `now` give the same inquiries and statuses.
 */
import { addCalendarDays, toZonedDate, type UserRole } from '@desk/domain'
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { deadlineResolver } from '../deadlines/deadlines.service.ts'
import { createUser, findUserByUsername } from '../users/users.service.ts'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { planLifecycle } from './demo-lifecycle.ts'
import { generateInquiries } from './generate-inquiries.ts'
import { buildHistoryRows } from './history-rows.ts'
import { createRandom } from './random.ts'
import { insertHistoryBatch } from './seed.repo.ts'

export type DemoLogin = { username: string; password: string; role: UserRole }
export type DemoSeedResult = { logins: DemoLogin[]; created: number; duplicates: number }

export const DEMO_SEED = 20170101
export const DEMO_INQUIRIES = 3000
export const DEMO_DAYS = 182

/** The demo staff; responders first (the lifecycle plan picks among them). */
export const DEMO_STAFF: readonly { username: string; displayName: string; role: UserRole }[] = [
  { username: 'liming', displayName: '李明', role: 'responder' },
  { username: 'wangfang', displayName: '王芳', role: 'responder' },
  { username: 'zhaolei', displayName: '赵磊', role: 'responder' },
  { username: 'chenjing', displayName: '陈静', role: 'manager' },
]

/** Demo data as `bootstrapDesk` wants it: the logins created now (printed once by main.ts). */
export async function seedDemo(db: Db, now: number): Promise<DemoLogin[]> {
  return (await seedDemoData(db, now, DEMO_SEED)).logins
}

/**
 * Seeds demo staff and inquiries. Staff that exist already are reused (no new password); an
 * inquiry whose external id (`DEMO-n`) exists is not written again, nor its history, so seeding
 * twice adds nothing.
 * @param now UTC ms: receipts fall in the 182 days before it, lifecycle steps no later than it
 * @throws the driver's error (and writes no inquiry) when a write fails
 */
export async function seedDemoData(db: Db, now: number, seed: number): Promise<DemoSeedResult> {
  const { staff, logins } = await ensureDemoStaff(db, now)
  const responders = staff.filter((u) => u.role === 'responder')
  const items = [
    ...generateInquiries({
      seed,
      counts: apportion(DEMO_INQUIRIES, REPORT_2017_COUNTS),
      firstDate: addCalendarDays(toZonedDate(now), -DEMO_DAYS),
      lastDate: toZonedDate(now),
      before: now,
      externalIdPrefix: 'DEMO-',
    }),
  ]
  const plans = createRandom(seed ^ 0x2545f491)
  const deadlineOf = deadlineResolver(db)
  const batch = items.map(({ replyText, ...item }) => {
    const plan = planLifecycle(plans, item.receivedAt, now, responders.length)
    const userId = (responders[plan.responder] as { id: number }).id
    const at = (t: number | undefined) => (t === undefined ? undefined : { at: t, userId })
    const rows = buildHistoryRows(item, { now: item.receivedAt, eventType: 'received' }, {
      claim: at(plan.claimAt),
      reply: plan.replyAt === undefined ? undefined : { at: plan.replyAt, userId, body: replyText },
      close: at(plan.closeAt),
    })
    return { rows, deadline: deadlineOf(item) }
  })
  return { logins, ...insertHistoryBatch(db, batch) }
}

async function ensureDemoStaff(db: Db, now: number) {
  const staff: { id: number; role: UserRole }[] = []
  const logins: DemoLogin[] = []
  for (const s of DEMO_STAFF) {
    const existing = findUserByUsername(db, s.username)
    if (existing) {
      staff.push(existing)
      continue
    }
    const password = randomBytes(9).toString('base64url')
    staff.push(await createUser(db, { ...s, password }, now))
    logins.push({ username: s.username, password, role: s.role })
  }
  return { staff, logins }
}
