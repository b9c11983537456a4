import { describe, expect, it } from 'vitest'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn, T0, type Desk, type Session } from '../../test/setup.ts'

// T0 is Fri 2024-09-27 09:30 Beijing time
async function desk() {
  const d = await setupDesk()
  await ensureDeadlineSetup(d.db, T0)
  return d
}
const request = (receivedOn: string) => ({
  channel: 'director_mailbox',
  applicantType: 'natural_person',
  applicantName: '张三',
  receiptMethod: 'in_person',
  receivedOn,
  subject: '申请公开某地块规划许可',
  body: '请公开某地块建设工程规划许可证。',
})
type Inquiry = { repliedAt: string | null; dueAt: string; version: number }

async function enter(d: Desk, s: Session, receivedOn: string): Promise<number> {
  const res = await call(d, s, 'POST', '/disclosure/requests', request(receivedOn))
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: { inquiryId: number } }).request.inquiryId
}
const inquiry = async (d: Desk, s: Session, id: number) =>
  (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as { inquiry: Inquiry }

describe('a decision entered after the fact', () => {
  it('is replied on its decision day (noon, Asia/Shanghai), not when it was typed; today’s is now', async () => {
    const d = await desk()
    const s = await signIn(d, 'manager')
    const past = await enter(d, s, '2024-08-01')
    const decided = await call(d, s, 'POST', `/disclosure/requests/${past}/actions`, {
      version: 1,
      action: 'decide',
      on: '2024-08-20',
      outcome: 'grant',
    })
    expect(decided.status).toBe(200)
    const { inquiry: p } = await inquiry(d, s, past)
    expect(p.repliedAt).toBe('2024-08-20T12:00:00.000+08:00')
    // due 2024-08-28 (20 working days): replied before it, so on time
    expect(Date.parse(p.repliedAt ?? '') < Date.parse(p.dueAt)).toBe(true)

    const today = await enter(d, s, '2024-09-27')
    await call(d, s, 'POST', `/disclosure/requests/${today}/actions`, {
      version: 1,
      action: 'decide',
      on: '2024-09-27',
      outcome: 'grant',
    })
    expect((await inquiry(d, s, today)).inquiry.repliedAt).toBe('2024-09-27T09:30:00.000+08:00')
  })

  it('needs a manager once the due date has passed and the day is before today: a responder gets 403, today’s date stays open to them', async () => {
    const d = await desk()
    const manager = await signIn(d, 'manager')
    const responder = await signIn(d)
    // received 2024-08-01, due 2024-08-28; today is 2024-09-27
    const id = await enter(d, manager, '2024-08-01')
    const decide = (s: Session, version: number, on: string) =>
      call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version,
        action: 'decide',
        on,
        outcome: 'grant',
      })
    const refused = await decide(responder, 1, '2024-08-20')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as ApiError).error.details).toEqual({
      reason: 'backdated_after_due',
    })
    expect((await inquiry(d, manager, id)).inquiry.repliedAt).toBeNull()
    expect((await decide(manager, 1, '2024-08-20')).status).toBe(200)

    const other = await enter(d, manager, '2024-08-01')
    const late = await call(d, responder, 'POST', `/disclosure/requests/${other}/actions`, {
      version: 1,
      action: 'decide',
      on: '2024-09-27',
      outcome: 'grant',
    })
    expect(late.status).toBe(200)
  })

  it('is recorded once: deciding again is a 409 naming the outcome, its day and the correction, and changes nothing', async () => {
    const d = await desk()
    const s = await signIn(d, 'manager')
    const id = await enter(d, s, '2024-08-01')
    const decide = (version: number, outcome: string) =>
      call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version,
        action: 'decide',
        on: '2024-08-20',
        outcome,
      })
    expect((await decide(1, 'grant')).status).toBe(200)
    const { inquiry: before } = await inquiry(d, s, id)
    const again = await decide(before.version, 'withhold.state_secret')
    expect(again.status).toBe(409)
    const body = (await again.json()) as ApiError
    expect(body.error.details).toEqual({
      reason: 'outcome_recorded',
      outcome: 'grant',
      decidedOn: '2024-08-20',
      correction: `/api/disclosure/requests/${id}/outcome-correction`,
    })
    expect(body.error.message).toContain(`POST /api/disclosure/requests/${id}/outcome-correction`)
    expect((await inquiry(d, s, id)).inquiry.version).toBe(before.version)
  })
})

type Answer = { id: number; number: number; status: string; document: { paragraphs: string[] } }
type RequestView = {
  request: { outcome: string | null; decidedAt: number }
  answers: Answer[]
  decisionNote: string
}
type ApiError = { error: { code: string; message: string; details?: unknown } }
type Table = {
  sectionThree: { row: string; cells: { column: string; count: number }[] }[]
}
const total = (t: Table, row: string) =>
  t.sectionThree.find((r) => r.row === row)?.cells.find((c) => c.column === 'total')?.count

describe('correcting a decided outcome before the answer document is signed off', () => {
  it('lets a manager replace a wrong 不予公开 the reviewer sent back; the table and the next document follow it; refused once signed', async () => {
    const d = await desk()
    const manager = await signIn(d, 'manager', 'head')
    const other = await signIn(d, 'manager', 'deputy')
    const responder = await signIn(d)
    const id = await enter(d, manager, '2024-09-02')
    const path = `/disclosure/requests/${id}`
    const correct = (s: Session, body: Record<string, unknown>) =>
      call(d, s, 'POST', `${path}/outcome-correction`, body)
    // nothing decided yet: nothing to correct
    const early = await correct(manager, { version: 1, outcome: 'grant', reason: '应予以公开' })
    expect(early.status).toBe(409)
    expect(((await early.json()) as ApiError).error.details).toMatchObject({
      reason: 'invalid_status',
    })

    // a responder records a withholding outcome and drafts its document
    expect(
      (
        await call(d, responder, 'POST', `${path}/actions`, {
          version: 1,
          action: 'decide',
          on: '2024-09-20',
          outcome: 'withhold.state_secret',
          note: '所申请信息经审查属于国家秘密',
        })
      ).status,
    ).toBe(200)
    const submit = async (version: number) =>
      (await (
        await call(d, responder, 'POST', `${path}/answers`, { version, agency: '某局' })
      ).json()) as RequestView
    const v1 = (await submit(2)).answers[0]!
    expect(v1.document.paragraphs.join('')).toContain('国家秘密')
    await call(d, manager, 'POST', `${path}/answers/${v1.id}/send-back`, {
      version: 3,
      comment: '结果错了，应予以公开',
    })
    // a second draft waits for review when the outcome is corrected: it is superseded
    await submit(4)

    // only a manager corrects, with a reason
    const byResponder = await correct(responder, { version: 5, outcome: 'grant', reason: 'x' })
    expect(byResponder.status).toBe(403)
    expect((await correct(manager, { version: 5, outcome: 'grant', reason: ' ' })).status).toBe(422)
    const same = await correct(manager, {
      version: 5,
      outcome: 'withhold.state_secret',
      reason: '再确认',
    })
    expect(same.status).toBe(409)

    const corrected = await correct(manager, {
      version: 5,
      outcome: 'grant',
      reason: '经复核不属于国家秘密，应予以公开',
    })
    expect(corrected.status).toBe(200)
    const view = (await corrected.json()) as RequestView
    expect(view.request.outcome).toBe('grant')
    // the decision day stays (2024-09-20, noon Asia/Shanghai)
    expect(view.request.decidedAt).toBe(Date.parse('2024-09-20T12:00:00+08:00'))
    expect(view.answers.map((a) => [a.number, a.status])).toEqual([
      [1, 'sent_back'],
      [2, 'superseded'],
    ])
    // the note written with the withholding decision no longer stands
    expect(view.decisionNote).toBe('')

    // the timeline keeps the old and the new outcome with the reason
    const detail = (await (await call(d, manager, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; actor: string | null; data: Record<string, unknown> }[] }
    }
    const event = detail.inquiry.events.find((e) => e.type === 'outcome_corrected')
    expect([event?.actor, event?.data]).toEqual([
      'head name',
      {
        from: 'withhold.state_secret',
        to: 'grant',
        reason: '经复核不属于国家秘密，应予以公开',
        note: '',
      },
    ])

    // the national table counts the corrected outcome, in the year of the decision
    const table = (await (
      await call(d, manager, 'GET', '/reports/disclosure?year=2024')
    ).json()) as Table
    expect([total(table, 'grant'), total(table, 'withhold.state_secret')]).toEqual([1, 0])

    // the next draft is composed from the corrected record; once signed off, no correction
    const v3 = (await submit(6)).answers[2]!
    expect(v3.document.paragraphs.join('')).toContain('予以公开')
    expect(v3.document.paragraphs.join('')).not.toContain('国家秘密')
    expect(
      (await call(d, other, 'POST', `${path}/answers/${v3.id}/sign-off`, { version: 7 })).status,
    ).toBe(200)
    const late = await correct(manager, {
      version: 8,
      outcome: 'partial',
      reason: '部分内容涉及个人隐私',
    })
    expect(late.status).toBe(409)
    const err = ((await late.json()) as ApiError).error
    expect(err.details).toMatchObject({ reason: 'answer_signed', signedOn: '2024-09-27' })
    expect(err.message).toContain('only through an administrative review or lawsuit')
  })
})
