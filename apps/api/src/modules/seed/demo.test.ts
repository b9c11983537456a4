import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { call, setupDesk } from '../../test/setup.ts'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { DEMO_INQUIRIES, seedDemoData } from './demo.service.ts'

const NOW = Date.parse('2024-09-27T09:30:00+08:00')
const DAY = 86_400_000

const statusCounts = (db: Db) =>
  Object.fromEntries(
    (db.$client.prepare('select status, count(*) n from inquiries group by status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  )

async function login(desk: ReturnType<typeof setupDesk>, username: string, password: string) {
  const res = await desk.app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: csrfToken, userId: 0 }
}

describe('seedDemoData on a fresh desk', () => {
  it('creates demo staff and 3000 inquiries on all channels with a plausible, repeatable status mix', async () => {
    const desk = setupDesk(() => NOW)
    const started = performance.now()
    const r = await seedDemoData(desk.db, NOW, 1)
    console.log(`demo seed: ${Math.round(performance.now() - started)} ms`)
    expect(r.created).toBe(DEMO_INQUIRIES)
    expect(r.logins.map((l) => `${l.username}:${l.role}`)).toEqual(['liming:responder', 'wangfang:responder', 'zhaolei:responder', 'chenjing:manager'])

    const s = await login(desk, 'chenjing', r.logins[3]!.password)
    const all = (await (await call(desk, s, 'GET', '/inquiries/counts?status=all')).json()) as { total: number; byChannel: Record<string, number> }
    expect(all.byChannel).toEqual(apportion(DEMO_INQUIRIES, REPORT_2017_COUNTS))

    const statuses = statusCounts(desk.db)
    expect(statuses.closed! + statuses.replied!).toBeGreaterThan(0.8 * DEMO_INQUIRIES)
    expect(statuses.new).toBeGreaterThan(10)
    expect(statuses.assigned).toBeGreaterThan(statuses.new!)
    // recent items are mostly pending; old ones mostly answered
    const pendingShare = (from: number, to: number) => {
      const row = desk.db.$client
        .prepare(`select avg(status in ('new','assigned')) p from inquiries where received_at >= ? and received_at < ?`)
        .get(from, to) as { p: number }
      return row.p
    }
    expect(pendingShare(NOW - 2 * DAY, NOW)).toBeGreaterThan(0.8)
    expect(pendingShare(NOW - 180 * DAY, NOW - 60 * DAY)).toBeLessThan(0.08)
    // every answered item has a reply text; claims are by the demo responders
    const noText = desk.db.$client
      .prepare(`select count(*) n from inquiries i where status in ('replied','closed') and not exists (select 1 from replies r where r.inquiry_id = i.id)`)
      .get() as { n: number }
    expect(noText.n).toBe(0)
    const claimers = desk.db.$client
      .prepare(`select distinct u.username from inquiry_events e join users u on u.id = e.actor_id where e.type = 'claimed' order by 1`)
      .all()
    expect(claimers).toEqual([{ username: 'liming' }, { username: 'wangfang' }, { username: 'zhaolei' }])

    // same seed and now on another fresh desk: the same data
    const again = setupDesk(() => NOW)
    await seedDemoData(again.db, NOW, 1)
    const digest = (db: Db) => db.$client.prepare('select channel_code, external_id, subject, status, received_at, replied_at, closed_at from inquiries order by id').all()
    expect(digest(again.db)).toEqual(digest(desk.db))

    // seeding twice adds nothing
    expect(await seedDemoData(desk.db, NOW, 1)).toEqual({ logins: [], created: 0, duplicates: DEMO_INQUIRIES })
  })
})
