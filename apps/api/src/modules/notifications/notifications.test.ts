import { describe, expect, it } from 'vitest'
import {
  addInquiries,
  call,
  setupDesk,
  signIn,
  T0,
  type Session,
  type Desk,
} from '../../test/setup.ts'
import { updateUser } from '../users/users.service.ts'

type Item = {
  key: string
  kind: string
  inquiryId: number
  actor: string | null
  detail: string | null
  isRead: boolean
}
type List = { items: Item[]; unread: number }

const DAY = 86_400_000

async function json<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T
}
const list = (d: Desk, s: Session) => json<List>(call(d, s, 'GET', '/notifications'))

async function bureau() {
  let now = T0
  const d = await setupDesk(() => now)
  const admin = await signIn(d, 'admin')
  const planning = (
    await json<{ department: { id: number } }>(
      call(d, admin, 'POST', '/departments', { name: '规划处' }),
    )
  ).department.id
  const member = async (role: 'responder' | 'manager', name: string, dept: number | null) => {
    const s = await signIn(d, role, name)
    await updateUser(d.db, s.userId, { department: dept })
    return s
  }
  return {
    d,
    admin,
    planning,
    alice: await member('responder', 'alice', planning),
    bob: await member('responder', 'bob', null),
    boss: await member('manager', 'boss', null),
    setNow: (ms: number) => (now = ms),
    /** moves the clock on by `ms` (events in order, not all at one instant) */
    later: (ms = 60_000) => (now += ms),
  }
}

describe('notifications', () => {
  it('lists what concerns the user (assigned, transferred to their department, a draft sent back, a citizen message, overdue), not their own doings nor others’', async () => {
    const { d, admin, planning, alice, bob, boss, later } = await bureau()
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const [assigned, transferred, drafted, messaged, overdue] = (
      await addInquiries(d.db, [
        { subject: '派给alice' },
        { subject: '转到规划处' },
        { subject: '需审核', channelCode: 'minxin' },
        { subject: '市民追问', externalId: 'GD-9' },
        { subject: '早已逾期', receivedAt: T0 - 60 * DAY },
      ])
    ).map((r) => r.id)

    later()
    await call(d, boss, 'POST', `/inquiries/${assigned}/assign`, {
      version: 1,
      assigneeId: alice.userId,
    })
    later()
    await call(d, boss, 'POST', `/inquiries/${transferred}/transfer`, {
      version: 1,
      departmentId: planning,
      note: '属规划处职责',
    })
    later()
    await call(d, alice, 'POST', `/inquiries/${drafted}/claim`, { version: 1 })
    const draft = await json<{ draftId: number; version: number }>(
      call(d, alice, 'POST', `/inquiries/${drafted}/drafts`, { version: 2, body: '初稿' }),
    )
    later()
    await call(d, boss, 'POST', `/inquiries/${drafted}/drafts/${draft.draftId}/send-back`, {
      version: draft.version,
      comment: '补充办理依据',
    })
    later()
    await call(d, alice, 'POST', `/inquiries/${messaged}/claim`, { version: 1 })
    const { token } = await json<{ token: string }>(
      call(d, admin, 'POST', '/channels/hotline_12345/tokens', { name: 'bridge' }),
    )
    later()
    const sent = await d.app.request('/channels/hotline_12345/inquiries/GD-9/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messageId: 'M-1',
        body: '补充：今天又被堵了。',
        sentAt: '2024-09-27T09:35:00+08:00',
        kind: 'citizen',
      }),
    })
    expect(sent.status).toBe(201)
    later()
    await call(d, alice, 'POST', `/inquiries/${overdue}/claim`, { version: 1 })

    const mine = await list(d, alice)
    expect(mine.items.map((i) => [i.kind, i.inquiryId, i.actor, i.detail])).toEqual([
      ['overdue', overdue, null, null],
      ['citizen_message', messaged, null, '补充：今天又被堵了。'],
      ['draft_sent_back', drafted, 'boss name', '补充办理依据'],
      ['transferred', transferred, 'boss name', '规划处'],
      ['assigned', assigned, 'boss name', null],
    ])
    expect(mine.unread).toBe(5)
    // bob is in no department and holds nothing: none of it concerns him
    expect(await list(d, bob)).toEqual({ items: [], unread: 0 })
  })

  it('marks one read, then all; a due notice comes back unread the next day', async () => {
    const { d, alice, boss, setNow } = await bureau()
    const [a, late] = (
      await addInquiries(d.db, [
        { subject: '派给alice' },
        { subject: '早已逾期', receivedAt: T0 - 60 * DAY },
      ])
    ).map((r) => r.id)
    await call(d, boss, 'POST', `/inquiries/${a}/assign`, { version: 1, assigneeId: alice.userId })
    await call(d, alice, 'POST', `/inquiries/${late}/claim`, { version: 1 })
    const before = await list(d, alice)
    expect(before.unread).toBe(2)
    const assignedKey = before.items.find((i) => i.kind === 'assigned')!.key

    const one = await json<List>(
      call(d, alice, 'POST', '/notifications/read', { keys: [assignedKey] }),
    )
    expect(one.unread).toBe(1)
    expect(one.items.find((i) => i.key === assignedKey)?.isRead).toBe(true)
    expect((await list(d, alice)).unread).toBe(1)

    expect(
      (await json<List>(call(d, alice, 'POST', '/notifications/read', { all: true }))).unread,
    ).toBe(0)
    setNow(T0 + DAY)
    // a new session: the old one has timed out overnight
    const res = await d.app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'secret-pass' }),
    })
    const again = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: '',
      userId: alice.userId,
    }
    const tomorrow = await list(d, again)
    expect(tomorrow.items.map((i) => [i.kind, i.isRead])).toEqual([
      ['overdue', false],
      ['assigned', true],
    ])
  })

  it('refuses an empty mark-read body with a 422 naming the field, and strangers with a 401', async () => {
    const { d, alice } = await bureau()
    const bad = await call(d, alice, 'POST', '/notifications/read', { keys: [] })
    expect(bad.status).toBe(422)
    expect((await call(d, undefined, 'GET', '/notifications')).status).toBe(401)
  })
})
