import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { phoneHmac } from '../../db/phone-key.ts'
import { setupDesk } from '../../test/setup.ts'
import { deadlineResolver } from '../deadlines/deadlines.service.ts'
import { ingestInquiries } from './ingest.service.ts'
import { claimInquiry, closeInquiry, replyToInquiry } from './inquiries.service.ts'
import { markPosted, transferInquiry } from './workflow.service.ts'
import { createDepartment } from '../departments/departments.service.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { toZonedDate } from '@desk/domain'
import { createUser } from '../users/users.service.ts'
import { apportion, REPORT_2017_COUNTS } from '../seed/channel-mix.ts'
import { planLifecycle } from '../seed/demo-lifecycle.ts'
import { generateInquiries } from '../seed/generate-inquiries.ts'
import { buildHistoryRows } from './history-rows.ts'
import { createRandom } from '../seed/random.ts'
import { insertHistoryBatch } from './ingest.service.ts'

const NOW = Date.parse('2024-06-30T18:00:00+08:00')

async function deskWithStaff() {
  const desk = await setupDesk(() => NOW)
  await ensureDeadlineSetup(desk.db, NOW)
  const department = await createDepartment(desk.db, { name: '规划处', isActive: true }, NOW)
  const users = []
  for (const username of ['r1', 'r2']) {
    users.push(
      await createUser(
        desk.db,
        {
          username,
          displayName: username,
          role: 'responder',
          password: 'secret-pass',
          department: department.id,
        },
        NOW,
      ),
    )
  }
  const manager = await createUser(
    desk.db,
    { username: 'm1', displayName: 'm1', role: 'manager', password: 'secret-pass' },
    NOW,
  )
  return {
    db: desk.db,
    users,
    manager: { ...manager, role: 'manager' as const },
    department: { id: department.id, name: department.name },
  }
}

async function plannedItems(db: Db) {
  const plans = createRandom(99)
  const deadlineOf = await deadlineResolver(db)
  const moment = { now: NOW, today: toZonedDate(NOW), cal: await loadCalendar(db) }
  const quota = { overdue: 3, dueToday: 3 }
  const items = [
    ...generateInquiries({
      seed: 3,
      counts: apportion(150, REPORT_2017_COUNTS),
      firstDate: '2024-05-01',
      lastDate: '2024-06-30',
      before: NOW,
      externalIdPrefix: 'H-',
    }),
  ]
  return items.map((item) => ({
    item,
    plan: planLifecycle(
      plans,
      { receivedAt: item.receivedAt, dueAt: deadlineOf(item).dueAt },
      moment,
      quota,
    ),
  }))
}

// each database has its own phone-search key: compare whether the HMAC is that of the phone
const dump = (db: Db) => ({
  inquiries: (
    db.$client.prepare('select * from inquiries order by id').all() as {
      status: string
      citizen_phone: string | null
      citizen_phone_hmac: string | null
    }[]
  ).map((r) => ({
    ...r,
    citizen_phone_hmac:
      r.citizen_phone_hmac !== null && r.citizen_phone_hmac === phoneHmac(db, r.citizen_phone),
  })),
  events: db.$client.prepare('select * from inquiry_events order by id').all(),
  replies: db.$client.prepare('select * from replies order by id').all(),
  search: db.$client
    .prepare(
      `select rowid from inquiry_search where inquiry_search match '"不动 动产"' order by rowid`,
    )
    .all(),
})

describe('buildHistoryRows + insertHistoryBatch', () => {
  it('write exactly the rows of ingestInquiries and the transfer/claim/reply/post/close services', async () => {
    const viaServices = await deskWithStaff()
    for (const {
      item: { replyText, ...item },
      plan,
    } of await plannedItems(viaServices.db)) {
      const db = viaServices.db
      const user = { ...viaServices.users[plan.responder % 2]!, role: 'responder' as const }
      const [res] = await ingestInquiries(db, [item], {
        actorId: null,
        now: item.receivedAt,
        eventType: 'received',
      })
      let version = 1
      if (plan.dispatchAt) {
        const input = { version, departmentId: viaServices.department.id, note: '请按职责办理' }
        version = (
          await transferInquiry(
            { db, user: viaServices.manager, now: plan.dispatchAt },
            res!.id,
            input,
          )
        ).version
      }
      if (plan.claimAt)
        version = (await claimInquiry({ db, user, now: plan.claimAt }, res!.id, version)).version
      if (plan.replyAt)
        version = (
          await replyToInquiry({ db, user, now: plan.replyAt }, res!.id, version, replyText)
        ).version
      if (plan.postAt) {
        const replyId = (
          db.$client.prepare('select id from replies where inquiry_id = ?').get(res!.id) as {
            id: number
          }
        ).id
        await markPosted({ db, user, now: plan.postAt }, res!.id, replyId, toZonedDate(plan.postAt))
      }
      if (plan.closeAt) await closeInquiry({ db, user, now: plan.closeAt }, res!.id, version)
    }

    const viaBulk = await deskWithStaff()
    const deadlineOf = await deadlineResolver(viaBulk.db)
    const batch = (await plannedItems(viaBulk.db)).map(({ item: { replyText, ...item }, plan }) => {
      const userId = viaBulk.users[plan.responder % 2]!.id
      const at = (t: number | undefined) => (t === undefined ? undefined : { at: t, userId })
      const dispatch = {
        userId: viaBulk.manager.id,
        department: viaBulk.department,
        note: '请按职责办理',
      }
      const steps = {
        dispatch: plan.dispatchAt === undefined ? undefined : { ...dispatch, at: plan.dispatchAt },
        claim: at(plan.claimAt),
        reply:
          plan.replyAt === undefined ? undefined : { at: plan.replyAt, userId, body: replyText },
        post: at(plan.postAt),
        close: at(plan.closeAt),
      }
      return {
        rows: buildHistoryRows(item, { now: item.receivedAt, eventType: 'received' }, steps),
        deadline: deadlineOf(item),
      }
    })
    expect(await insertHistoryBatch(viaBulk.db, batch)).toEqual({ created: 150, duplicates: 0 })

    const a = dump(viaServices.db)
    const b = dump(viaBulk.db)
    expect(new Set(a.inquiries.map((r) => (r as { status: string }).status))).toEqual(
      new Set(['new', 'assigned', 'replied', 'closed']),
    )
    expect(a.search.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
    expect(() =>
      viaBulk.db.$client
        .prepare(`insert into inquiry_search(inquiry_search, rank) values ('integrity-check', 0)`)
        .run(),
    ).not.toThrow()
    // a second run skips every inquiry with its history
    expect(await insertHistoryBatch(viaBulk.db, batch)).toEqual({ created: 0, duplicates: 150 })
    expect(dump(viaBulk.db)).toEqual(a)
  })
})
