import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn, T0, type Session } from '../../test/setup.ts'
import { ensureDeadlineSetup } from './deadlines.service.ts'
import { insertExtension } from './deadlines.repo.ts'

type View = {
  inquiry: {
    id: number
    version: number
    dueAt: string
    events: { type: string; data: Record<string, unknown> }[]
  }
  deadline: {
    pausedAt: string | null
    explanation: { pausedUnits: number; extensionUnits: number; makeupWorkdays: { date: string }[] }
    extensions: { status: string }[]
    extensionAmount: number | null
  }
}

/**
 * A desk with the calendar and default policies whose clock the test moves with `at(instant)`;
 * sessions last 12 hours, so `at` signs everyone in again.
 */
async function desk() {
  let clock = T0
  const d = await setupDesk(() => clock)
  await ensureDeadlineSetup(d.db, T0)
  const t = {
    d,
    responder: await signIn(d, 'responder'),
    manager: await signIn(d, 'manager'),
    admin: await signIn(d, 'admin'),
  }
  const relogin = async (s: Session, username: string): Promise<Session> => {
    const res = await call(d, undefined, 'POST', '/auth/login', {
      username,
      password: 'secret-pass',
    })
    const { csrfToken } = (await res.json()) as { csrfToken: string }
    return {
      ...s,
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: csrfToken,
    }
  }
  const at = async (instant: number) => {
    clock = instant
    t.responder = await relogin(t.responder, 'responder1')
    t.manager = await relogin(t.manager, 'manager1')
    t.admin = await relogin(t.admin, 'admin1')
  }
  const view = async (id: number) =>
    (await (await call(d, t.admin, 'GET', `/inquiries/${id}`)).json()) as View
  return Object.assign(t, { at, view })
}

describe('GET /inquiries/:id deadline', () => {
  it('explains the due date with its make-up workdays', async () => {
    const t = await desk()
    const [item] = await addInquiries(t.d.db, [{ category: '投诉' }])
    const v = await t.view(item!.id)
    expect(v.inquiry.dueAt).toBe('2024-10-21T17:00:00.000+08:00')
    expect(v.deadline.explanation.makeupWorkdays.map((m) => m.date)).toEqual([
      '2024-09-29',
      '2024-10-12',
    ])
  })
})

describe('policies', () => {
  it('lists the defaults and lets an admin edit one; a later inquiry follows the edit', async () => {
    const t = await desk()
    const res0 = await call(t.d, t.responder, 'GET', '/deadlines/policies')
    const list = (await res0.json()) as {
      items: { id: number; channelCode: string | null; category: string | null; amount: number }[]
    }
    const consult = list.items.find(
      (p) => p.channelCode === 'hotline_12345' && p.category === '咨询',
    )!
    expect(consult.amount).toBe(3)
    expect(
      (await call(t.d, t.admin, 'PATCH', `/deadlines/policies/${consult.id}`, { amount: 5 }))
        .status,
    ).toBe(200)
    const [item] = await addInquiries(t.d.db, [{ category: '咨询' }])
    expect((await t.view(item!.id)).inquiry.dueAt).toBe('2024-10-10T17:00:00.000+08:00')
  })

  it('answers 422 for an inconsistent rule, 403 to a manager, 404 for an unknown policy', async () => {
    const t = await desk()
    expect(
      (await call(t.d, t.admin, 'PATCH', '/deadlines/policies/1', { rule: 'hours' })).status,
    ).toBe(422)
    expect(
      (await call(t.d, t.admin, 'PATCH', '/deadlines/policies/1', { amount: -1 })).status,
    ).toBe(422)
    expect(
      (await call(t.d, t.manager, 'PATCH', '/deadlines/policies/1', { amount: 4 })).status,
    ).toBe(403)
    expect(
      (await call(t.d, t.admin, 'PATCH', '/deadlines/policies/999', { amount: 4 })).status,
    ).toBe(404)
  })

  it('creates a policy; refuses an unknown channel and an empty validity (422) and one overlapping a policy of the same scope (409)', async () => {
    const t = await desk()
    const policy = {
      kind: 'message',
      channelCode: 'minxin',
      category: '求助',
      validFrom: '2025-01-01',
      validUntil: null,
      rule: 'working_days',
      amount: 2,
      start: 'next_working_day',
      endOfDay: '17:00',
      extensionAmount: null,
      source: '局内规定',
    }
    const created = await call(t.d, t.admin, 'POST', '/deadlines/policies', policy)
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { id: number }).id
    const twin = await call(t.d, t.admin, 'POST', '/deadlines/policies', { ...policy, amount: 5 })
    expect(twin.status).toBe(409)
    expect(((await twin.json()) as { error: { details: unknown } }).error.details).toEqual({
      policyId: id,
    })
    const unknown = await call(t.d, t.admin, 'POST', '/deadlines/policies', {
      ...policy,
      channelCode: 'no_such',
    })
    expect(unknown.status).toBe(422)
    expect(
      ((await unknown.json()) as { error: { details: { path: string[] }[] } }).error.details[0]
        ?.path,
    ).toEqual(['channelCode'])
    const empty = await call(t.d, t.admin, 'POST', '/deadlines/policies', {
      ...policy,
      category: '投诉',
      validUntil: '2025-01-01',
    })
    expect(empty.status).toBe(422)
    // a validity overlapping the first one's is refused too; a later one is not, nor another category
    const overlapping = { ...policy, validFrom: '2024-06-01', validUntil: '2025-06-01' }
    expect((await call(t.d, t.admin, 'POST', '/deadlines/policies', overlapping)).status).toBe(409)
    const earlier = { ...policy, validFrom: '2024-01-01', validUntil: '2025-01-01' }
    expect((await call(t.d, t.admin, 'POST', '/deadlines/policies', earlier)).status).toBe(201)
    expect(
      (await call(t.d, t.admin, 'POST', '/deadlines/policies', { ...policy, category: '投诉' }))
        .status,
    ).toBe(201)
  })
})

describe('pause and resume', () => {
  it('stops the clock and moves the due date by the paused working days, each an event', async () => {
    const t = await desk()
    // a message received Fri 2024-09-27: 15 working days, due Wed 2024-10-23 (a disclosure
    // request stops by its clock's steps instead: disclosure-clock.test.ts)
    const [item] = await addInquiries(t.d.db, [{ channelCode: 'mayor_mailbox' }])
    await t.at(Date.parse('2024-09-30T10:00:00+08:00'))
    const paused = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/pause`, {
      version: 1,
      reason: '等待申请人补正',
    })
    expect(paused.status).toBe(200)
    const v1 = (await paused.json()) as View
    expect(v1.deadline.pausedAt).toBe('2024-09-30T10:00:00.000+08:00')
    await t.at(Date.parse('2024-10-10T10:00:00+08:00'))
    const resumed = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/resume`, {
      version: v1.inquiry.version,
    })
    expect(resumed.status).toBe(200)
    const v2 = (await resumed.json()) as View
    // paused after 09-30 up to 10-10: 10-08, 10-09, 10-10 were working days
    expect(v2.deadline.explanation.pausedUnits).toBe(3)
    expect(v2.inquiry.dueAt).toBe('2024-10-28T17:00:00.000+08:00')
    expect(v2.inquiry.events.map((e) => e.type).filter((x) => x.startsWith('clock_'))).toEqual([
      'clock_paused',
      'clock_resumed',
    ])
  })

  it('refuses (409 pause_after_due, naming the due date) a pause once the due date has passed, to a manager too; the item stays overdue', async () => {
    const t = await desk()
    // a mayor's mailbox letter received Fri 2024-09-27: due Wed 2024-10-23 17:00
    const [item] = await addInquiries(t.d.db, [{ channelCode: 'mayor_mailbox' }])
    const due = '2024-10-23T17:00:00.000+08:00'
    expect((await t.view(item!.id)).inquiry.dueAt).toBe(due)
    await t.at(Date.parse('2024-10-24T09:00:00+08:00'))
    for (const who of [t.responder, t.manager]) {
      const res = await call(t.d, who, 'POST', `/inquiries/${item!.id}/pause`, {
        version: 1,
        reason: '等待市民补充材料',
      })
      expect(res.status).toBe(409)
      const body = (await res.json()) as { error: { message: string; details: unknown } }
      expect(body.error.details).toEqual({ reason: 'pause_after_due', dueAt: due })
      expect(body.error.message).toContain(due)
    }
    const v = await t.view(item!.id)
    expect([v.deadline.pausedAt, v.inquiry.dueAt, v.inquiry.version]).toEqual([null, due, 1])
    const overdue = await call(
      t.d,
      t.manager,
      'GET',
      '/inquiries/counts?status=pending&due=overdue',
    )
    expect(((await overdue.json()) as { total: number }).total).toBe(1)
  })

  it('answers 409 on a stale version or when not paused, 422 without a reason, 404 for an unknown inquiry', async () => {
    const t = await desk()
    const [item] = await addInquiries(t.d.db, [{}])
    const pause = (id: number | string, body: unknown) =>
      call(t.d, t.responder, 'POST', `/inquiries/${id}/pause`, body)
    expect((await pause(item!.id, { version: 99, reason: 'x' })).status).toBe(409)
    expect((await pause(item!.id, { version: 1 })).status).toBe(422)
    expect((await pause(999, { version: 1, reason: 'x' })).status).toBe(404)
    expect(
      (await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/resume`, { version: 1 }))
        .status,
    ).toBe(409)
  })
})

/**
 * A message on the mayor's mailbox under a bureau policy of 20 working days with one extension of
 * 20 (the default message policies allow none; a disclosure request is extended by its clock's
 * step instead, disclosure.test.ts).
 */
async function extendableMessage(t: Awaited<ReturnType<typeof desk>>) {
  const created = await call(t.d, t.admin, 'POST', '/deadlines/policies', {
    kind: 'message',
    channelCode: 'mayor_mailbox',
    category: null,
    validFrom: null,
    validUntil: null,
    rule: 'working_days',
    amount: 20,
    start: 'next_working_day',
    endOfDay: '17:00',
    extensionAmount: 20,
    source: '局内规定：复杂件可延期一次',
  })
  expect(created.status).toBe(201)
  const [item] = await addInquiries(t.d.db, [{ channelCode: 'mayor_mailbox' }])
  return item!
}

describe('extensions', () => {
  it('a responder asks, a manager approves: the due date moves by the policy extension', async () => {
    const t = await desk()
    const item = await extendableMessage(t)
    const asked = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
      reason: '需要征求第三方意见',
    })
    expect(asked.status).toBe(201)
    const { requestId } = (await asked.json()) as { requestId: number }
    const ask = async () => {
      const res = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
        reason: '再次申请',
      })
      return [res.status, ((await res.json()) as { error?: { details?: unknown } }).error?.details]
    }
    // one at a time (the SPA disables 申请延期 by the same domain rule, extensionRefusal)
    expect(await ask()).toEqual([409, { reason: 'pending' }])
    expect((await t.view(item!.id)).deadline.extensionAmount).toBe(20)
    const pending = (await (await call(t.d, t.manager, 'GET', '/deadlines/extensions')).json()) as {
      items: { id: number }[]
    }
    expect(pending.items.map((e) => e.id)).toEqual([requestId])
    expect(
      (
        await call(t.d, t.responder, 'POST', `/deadlines/extensions/${requestId}/decision`, {
          approve: true,
        })
      ).status,
    ).toBe(403)
    const decided = await call(
      t.d,
      t.manager,
      'POST',
      `/deadlines/extensions/${requestId}/decision`,
      { approve: true, note: '同意' },
    )
    expect(decided.status).toBe(200)
    const v = (await decided.json()) as View
    // 20 + 20 working days from Fri 2024-09-27
    expect(v.inquiry.dueAt).toBe('2024-11-27T17:00:00.000+08:00')
    expect(v.deadline.explanation.extensionUnits).toBe(20)
    // extended once, as the policies follow 第三十三条 of the disclosure 条例
    expect(await ask()).toEqual([409, { reason: 'extended' }])
    expect(v.inquiry.events.find((e) => e.type === 'extension_approved')?.data).toMatchObject({
      from: '2024-10-30T17:00:00.000+08:00',
      to: '2024-11-27T17:00:00.000+08:00',
    })
    expect(
      (
        await call(t.d, t.manager, 'POST', `/deadlines/extensions/${requestId}/decision`, {
          approve: false,
        })
      ).status,
    ).toBe(409)
  })

  it('refuses an extension (409 not_extendable) where the policy allows none, and says so in the deadline view', async () => {
    const t = await desk()
    // the 12345 hotline's policies carry no extension
    const [item] = await addInquiries(t.d.db, [{ channelCode: 'hotline_12345' }])
    expect((await t.view(item!.id)).deadline.extensionAmount).toBeNull()
    const res = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
      reason: '需现场核查',
    })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'not_extendable',
    })
    expect((await t.view(item!.id)).deadline.extensions).toEqual([])
  })

  it('refuses (409 overdue, naming the due date) a request asked for after the due date, and the approval of one filed then', async () => {
    const t = await desk()
    const item = await extendableMessage(t)
    const due = '2024-10-30T17:00:00.000+08:00'
    // on the due date's last minute it may still be asked for
    await t.at(Date.parse(due))
    const inTime = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
      reason: '期限内申请',
    })
    expect(inTime.status).toBe(201)
    const { requestId } = (await inTime.json()) as { requestId: number }
    await call(t.d, t.manager, 'POST', `/deadlines/extensions/${requestId}/decision`, {
      approve: false,
    })
    await t.at(Date.parse('2024-10-31T09:00:00+08:00'))
    const late = await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
      reason: '超期后申请延期',
    })
    expect(late.status).toBe(409)
    const body = (await late.json()) as { error: { message: string; details: unknown } }
    expect(body.error.details).toEqual({ reason: 'overdue', dueAt: due })
    expect(body.error.message).toContain(due)
    // a late request on file from before the desk refused them is not approved either
    const legacy = await insertExtension(t.d.db, {
      inquiryId: item!.id,
      reason: '旧的超期申请',
      requestedBy: t.responder.userId,
      requestedAt: Date.parse('2024-10-31T08:00:00+08:00'),
    })
    const approved = await call(
      t.d,
      t.manager,
      'POST',
      `/deadlines/extensions/${legacy}/decision`,
      {
        approve: true,
      },
    )
    expect(approved.status).toBe(409)
    expect(((await approved.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'overdue',
      dueAt: due,
    })
    const v = await t.view(item!.id)
    expect(v.inquiry.dueAt).toBe(due)
    expect(v.deadline.extensions.map((e) => e.status).sort()).toEqual(['pending', 'rejected'])
  })

  it('a rejection leaves the due date; 422 without a reason; 404 for an unknown request', async () => {
    const t = await desk()
    const item = await extendableMessage(t)
    expect(
      (await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {})).status,
    ).toBe(422)
    const { requestId } = (await (
      await call(t.d, t.responder, 'POST', `/inquiries/${item!.id}/extensions`, {
        reason: '材料复杂',
      })
    ).json()) as { requestId: number }
    const v = (await (
      await call(t.d, t.manager, 'POST', `/deadlines/extensions/${requestId}/decision`, {
        approve: false,
      })
    ).json()) as View
    expect(v.inquiry.dueAt).toBe('2024-10-30T17:00:00.000+08:00')
    expect(v.deadline.extensions.map((e) => e.status)).toEqual(['rejected'])
    expect(
      (await call(t.d, t.manager, 'POST', '/deadlines/extensions/999/decision', { approve: true }))
        .status,
    ).toBe(404)
  })
})

describe('due filters and the digest', () => {
  it('counts overdue and due-within-N exactly as the list returns them', async () => {
    const t = await desk()
    await addInquiries(t.d.db, [
      { category: '咨询' },
      { category: '投诉' },
      { channelCode: 'minxin', category: '咨询' },
    ])
    await t.at(Date.parse('2024-10-09T09:00:00+08:00')) // consultations were due Tue 10-08
    const list = async (q: string) =>
      (
        (await (await call(t.d, t.manager, 'GET', `/inquiries?${q}`)).json()) as {
          items: unknown[]
        }
      ).items.length
    const counts = async (q: string) =>
      (
        (await (await call(t.d, t.manager, 'GET', `/inquiries/counts?${q}`)).json()) as {
          total: number
        }
      ).total
    expect([await list('due=overdue'), await counts('due=overdue')]).toEqual([1, 1])
    // after Wed 10-09 (10-12 is a make-up Saturday): the complaint, due Mon 10-21, is the 9th working
    // day; the minxin consultation (15-day default), due Wed 10-23, the 11th
    expect([await list('due=8'), await counts('due=8')]).toEqual([0, 0])
    expect([await list('due=9'), await counts('due=9')]).toEqual([1, 1])
    expect([await list('due=11'), await counts('due=11')]).toEqual([2, 2])
    expect((await call(t.d, t.manager, 'GET', '/inquiries?due=soon')).status).toBe(422)
  })

  it('lists what is overdue and due the next working day, per assignee, counted per department (manager only)', async () => {
    const t = await desk()
    const [, complaint] = await addInquiries(t.d.db, [{ category: '咨询' }, { category: '投诉' }])
    const dept = await call(t.d, t.admin, 'POST', '/departments', { name: '规划处' })
    const planning = ((await dept.json()) as { department: { id: number } }).department.id
    const transfer = { version: 1, departmentId: planning, note: '请规划处办理' }
    expect(
      (await call(t.d, t.manager, 'POST', `/inquiries/${complaint?.id ?? 0}/transfer`, transfer))
        .status,
    ).toBe(200)
    await t.at(Date.parse('2024-10-18T09:00:00+08:00')) // Fri: next working day Mon 10-21
    expect((await call(t.d, t.responder, 'GET', '/deadlines/digest')).status).toBe(403)
    const res = await call(t.d, t.manager, 'GET', '/deadlines/digest')
    expect(res.status).toBe(200)
    type Body = {
      dueDate: string
      dueNext: { total: number; byAssignee: { assignee: null }[] }
      overdue: { total: number }
      byDepartment: unknown[]
    }
    const body = (await res.json()) as Body
    expect(body.dueDate).toBe('2024-10-21')
    expect([body.dueNext.total, body.overdue.total]).toEqual([1, 1])
    expect(body.dueNext.byAssignee[0]?.assignee).toBeNull()
    // the consultation (due Tue 10-08) is overdue in the intake pool; the complaint, due Mon 10-21, sits with 规划处
    expect(body.byDepartment).toEqual([
      { department: null, dueNext: 0, overdue: 1 },
      { department: { id: planning, name: '规划处' }, dueNext: 1, overdue: 0 },
    ])
  })
})
