import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { ingestInquiries } from './ingest.service.ts'

type Page = {
  items: { id: number; channel: string; subject: string; version: number; status: string }[]
  nextCursor: string | null
}
type Counts = { total: number; byChannel: Record<string, number> }

const day = 24 * 3600 * 1000

describe('GET /inquiries', () => {
  it('merges all channels into one list, earliest due first', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await addInquiries(desk.db, [
      { channelCode: 'mayor_mailbox', receivedAt: T0 + 3 * day },
      { channelCode: 'hotline_12345', receivedAt: T0 },
      { channelCode: 'minxin', receivedAt: T0 + day },
    ])
    const res = await call(desk, s, 'GET', '/inquiries')
    expect(res.status).toBe(200)
    const page = (await res.json()) as Page
    expect(page.items.map((i) => i.channel)).toEqual(['hotline_12345', 'minxin', 'mayor_mailbox'])
    expect(page.nextCursor).toBeNull()
  })

  it('pages by cursor without skipping or repeating rows that share a sort key', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await addInquiries(
      desk.db,
      Array.from({ length: 7 }, () => ({ receivedAt: T0 })),
    )
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : ''
      const page = (await (
        await call(desk, s, 'GET', `/inquiries?limit=3&sort=received_desc${qs}`)
      ).json()) as Page
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
  })

  it('finds 2-character Chinese words and 3+ character phrases', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await addInquiries(desk.db, [
      { subject: '噪音扰民', body: '夜间施工噪音很大' },
      { subject: '路灯不亮', body: '小区路灯坏了' },
    ])
    const two = (await (
      await call(desk, s, 'GET', `/inquiries?q=${encodeURIComponent('路灯')}`)
    ).json()) as Page
    expect(two.items.map((i) => i.subject)).toEqual(['路灯不亮'])
    const three = (await (
      await call(desk, s, 'GET', `/inquiries?q=${encodeURIComponent('夜间施工')}`)
    ).json()) as Page
    expect(three.items.map((i) => i.subject)).toEqual(['噪音扰民'])
  })

  it('answers 422 naming the field and what it takes for an unknown status, due, department or channel', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const res = await call(desk, s, 'GET', '/inquiries?status=lost')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { path: string[] }[] } }
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details[0]?.path).toEqual(['status'])
    for (const [qs, path, message] of [
      ['due=today', 'due', 'overdue or a number of working days, 0 to 60'],
      ['department=planning', 'department', 'none or a department id'],
      ['channel=no_such', 'channel', 'unknown channel'],
    ]) {
      const bad = await call(desk, s, 'GET', `/inquiries?${qs}`)
      const detail = (
        (await bad.json()) as { error: { details: { path: string[]; message: string }[] } }
      ).error.details[0]
      expect({ qs, status: bad.status, detail }).toEqual({
        qs,
        status: 422,
        detail: { path: [path], message },
      })
    }
  })

  it('answers 401 without a session', async () => {
    const desk = await setupDesk()
    expect((await call(desk, undefined, 'GET', '/inquiries')).status).toBe(401)
  })
})

describe('queue rows', () => {
  type Row = {
    id: number
    assignee: { id: number; displayName: string } | null
    pausedAt: string | null
  }

  it('names each assignee by display name on every keyset page', async () => {
    const desk = await setupDesk()
    const alice = await signIn(desk, 'responder', 'alice')
    const bob = await signIn(desk, 'responder', 'bob')
    const [r1, , r3] = await addInquiries(desk.db, [{}, {}, {}])
    expect(
      (await call(desk, alice, 'POST', `/inquiries/${r1!.id}/claim`, { version: 1 })).status,
    ).toBe(200)
    expect(
      (await call(desk, bob, 'POST', `/inquiries/${r3!.id}/claim`, { version: 1 })).status,
    ).toBe(200)
    const first = (await (await call(desk, alice, 'GET', '/inquiries?limit=2')).json()) as {
      items: Row[]
      nextCursor: string
    }
    expect(first.items.map((i) => i.assignee)).toEqual([
      { id: alice.userId, displayName: 'alice name' },
      null,
    ])
    const second = (await (
      await call(desk, alice, 'GET', `/inquiries?limit=2&cursor=${first.nextCursor}`)
    ).json()) as {
      items: Row[]
    }
    expect(second.items.map((i) => [i.id, i.assignee])).toEqual([
      [r3!.id, { id: bob.userId, displayName: 'bob name' }],
    ])
  })

  it('carries pausedAt while the deadline clock is paused, null again once it resumes', async () => {
    const desk = await setupDesk()
    await ensureDeadlineSetup(desk.db, T0)
    const s = await signIn(desk)
    const [paused, running] = await addInquiries(desk.db, [{}, {}])
    const pause = await call(desk, s, 'POST', `/inquiries/${paused!.id}/pause`, {
      version: 1,
      reason: '等待申请人补正',
    })
    expect(pause.status).toBe(200)
    const list = async () =>
      ((await (await call(desk, s, 'GET', '/inquiries')).json()) as { items: Row[] }).items
    expect((await list()).map((i) => [i.id, i.pausedAt])).toEqual([
      [paused!.id, '2024-09-27T09:30:00.000+08:00'],
      [running!.id, null],
    ])
    expect(
      (await call(desk, s, 'POST', `/inquiries/${paused!.id}/resume`, { version: 2 })).status,
    ).toBe(200)
    expect((await list()).map((i) => i.pausedAt)).toEqual([null, null])
  })
})

describe('GET /inquiries/counts', () => {
  it('gives, per channel, exactly the number of rows the list returns with that channel', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await addInquiries(desk.db, [
      { channelCode: 'minxin' },
      { channelCode: 'minxin', subject: '路灯不亮' },
      { channelCode: 'mayor_mailbox', subject: '路灯问题' },
      { channelCode: 'hotline_12345', reply: { body: '已处理', repliedAt: T0 + day } },
    ])
    const filters = [
      'status=pending',
      'status=all',
      `status=all&q=${encodeURIComponent('路灯')}`,
      'status=replied',
      'status=all&unposted=1',
    ]
    for (const filter of filters) {
      const counts = (await (
        await call(desk, s, 'GET', `/inquiries/counts?${filter}`)
      ).json()) as Counts
      let total = 0
      for (const [code, n] of Object.entries(counts.byChannel)) {
        const page = (await (
          await call(desk, s, 'GET', `/inquiries?${filter}&channel=${code}&limit=200`)
        ).json()) as Page
        expect(page.items.length, `${filter} ${code}`).toBe(n)
        total += n
      }
      expect(counts.total).toBe(total)
    }
    const pending = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    expect(pending.byChannel).toEqual({
      hotline_12345: 0,
      mayor_mailbox: 1,
      minxin: 2,
      network_responder: 0,
      director_mailbox: 0,
    })
  })
})

describe('inquiry actions', () => {
  it('claims, replies (leaving the pending count at once), closes and reopens, each with an event', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const [r] = await addInquiries(desk.db, [{ channelCode: 'minxin' }])
    const id = r!.id
    let res = await call(desk, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    expect(res.status).toBe(200)
    let view = (await res.json()) as {
      inquiry: { status: string; version: number; assignee: { id: number } }
    }
    expect(view.inquiry).toMatchObject({
      status: 'assigned',
      version: 2,
      assignee: { id: s.userId },
    })
    res = await call(desk, s, 'POST', `/inquiries/${id}/replies`, {
      version: 2,
      body: '您好，已转相关部门处理。',
    })
    expect(res.status).toBe(201)
    const counts = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    expect(counts.byChannel.minxin).toBe(0)
    res = await call(desk, s, 'POST', `/inquiries/${id}/close`, { version: 3 })
    expect(res.status).toBe(200)
    res = await call(desk, s, 'POST', `/inquiries/${id}/reopen`, { version: 4 })
    view = (await res.json()) as typeof view
    expect(view.inquiry.status).toBe('assigned')
    const detail = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; actor: string | null }[]; replies: { body: string }[] }
    }
    expect(detail.inquiry.events.map((e) => e.type)).toEqual([
      'received',
      'claimed',
      'replied',
      'closed',
      'reopened',
    ])
    expect(detail.inquiry.events[1]?.actor).toBe('responder1 name')
    expect(detail.inquiry.replies.map((x) => x.body)).toEqual(['您好，已转相关部门处理。'])
  })

  it("starts an imported inquiry's timeline with its receipt, before the import that brought it years later", async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const receivedAt = Date.parse('2019-04-08T08:37:20+08:00')
    const [r] = await ingestInquiries(
      desk.db,
      [
        {
          channelCode: 'minxin',
          externalId: '188006',
          subject: '路灯不亮',
          body: '小区路灯不亮',
          receivedAt,
          reply: { body: '已修复', repliedAt: receivedAt + 30 * day },
        },
      ],
      { actorId: null, now: T0, eventType: 'imported' },
    )
    const detail = (await (await call(desk, s, 'GET', `/inquiries/${r!.id}`)).json()) as {
      inquiry: { events: { type: string; at: string; actor: string | null }[] }
    }
    expect(detail.inquiry.events.map((e) => [e.type, e.at])).toEqual([
      ['received', '2019-04-08T08:37:20.000+08:00'],
      ['imported', '2024-09-27T09:30:00.000+08:00'],
    ])
    expect(detail.inquiry.events[0]?.actor).toBeNull()
  })

  it('answers 409 naming who changed it when the version is stale', async () => {
    const desk = await setupDesk()
    const a = await signIn(desk, 'responder', 'alice')
    const b = await signIn(desk, 'responder', 'bob')
    const [r] = await addInquiries(desk.db, [{}])
    expect(
      (await call(desk, a, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: '答复一' }))
        .status,
    ).toBe(201)
    const res = await call(desk, b, 'POST', `/inquiries/${r!.id}/replies`, {
      version: 1,
      body: '答复二',
    })
    expect(res.status).toBe(409)
    const body = (await res.json()) as {
      error: { message: string; details: { changedBy: string } }
    }
    expect(body.error.details.changedBy).toBe('alice name')
  })

  it('refuses a state-changing request without the CSRF header', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const [r] = await addInquiries(desk.db, [{}])
    const res = await desk.app.request(`/inquiries/${r!.id}/claim`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1 }),
    })
    expect(res.status).toBe(403)
  })

  it('masks the contact until revealed, and records the reveal', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const [r] = await addInquiries(desk.db, [
      { citizenName: '张三丰', citizenPhone: '13812345678' },
    ])
    const view = (await (await call(desk, s, 'GET', `/inquiries/${r!.id}`)).json()) as {
      contact: { name: string; phone: string }
    }
    expect(view.contact).toMatchObject({ name: '张**', phone: '138****5678' })
    const revealed = (await (
      await call(desk, s, 'POST', `/inquiries/${r!.id}/contact`)
    ).json()) as { contact: { phone: string } }
    expect(revealed.contact.phone).toBe('13812345678')
    const detail = (await (await call(desk, s, 'GET', `/inquiries/${r!.id}`)).json()) as {
      inquiry: { events: { type: string }[] }
    }
    expect(detail.inquiry.events.at(-1)?.type).toBe('contact_revealed')
  })
})

describe('per-channel counts kept by triggers', () => {
  it('equal the rows the list returns, for a manager, after inserts, status changes and deletes', async () => {
    const desk = await setupDesk()
    const m = await signIn(desk, 'manager')
    const made = await addInquiries(desk.db, [
      { channelCode: 'minxin' },
      { channelCode: 'minxin' },
      { channelCode: 'mayor_mailbox' },
      { channelCode: 'hotline_12345', reply: { body: '已处理', repliedAt: T0 + day } },
    ])
    const [a, b, c] = made.map((r) => r.id)
    await call(desk, m, 'POST', `/inquiries/${a}/claim`, { version: 1 })
    await call(desk, m, 'POST', `/inquiries/${a}/replies`, { version: 2, body: '答复' })
    await call(desk, m, 'POST', `/inquiries/${a}/close`, { version: 3 })
    await call(desk, m, 'POST', `/inquiries/${b}/replies`, { version: 1, body: '答复' })
    await call(desk, m, 'POST', `/inquiries/${b}/reopen`, { version: 2 })
    const { inquiries } = tables(desk.db)
    await desk.db.delete(inquiries).where(eq(inquiries.id, c!))
    for (const status of ['pending', 'all', 'new', 'assigned', 'replied', 'closed']) {
      const counts = (await (
        await call(desk, m, 'GET', `/inquiries/counts?status=${status}`)
      ).json()) as Counts
      for (const [code, n] of Object.entries(counts.byChannel)) {
        const page = (await (
          await call(desk, m, 'GET', `/inquiries?status=${status}&channel=${code}&limit=200`)
        ).json()) as Page
        expect(page.items.length, `${status} ${code}`).toBe(n)
      }
    }
    const all = (await (
      await call(desk, m, 'GET', '/inquiries/counts?status=all')
    ).json()) as Counts
    expect(all.byChannel).toMatchObject({ minxin: 2, mayor_mailbox: 0, hotline_12345: 1 })
    const [raw] = await desk.db.select({ n: count() }).from(inquiries)
    expect(all.total).toBe(raw?.n)
  })
})
