import { describe, expect, it } from 'vitest'
import { tinyPdf } from '../../test/files.ts'
import { call, setupDesk, signIn, T0, type Desk, type Session } from '../../test/setup.ts'

type View = {
  inquiry: {
    status: string
    version: number
    dueAt: string
    firstDueAt: string | null
    round: number
    urgedAt: string | null
    events: { type: string; data: Record<string, unknown> }[]
  }
}
type Page = { items: { id: number; urgedAt: string | null; round: number }[] }
type Counts = { total: number }

async function bridge(desk: Desk) {
  const admin = await signIn(desk, 'admin')
  const token = (
    (await (
      await call(desk, admin, 'POST', '/channels/hotline_12345/tokens', { name: 'bridge' })
    ).json()) as { token: string }
  ).token
  const post = (path: string, body: unknown) =>
    desk.app.request(`/channels/hotline_12345${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const created = await post('/inquiries', {
    externalId: 'GD-7',
    subject: '消防通道被占',
    body: '小区消防通道长期停车。',
    receivedAt: '2024-09-27T09:30:00+08:00',
  })
  const id = ((await created.json()) as { results: { id: number }[] }).results[0]!.id
  return { admin, post, id }
}

const message = {
  messageId: 'M-100',
  body: '补充：今天又被堵了，附照片说明。',
  // five minutes after the inquiry's receipt, at the desk's clock (T0) within its skew allowance
  sentAt: '2024-09-27T09:35:00+08:00',
  kind: 'citizen',
}

describe('POST /channels/:code/inquiries/:externalId/messages', () => {
  it('appends a message with its file once, however often it is resent', async () => {
    const desk = await setupDesk()
    const { admin, post, id } = await bridge(desk)
    const withFile = {
      ...message,
      attachments: [{ name: '说明.pdf', contentBase64: tinyPdf().toString('base64') }],
    }
    const first = await post('/inquiries/GD-7/messages', withFile)
    expect(first.status).toBe(201)
    const result = await first.json()
    for (let i = 0; i < 3; i++) {
      const again = await post('/inquiries/GD-7/messages', withFile)
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual({ ...(result as object), created: false })
    }
    const view = (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; data: { body?: string } }[] }
    }
    const messages = view.inquiry.events.filter((e) => e.type === 'message_received')
    expect(messages.map((e) => e.data.body)).toEqual([message.body])
    const files = (await (
      await call(desk, admin, 'GET', `/inquiries/${id}/attachments`)
    ).json()) as { attachments: { name: string }[] }
    expect(files.attachments.map((f) => f.name)).toEqual(['说明.pdf'])
  })

  it('answers 404 for an unknown inquiry and 422 for a bad kind, writing nothing', async () => {
    const desk = await setupDesk()
    const { post } = await bridge(desk)
    expect((await post('/inquiries/NOPE/messages', message)).status).toBe(404)
    expect((await post('/inquiries/GD-7/messages', { ...message, kind: 'bureau' })).status).toBe(
      422,
    )
    expect(
      (await post('/inquiries/GD-7/messages', { ...message, messageId: 'M-101' })).status,
    ).toBe(201)
  })
})

describe('a message id used again, a message older than its inquiry', () => {
  type Refusal = { error: { code: string; details: { path: string[]; message: string }[] } }
  const timeline = async (desk: Desk, admin: Session, id: number) =>
    (
      (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as {
        inquiry: { events: { type: string; data: { body?: string } }[] }
      }
    ).inquiry.events
      .filter((e) => e.type === 'message_received')
      .map((e) => e.data.body)

  it('refuses the same messageId with another body, kind, sentAt or inquiry with 409, and answers the same message written another way as a resend', async () => {
    const desk = await setupDesk()
    const { admin, post, id } = await bridge(desk)
    await post('/inquiries', {
      externalId: 'GD-8',
      subject: '噪音扰民',
      body: '夜间施工。',
      receivedAt: '2024-09-27T09:30:00+08:00',
    })
    const first = await post('/inquiries/GD-7/messages', message)
    expect(first.status).toBe(201)
    const result = await first.json()
    const reuses: [unknown, string, string][] = [
      [{ ...message, body: '补充：另一件事。' }, 'GD-7', 'body'],
      [{ ...message, kind: 'platform' }, 'GD-7', 'kind'],
      [{ ...message, sentAt: '2024-09-27T09:35:01+08:00' }, 'GD-7', 'sentAt'],
      [message, 'GD-8', 'inquiry'],
      [{ ...message, body: '补充：另一件事。', kind: 'platform' }, 'GD-7', 'kind and body'],
    ]
    for (const [body, externalId, differs] of reuses) {
      const res = await post(`/inquiries/${externalId}/messages`, body)
      expect([differs, res.status]).toEqual([differs, 409])
      const refusal = (await res.json()) as Refusal
      expect(refusal.error.code).toBe('CONFLICT')
      expect(refusal.error.details).toEqual([
        {
          path: ['messageId'],
          message: `used for another message (${differs} ${differs.includes(' and ') ? 'differ' : 'differs'})`,
        },
      ])
    }
    // one instant in another offset, the body with the spaces the schema trims: the same message
    const same = { ...message, body: ` ${message.body}\n`, sentAt: '2024-09-27T01:35:00Z' }
    const again = await post('/inquiries/GD-7/messages', same)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ...(result as object), created: false })
    expect(await timeline(desk, admin, id)).toEqual([message.body])
  })

  it('refuses a sentAt more than 5 minutes before the inquiry was received with 422 naming sentAt, writing nothing', async () => {
    const desk = await setupDesk()
    const { admin, post, id } = await bridge(desk)
    // received 2024-09-27 09:30 in Shanghai: 09:25 is within the clock-skew allowance, 09:24:59 not
    const early = { ...message, messageId: 'M-EARLY', sentAt: '2024-09-27T09:24:59+08:00' }
    const refused = await post('/inquiries/GD-7/messages', early)
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as Refusal
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details.map((d) => d.path)).toEqual([['sentAt']])
    expect(body.error.details[0]!.message).toContain('2024-09-27T09:30:00')
    expect(await timeline(desk, admin, id)).toEqual([])
    // the refused id was not taken: the corrected message goes in under it
    const skewed = { ...early, sentAt: '2024-09-27T01:25:00Z' }
    expect((await post('/inquiries/GD-7/messages', skewed)).status).toBe(201)
    expect(await timeline(desk, admin, id)).toEqual([message.body])
  })

  it("refuses a sentAt more than 10 minutes after the desk's clock with 422 naming sentAt, writing nothing", async () => {
    const desk = await setupDesk()
    const { admin, post, id } = await bridge(desk)
    // the desk's clock is 2024-09-27 09:30 in Shanghai: 09:40 is within the skew, 09:40:01 not
    const future = { ...message, messageId: 'M-LATER', sentAt: '2024-09-27T09:40:01+08:00' }
    const refused = await post('/inquiries/GD-7/messages', future)
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as Refusal
    expect(body.error.details.map((d) => [d.path, d.message])).toEqual([
      [['sentAt'], 'in the future'],
    ])
    expect(await timeline(desk, admin, id)).toEqual([])
    const skewed = { ...future, sentAt: '2024-09-27T09:40:00+08:00' }
    expect((await post('/inquiries/GD-7/messages', skewed)).status).toBe(201)
  })
})

describe('a later message and the handling rounds', () => {
  async function answered() {
    let now = T0
    const desk = await setupDesk(() => now)
    const { admin, post, id } = await bridge(desk)
    // the session times out when idle: sign in again after each jump of the clock
    const me = { admin }
    let sessions = 0
    const at = async (ms: number) => {
      now = ms
      me.admin = await signIn(desk, 'admin', `admin-${++sessions}`)
    }
    const get = async (path: string) => (await call(desk, me.admin, 'GET', path)).json()
    const view = async () => (await get(`/inquiries/${id}`)) as View
    const count = async (filter: string) =>
      ((await get(`/inquiries/counts?${filter}`)) as Counts).total
    const list = async (filter: string) => ((await get(`/inquiries?${filter}`)) as Page).items
    const send = (path: string, body: unknown) => call(desk, me.admin, 'POST', path, body)
    // answered within the hour: on time in the first round
    await at(T0 + 3_600_000)
    const reply = await send(`/inquiries/${id}/replies`, {
      version: (await view()).inquiry.version,
      body: '已安排清理。',
    })
    expect(reply.status).toBe(201)
    return { desk, me, post, id, view, count, list, get, send, at }
  }

  it("reopens an answered inquiry on the citizen's message, with a due date from that day", async () => {
    const d = await answered()
    const firstDue = (await d.view()).inquiry.dueAt
    // 2024-10-10 (Thursday after National Day) 10:00 in Shanghai
    await d.at(Date.parse('2024-10-10T10:00:00+08:00'))
    const res = await d.post('/inquiries/GD-7/messages', {
      ...message,
      sentAt: '2024-10-10T09:55:00+08:00',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ created: true, reopened: { round: 2 } })
    const { inquiry } = await d.view()
    expect(inquiry.status).toBe('assigned')
    expect(inquiry.round).toBe(2)
    expect(inquiry.firstDueAt).toBe(firstDue)
    // counted from the reopening day under the same rule: later than the first, after 10-10
    expect(Date.parse(inquiry.dueAt)).toBeGreaterThan(Date.parse('2024-10-10T10:00:00+08:00'))
    expect(Date.parse(inquiry.dueAt)).toBeGreaterThan(Date.parse(firstDue))
    const reopened = inquiry.events.find((e) => e.type === 'reopened')
    expect(reopened?.data).toMatchObject({ from: 'replied', round: 2, dueAt: inquiry.dueAt })
    // the first reply stays on time; the queue and the dashboard count the reopened item
    expect(await d.count('status=all&replied=on_time')).toBe(1)
    expect(await d.count('status=all&reopened=1')).toBe(1)
    expect((await d.list('status=pending&reopened=1')).map((r) => r.round)).toEqual([2])
    type N = { n: number; filter: Record<string, string> }
    const dash = (await d.get('/reports/dashboard?from=2024-09-01&to=2024-09-30')) as {
      totals: Record<'received' | 'replied' | 'pending' | 'reopened' | 'onTime', N>
    }
    expect(dash.totals.reopened.n).toBe(1)
    expect(dash.totals.onTime.n).toBe(1)
    // one definition with the tally: replied, not pending too; the row adds up to what came in
    const tally = (await d.get('/reports/tally?year=2024')) as {
      totals: { received: number; replied: number; pending: number }
    }
    const { received, replied, pending } = dash.totals
    expect([received.n, replied.n, pending.n]).toEqual([1, 1, 0])
    expect(tally.totals).toMatchObject({ received: 1, replied: 1, pending: 0 })
    // each number's link lists that many rows
    for (const c of [received, replied, pending, dash.totals.reopened])
      expect(await d.count(new URLSearchParams(c.filter).toString())).toBe(c.n)
    // the second round's answer, late against its own due date: the first stays on time
    await d.at(Date.parse(inquiry.dueAt) + 86_400_000)
    await d.send(`/inquiries/${d.id}/replies`, {
      version: inquiry.version,
      body: '已再次处理。',
    })
    const after = (await d.view()).inquiry
    expect(after.status).toBe('replied')
    expect(after.events.filter((e) => e.type === 'replied').at(-1)?.data).toMatchObject({
      round: 2,
      onTime: false,
    })
    expect(await d.count('status=all&replied=on_time')).toBe(1)
  })

  it('does not reopen when the channel turns it off', async () => {
    const d = await answered()
    await call(d.desk, d.me.admin, 'PATCH', '/channel-settings/hotline_12345', {
      reopenOnMessage: false,
    })
    const res = await d.post('/inquiries/GD-7/messages', message)
    expect(await res.json()).toEqual(expect.not.objectContaining({ reopened: expect.anything() }))
    expect((await d.view()).inquiry).toMatchObject({ status: 'replied', round: 1 })
  })

  it("marks a pending inquiry urged on the platform's 催办 until the next reply", async () => {
    const desk = await setupDesk()
    const { admin, post, id } = await bridge(desk)
    const urge = { ...message, messageId: 'U-1', kind: 'platform', body: '请尽快办理。' }
    expect(await (await post('/inquiries/GD-7/messages', urge)).json()).toMatchObject({
      urged: true,
    })
    const count = async () =>
      ((await (await call(desk, admin, 'GET', '/inquiries/counts?urged=1')).json()) as Counts).total
    const listed = async () =>
      ((await (await call(desk, admin, 'GET', '/inquiries?urged=1')).json()) as Page).items
    expect(await count()).toBe(1)
    expect((await listed()).map((r) => r.id)).toEqual([id])
    // a citizen's message on a pending inquiry is added to it, not a new round
    const more = await post('/inquiries/GD-7/messages', { ...message, messageId: 'C-1' })
    expect(await more.json()).toEqual(expect.not.objectContaining({ reopened: expect.anything() }))
    expect((await listed())[0]?.round).toBe(1)
    expect((await listed())[0]?.urgedAt).not.toBeNull()
    const view = (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as View
    expect(view.inquiry.events.map((e) => e.type)).toContain('urged')
    await call(desk, admin, 'POST', `/inquiries/${id}/replies`, {
      version: view.inquiry.version,
      body: '已答复。',
    })
    expect(await count()).toBe(0)
    expect(await listed()).toEqual([])
    // answered: a further 催办 is on the timeline, without the mark
    const late = await post('/inquiries/GD-7/messages', { ...urge, messageId: 'U-2' })
    expect(await late.json()).toEqual(expect.not.objectContaining({ urged: true }))
    expect(await count()).toBe(0)
  })
})
