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
})
