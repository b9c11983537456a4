import { describe, expect, it } from 'vitest'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn } from '../../test/setup.ts'

// Received Fri 2024-09-27 (bundled calendar: 国庆 2024, make-up Sun 09-29 and Sat 10-12): 20
// working days, due 2024-10-30; every step below is dated before that
const NOW = Date.parse('2024-10-20T10:00:00+08:00')
const request = {
  channel: 'director_mailbox',
  applicantType: 'natural_person',
  applicantName: '日历',
  receiptMethod: 'in_person',
  receivedOn: '2024-09-27',
  subject: '日历重算',
  body: '请公开某文件。',
}
type Inquiry = { inquiry: { dueAt: string; events: { type: string }[] } }
type View = { clock: { due: { date: string } | null } }

describe('a calendar change and the disclosure clock', () => {
  it('keeps an extension, a 补正 restart and a consultation in the due date it recomputes', async () => {
    const d = await setupDesk(() => NOW)
    await ensureDeadlineSetup(d.db, NOW)
    const manager = await signIn(d, 'manager')
    const admin = await signIn(d, 'admin')
    const open = async (steps: Record<string, unknown>[]) => {
      const res = await call(d, manager, 'POST', '/disclosure/requests', request)
      const id = ((await res.json()) as { request: { inquiryId: number } }).request.inquiryId
      for (const [i, step] of steps.entries()) {
        const r = await call(d, manager, 'POST', `/disclosure/requests/${id}/actions`, {
          version: i + 1,
          ...step,
        })
        expect(r.status).toBe(200)
      }
      return id
    }
    const dueAt = async (id: number) =>
      ((await (await call(d, manager, 'GET', `/inquiries/${id}`)).json()) as Inquiry).inquiry
    const clockDue = async (id: number) =>
      ((await (await call(d, manager, 'GET', `/disclosure/requests/${id}`)).json()) as View).clock
        .due?.date
    // 10-30 + 10 working days: 10-31, 11-01, 11-04..08, 11-11..13
    const extended = await open([{ action: 'extend', on: '2024-10-15', workingDays: 10 }])
    // restarts on 10-14: 10-15..18, 21..25, 28..11-01, 11-04..08, 11-11
    const corrected = await open([
      { action: 'request_correction', on: '2024-10-08', answerBy: '2024-10-15' },
      { action: 'receive_correction', on: '2024-10-14' },
    ])
    // 10-08 to 10-14 adds 10-09, 10, 11, 12 (make-up Sat), 14: 10-30 + 5 = 11-06
    const consulted = await open([
      { action: 'start_consultation', on: '2024-10-08', party: 'third_party' },
      { action: 'end_consultation', on: '2024-10-14' },
    ])
    const plain = await open([])
    expect((await dueAt(extended)).dueAt).toBe('2024-11-13T17:00:00.000+08:00')
    expect((await dueAt(corrected)).dueAt).toBe('2024-11-11T17:00:00.000+08:00')
    expect((await dueAt(consulted)).dueAt).toBe('2024-11-06T17:00:00.000+08:00')

    // a day far away changes nothing
    const far = await call(d, admin, 'PUT', '/calendar/days/2026-05-06', {
      isOffDay: true,
      name: '测试',
    })
    expect(far.status).toBe(200)
    const farBody = (await far.json()) as { recompute: { moved: unknown[] } }
    expect(farBody.recompute.moved).toEqual([])

    // a day off on Tue 11-05 moves each of them one working day, from its own clock's date
    const near = await call(d, admin, 'PUT', '/calendar/days/2024-11-05', {
      isOffDay: true,
      name: '测试',
    })
    expect(near.status).toBe(200)
    const expected: [number, string][] = [
      [extended, '2024-11-14'],
      [corrected, '2024-11-12'],
      [consulted, '2024-11-07'],
      [plain, '2024-10-30'],
    ]
    for (const [id, date] of expected) {
      expect((await dueAt(id)).dueAt).toBe(`${date}T17:00:00.000+08:00`)
      expect(await clockDue(id)).toBe(date)
    }
    expect((await dueAt(plain)).events.some((e) => e.type === 'due_changed')).toBe(false)
  })
})
