/**
 * A disclosure request's statutory clock against the desk's generic clock actions: its 补正 and
 * 征求意见 are its clock's steps, so the generic pause and resume are refused and write nothing.
 */
import { describe, expect, it } from 'vitest'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn, T0 } from '../../test/setup.ts'

// T0 is Fri 2024-09-27 09:30 Beijing time; the bundled calendar knows National Day 2024
async function desk(at: { now: number } = { now: T0 }) {
  const d = await setupDesk(() => at.now)
  await ensureDeadlineSetup(d.db, T0)
  return d
}
const request = (extra: Record<string, unknown> = {}) => ({
  channel: 'director_mailbox',
  applicantType: 'natural_person',
  applicantName: '张三',
  receiptMethod: 'in_person',
  receivedOn: '2024-09-27',
  subject: '申请公开某地块规划许可',
  body: '请公开某地块建设工程规划许可证。',
  ...extra,
})
type View = {
  request: { inquiryId: number }
  clock: { state: string; due: { date: string } | null }
}
type Detail = {
  inquiry: { version: number; dueAt: string; pausedAt: string | null; events: { type: string }[] }
  deadline: { pauses: unknown[] }
}
type Refusal = { error: { message: string; details: { reason: string } } }

describe('a disclosure request and the generic clock actions', () => {
  it('refuses the generic pause and resume (409 clock_step naming 补正 and 征求意见), writing nothing', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    const s = await signIn(d, 'manager', 'head')
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    const id = ((await created.json()) as View).request.inquiryId
    const detail = async (by = s) =>
      (await (await call(d, by, 'GET', `/inquiries/${id}`)).json()) as Detail

    const before = await detail()
    const paused = await call(d, s, 'POST', `/inquiries/${id}/pause`, {
      version: before.inquiry.version,
      reason: '等待补正',
    })
    expect(paused.status).toBe(409)
    const body = (await paused.json()) as Refusal
    expect(body.error.details.reason).toBe('clock_step')
    expect(body.error.message).toContain('补正')
    expect(body.error.message).toContain('征求意见')
    expect(body.error.message).toContain(`/api/disclosure/requests/${id}/actions`)
    const after = await detail()
    expect(after.inquiry.pausedAt).toBeNull()
    expect(after.deadline.pauses).toEqual([])
    expect(after.inquiry.version).toBe(before.inquiry.version)
    expect(after.inquiry.events.map((e) => e.type)).toEqual(
      before.inquiry.events.map((e) => e.type),
    )

    // paused by the clock's 补正 step: the generic resume would put the generic due date back
    at.now = Date.parse('2024-10-10T10:00:00+08:00')
    const m = await signIn(d, 'manager', 'head2')
    const corr = await call(d, m, 'POST', `/disclosure/requests/${id}/actions`, {
      version: before.inquiry.version,
      action: 'request_correction',
      on: '2024-10-10',
      answerBy: '2024-10-25',
    })
    expect(corr.status).toBe(200)
    const waiting = await detail(m)
    expect(waiting.inquiry.pausedAt).not.toBeNull()
    const resumed = await call(d, m, 'POST', `/inquiries/${id}/resume`, {
      version: waiting.inquiry.version,
    })
    expect(resumed.status).toBe(409)
    expect(((await resumed.json()) as Refusal).error.details.reason).toBe('clock_step')
    const still = await detail(m)
    expect([still.inquiry.pausedAt, still.inquiry.dueAt, still.inquiry.version]).toEqual([
      waiting.inquiry.pausedAt,
      waiting.inquiry.dueAt,
      waiting.inquiry.version,
    ])
    const view = (await (await call(d, m, 'GET', `/disclosure/requests/${id}`)).json()) as View
    expect(view.clock.state).toBe('awaiting_correction')
  })
})

describe('the receipt date of a disclosure request', () => {
  it('refuses one before the 条例 came into force (2008-05-01) or after today, 422 naming receivedOn, writing nothing', async () => {
    const d = await desk()
    const s = await signIn(d, 'manager', 'head')
    type Invalid = { error: { code: string; message: string; details: { path: string[] }[] } }
    for (const [receivedOn, message] of [
      [
        '1992-01-01',
        'receivedOn is before 2008-05-01, when the 条例 (国务院令第492号) came into force',
      ],
      [
        '2008-04-30',
        'receivedOn is before 2008-05-01, when the 条例 (国务院令第492号) came into force',
      ],
      ['2024-09-28', 'receivedOn is in the future'],
    ] as const) {
      const res = await call(d, s, 'POST', '/disclosure/requests', request({ receivedOn }))
      const body = (await res.json()) as Invalid
      expect(res.status).toBe(422)
      expect([body.error.message, body.error.details[0]?.path]).toEqual([message, ['receivedOn']])
    }
    const queue = await call(d, s, 'GET', '/inquiries?status=all')
    expect(((await queue.json()) as { items: unknown[] }).items).toEqual([])
    // the first day of the 条例 is a receipt date: its 2008 rule, 15 working days (2008 is not
    // in the bundled calendar, so Monday–Friday: 05-02 1, 05-05…09 6, 05-12…16 11, 05-19…22 15)
    const first = await call(
      d,
      s,
      'POST',
      '/disclosure/requests',
      request({ receivedOn: '2008-05-01' }),
    )
    expect(first.status).toBe(201)
    expect(((await first.json()) as View).clock.due?.date).toBe('2008-05-22')
  })
})

describe('the due date of a disclosure request', () => {
  it('is explained by its clock on its view (counted afresh from the 补正, 延期 added), the inquiry due at the same instant', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    let s = await signIn(d, 'manager', 'head')
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    const id = ((await created.json()) as View).request.inquiryId
    at.now = Date.parse('2024-10-14T10:00:00+08:00')
    s = await signIn(d, 'manager', 'head2')
    const steps = [
      { action: 'request_correction', on: '2024-10-10', answerBy: '2024-10-25' },
      { action: 'receive_correction', on: '2024-10-12' },
      { action: 'extend', on: '2024-10-14', workingDays: 20 },
    ]
    let version = 1
    let view: View & {
      clock: {
        deadline: {
          received: { date: string }
          correction?: { requestReceivedOn: string }
          extensionUnits: number
          due: { date: string; at: number }
        } | null
      }
    }
    for (const step of steps) {
      const res = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version,
        ...step,
      })
      expect(res.status).toBe(200)
      view = (await res.json()) as typeof view
      version += 1
    }
    // from Sat 10-12 (a make-up workday): 20 working days to 11-08, the 延期 of 20 to 12-06
    const deadline = view!.clock.deadline
    expect([
      deadline?.received.date,
      deadline?.correction?.requestReceivedOn,
      deadline?.extensionUnits,
      deadline?.due.date,
    ]).toEqual(['2024-10-12', '2024-09-27', 20, '2024-12-06'])
    const detail = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as Detail
    expect(Date.parse(detail.inquiry.dueAt)).toBe(deadline?.due.at)

    // the steps the domain's step rules refuse now, each named (the form does not offer them)
    for (const [step, message] of [
      [
        { action: 'request_correction', on: '2024-10-14', answerBy: '2024-10-25' },
        `Cannot request a correction of inquiry ${id}: a 补正 notice is sent once (条例 第三十条)`,
      ],
      [
        { action: 'extend', on: '2024-10-14', workingDays: 1 },
        `Cannot extend the reply deadline of inquiry ${id}: the extension of 20 working days is used up`,
      ],
    ] as const) {
      const res = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version,
        ...step,
      })
      expect(res.status).toBe(409)
      const body = (await res.json()) as Refusal
      expect(body.error.details.reason).toBe('clock')
      expect(body.error.message.startsWith(message)).toBe(true)
    }
  })
})

describe('a 补正 notice', () => {
  it('is refused after the 7th working day from receipt (409 naming the limit, 条例 第三十条), writing nothing; on the limit it is recorded', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    let s = await signIn(d, 'manager', 'head')
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    const view = (await created.json()) as View & { clock: { correctionNoticeBy: string } }
    const id = view.request.inquiryId
    // Fri 09-27 + 7 working days: Sun 09-29 and Sat 10-12 are make-up workdays, 10-01 to 10-07 off
    expect(view.clock.correctionNoticeBy).toBe('2024-10-12')
    at.now = Date.parse('2024-10-14T10:00:00+08:00')
    s = await signIn(d, 'manager', 'head2')
    const late = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 1,
      action: 'request_correction',
      on: '2024-10-14',
      answerBy: '2024-10-25',
    })
    expect(late.status).toBe(409)
    const body = (await late.json()) as Refusal & { error: { details: { endsOn: string } } }
    expect(body.error.details).toMatchObject({
      reason: 'correction_notice_late',
      endsOn: '2024-10-12',
    })
    expect(body.error.message).toContain('by 2024-10-12 (条例 第三十条), not on 2024-10-14')
    const after = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as Detail
    expect(after.inquiry.version).toBe(1)
    expect(after.inquiry.events.map((e) => e.type)).toEqual(['received'])
    const inTime = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 1,
      action: 'request_correction',
      on: '2024-10-12',
      answerBy: '2024-10-25',
    })
    expect(inTime.status).toBe(200)
    expect(((await inTime.json()) as View).clock.state).toBe('awaiting_correction')
  })
})
