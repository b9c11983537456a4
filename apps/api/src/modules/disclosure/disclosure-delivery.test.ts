import { describe, expect, it } from 'vitest'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn, T0 } from '../../test/setup.ts'

// T0 is Fri 2024-09-27 09:30 Beijing time: the document is signed off that day
type Attempt = {
  method: string
  deliveredOn: string
  trackingNumber: string
  result: string
  note: string
  recordedBy: string | null
}
type Version = {
  id: number
  status: string
  deliveryMethod: string | null
  deliveredAt: number | null
  trackingNumber: string | null
  deliveries: Attempt[]
}
type View = { request: { inquiryId: number }; answers: Version[] }
type ApiError = { error: { code: string; details?: { path: string[]; message: string }[] } }

describe('delivering the signed answer document', () => {
  it('keeps every attempt in order; the first delivered one counts and a later one does not overwrite it', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const m = await signIn(d, 'manager', 'head')
    const created = await call(d, s, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'natural_person',
      applicantName: '周敏',
      receiptMethod: 'online',
      receivedOn: '2024-09-20',
      subject: '立项批复',
      body: '请公开立项批复文件。',
    })
    const id = ((await created.json()) as View).request.inquiryId
    const path = `/disclosure/requests/${id}`
    await call(d, s, 'POST', `${path}/actions`, {
      version: 1,
      action: 'decide',
      on: '2024-09-26',
      outcome: 'grant',
    })
    const submitted = (await (
      await call(d, s, 'POST', `${path}/answers`, { version: 2, agency: '某局' })
    ).json()) as View
    await call(d, m, 'POST', `${path}/answers/${submitted.answers[0]!.id}/sign-off`, {
      version: 3,
    })
    const deliver = (version: number, body: Record<string, unknown>) =>
      call(d, s, 'POST', `${path}/delivery`, { version, ...body })

    // a day before the sign-off (2024-09-27) or after today is refused, naming the field
    for (const day of ['2024-09-26', '2024-09-28']) {
      const bad = await deliver(4, { method: 'post', deliveredOn: day })
      expect(bad.status).toBe(422)
      expect(((await bad.json()) as ApiError).error.details?.[0]?.path).toEqual(['deliveredOn'])
    }

    expect(
      (
        await deliver(4, {
          method: 'post',
          deliveredOn: '2024-09-27',
          trackingNumber: 'EMS123',
          result: 'failed',
          note: '地址不详，退回',
        })
      ).status,
    ).toBe(200)
    expect(
      (await deliver(5, { method: 'in_person', deliveredOn: '2024-09-27', note: '本人领取' }))
        .status,
    ).toBe(200)
    const last = await deliver(6, { method: 'email', deliveredOn: '2024-09-27' })
    expect(last.status).toBe(200)
    const signed = ((await last.json()) as View).answers[0]!
    // the counted delivery is the first delivered attempt, not the latest record
    expect([signed.deliveryMethod, signed.deliveredAt, signed.trackingNumber]).toEqual([
      'in_person',
      Date.parse('2024-09-27T00:00:00+08:00'),
      null,
    ])
    expect(
      signed.deliveries.map((a) => [a.method, a.deliveredOn, a.trackingNumber, a.result, a.note]),
    ).toEqual([
      ['post', '2024-09-27', 'EMS123', 'failed', '地址不详，退回'],
      ['in_person', '2024-09-27', '', 'delivered', '本人领取'],
      ['email', '2024-09-27', '', 'delivered', ''],
    ])
    expect(signed.deliveries[0]?.recordedBy).toBe('responder1 name')
  })
})
