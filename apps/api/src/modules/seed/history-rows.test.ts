import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { setupDesk } from '../../test/setup.ts'
import { deadlineResolver } from '../deadlines/deadlines.service.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'
import { claimInquiry, closeInquiry, replyToInquiry } from '../inquiries/inquiries.service.ts'
import { createUser } from '../users/users.service.ts'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { planLifecycle } from './demo-lifecycle.ts'
import { generateInquiries } from './generate-inquiries.ts'
import { buildHistoryRows } from './history-rows.ts'
import { createRandom } from './random.ts'
import { insertHistoryBatch } from './seed.repo.ts'

const NOW = Date.parse('2024-06-30T18:00:00+08:00')

async function deskWithStaff() {
  const desk = setupDesk(() => NOW)
  const users = []
  for (const username of ['r1', 'r2']) {
    users.push(await createUser(desk.db, { username, displayName: username, role: 'responder', password: 'secret-pass' }, NOW))
  }
  return { db: desk.db, users }
}

function plannedItems() {
  const plans = createRandom(99)
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
  return items.map((item) => ({ item, plan: planLifecycle(plans, item.receivedAt, NOW, 2) }))
}

const dump = (db: Db) => ({
  inquiries: db.$client.prepare('select * from inquiries order by id').all(),
  events: db.$client.prepare('select * from inquiry_events order by id').all(),
  replies: db.$client.prepare('select * from replies order by id').all(),
  search: db.$client.prepare(`select rowid from inquiries_fts where inquiries_fts match '"不动产"' order by rowid`).all(),
})

describe('buildHistoryRows + insertHistoryBatch', () => {
  it('write exactly the rows of ingestInquiries and the claim/reply/close services', async () => {
    const viaServices = await deskWithStaff()
    for (const { item: { replyText, ...item }, plan } of plannedItems()) {
      const db = viaServices.db
      const user = { ...viaServices.users[plan.responder]!, role: 'responder' as const }
      const [res] = ingestInquiries(db, [item], { actorId: null, now: item.receivedAt, eventType: 'received' })
      let version = 1
      if (plan.claimAt) version = claimInquiry({ db, user, now: plan.claimAt }, res!.id, version).version
      if (plan.replyAt) version = replyToInquiry({ db, user, now: plan.replyAt }, res!.id, version, replyText).version
      if (plan.closeAt) closeInquiry({ db, user, now: plan.closeAt }, res!.id, version)
    }

    const viaBulk = await deskWithStaff()
    const deadlineOf = deadlineResolver(viaBulk.db)
    const batch = plannedItems().map(({ item: { replyText, ...item }, plan }) => {
      const userId = viaBulk.users[plan.responder]!.id
      const at = (t: number | undefined) => (t === undefined ? undefined : { at: t, userId })
      const steps = {
        claim: at(plan.claimAt),
        reply: plan.replyAt === undefined ? undefined : { at: plan.replyAt, userId, body: replyText },
        close: at(plan.closeAt),
      }
      return { rows: buildHistoryRows(item, { now: item.receivedAt, eventType: 'received' }, steps), deadline: deadlineOf(item) }
    })
    expect(insertHistoryBatch(viaBulk.db, batch)).toEqual({ created: 150, duplicates: 0 })

    const a = dump(viaServices.db)
    const b = dump(viaBulk.db)
    expect(new Set(a.inquiries.map((r) => (r as { status: string }).status))).toEqual(new Set(['new', 'assigned', 'replied', 'closed']))
    expect(a.search.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
    // the external-content FTS index matches its table
    expect(() => viaBulk.db.$client.prepare(`insert into inquiries_fts(inquiries_fts, rank) values ('integrity-check', 1)`).run()).not.toThrow()
    // a second run skips every inquiry with its history
    expect(insertHistoryBatch(viaBulk.db, batch)).toEqual({ created: 0, duplicates: 150 })
    expect(dump(viaBulk.db)).toEqual(a)
  })
})
