import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { inquiries } from '../../db/schema.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { T0, call, setupDesk, signIn } from '../../test/setup.ts'

export const suggestion = (extra: Record<string, unknown> = {}) => ({
  source: '市人大',
  session: '市人大十六届二次会议',
  number: '0123',
  role: 'lead',
  isKey: false,
  title: '关于加快老旧小区改造的建议',
  body: '建议加快推进老旧小区改造，完善配套设施。',
  deputyName: '王建国',
  deputyContact: '13912345678',
  assignedOn: '2024-03-29',
  ...extra,
})

type Inquiry = { id: number; status: string; category: string; citizenName: string; dueAt: string; events: { type: string }[] }

function desk() {
  const d = setupDesk()
  ensureDeadlineSetup(d.db, T0)
  return d
}

describe('POST /proposals', () => {
  it('registers a lead-unit suggestion as an inquiry, due 3 months after assignment, deputy masked', async () => {
    const d = desk()
    const s = await signIn(d)
    const res = await call(d, s, 'POST', '/proposals', suggestion())
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as { inquiry: Inquiry }
    expect([inquiry.status, inquiry.category, inquiry.citizenName]).toEqual(['new', '主办', '王**'])
    // 2024-03-29 + 3 months = 2024-06-29, a Saturday: the next working day, Monday 07-01
    expect(inquiry.dueAt).toBe('2024-07-01T17:00:00.000+08:00')
    expect(d.db.select({ kind: inquiries.kind }).from(inquiries).where(eq(inquiries.id, id)).get()?.kind).toBe('proposal')
    expect(inquiry.events.map((e) => e.type)).toEqual(['received'])
    const { proposal } = (await (await call(d, s, 'GET', `/proposals/${id}`)).json()) as { proposal: Record<string, unknown> }
    expect(proposal).toMatchObject({ reference: '市人大十六届二次会议第0123号', source: '市人大', role: 'lead', leadUnit: null, assignedOn: '2024-03-29', consultations: [] })
  })

  it('gives a co-unit item one month for its opinion to the lead unit', async () => {
    const d = desk()
    const s = await signIn(d)
    const res = await call(d, s, 'POST', '/proposals', suggestion({ role: 'co', leadUnit: '市城乡建设委员会', assignedOn: '2024-01-31' }))
    const { id } = (await res.json()) as { id: number }
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as { inquiry: Inquiry }
    // 2024-01-31 + 1 month: February has no 31st, so its last day, Thursday 02-29
    expect([inquiry.category, inquiry.dueAt]).toEqual(['协办', '2024-02-29T17:00:00.000+08:00'])
  })

  it('counts proposals in the queue like any other inquiry, on their own channel', async () => {
    const d = desk()
    const s = await signIn(d)
    await call(d, s, 'POST', '/proposals', suggestion())
    await call(d, s, 'POST', '/proposals', suggestion({ number: '0124', role: 'co', leadUnit: '市交通局' }))
    const counts = (await (await call(d, s, 'GET', '/inquiries/counts')).json()) as { byChannel: Record<string, number> }
    expect(counts.byChannel.proposals).toBe(2)
    const queue = (await (await call(d, s, 'GET', '/inquiries?channel=proposals')).json()) as { items: { subject: string }[] }
    expect(queue.items).toHaveLength(2)
  })

  it('answers 409 for a session and number registered already, 422 naming the field, 403 for the register to a responder', async () => {
    const d = desk()
    const s = await signIn(d)
    expect((await call(d, s, 'POST', '/proposals', suggestion())).status).toBe(201)
    const again = await call(d, s, 'POST', '/proposals', suggestion({ title: '另一条' }))
    expect(again.status).toBe(409)
    const bad = await call(d, s, 'POST', '/proposals', suggestion({ role: 'co', assignedOn: '2024-02-30' }))
    expect(bad.status).toBe(422)
    const details = ((await bad.json()) as { error: { details: { path: string[] }[] } }).error.details.map((x) => x.path.join('.'))
    expect(details.sort()).toEqual(['assignedOn', 'leadUnit'])
    expect((await call(d, s, 'GET', '/proposals?year=2024')).status).toBe(403)
  })

  it('lists a year\'s register for a manager, deputies masked', async () => {
    const d = desk()
    const m = await signIn(d, 'manager')
    await call(d, m, 'POST', '/proposals', suggestion())
    await call(d, m, 'POST', '/proposals', suggestion({ number: '0200', assignedOn: '2023-12-31' }))
    const { proposals } = (await (await call(d, m, 'GET', '/proposals?year=2024')).json()) as { proposals: Record<string, unknown>[] }
    expect(proposals).toEqual([expect.objectContaining({ reference: '市人大十六届二次会议第0123号', deputyName: '王**', status: 'new' })])
  })
})
