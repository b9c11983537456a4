import { formatInstant } from '@desk/domain'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { T0, call, setupDesk, signIn, type Desk, type Session } from '../../test/setup.ts'

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

type Inquiry = {
  id: number
  status: string
  category: string
  citizenName: string
  dueAt: string
  events: { type: string }[]
}

async function desk() {
  const d = await setupDesk()
  await ensureDeadlineSetup(d.db, T0)
  return d
}

describe('POST /proposals', () => {
  it('registers a lead-unit suggestion as an inquiry, due 3 months after assignment, deputy masked', async () => {
    const d = await desk()
    const s = await signIn(d)
    const res = await call(d, s, 'POST', '/proposals', suggestion())
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: Inquiry
    }
    expect([inquiry.status, inquiry.category, inquiry.citizenName]).toEqual(['new', '主办', '王**'])
    // 2024-03-29 + 3 months = 2024-06-29, a Saturday: the next working day, Monday 07-01
    expect(inquiry.dueAt).toBe('2024-07-01T17:00:00.000+08:00')
    const { inquiries } = tables(d.db)
    expect(
      (
        await d.db
          .select({ kind: inquiries.kind })
          .from(inquiries)
          .where(eq(inquiries.id, id))
          .limit(1)
      )[0]?.kind,
    ).toBe('proposal')
    expect(inquiry.events.map((e) => e.type)).toEqual(['received'])
    const { proposal } = (await (await call(d, s, 'GET', `/proposals/${id}`)).json()) as {
      proposal: Record<string, unknown>
    }
    expect(proposal).toMatchObject({
      reference: '市人大十六届二次会议第0123号',
      source: '市人大',
      role: 'lead',
      leadUnit: null,
      assignedOn: '2024-03-29',
      consultations: [],
    })
  })

  it('gives a co-unit item one month for its opinion to the lead unit', async () => {
    const d = await desk()
    const s = await signIn(d)
    const res = await call(
      d,
      s,
      'POST',
      '/proposals',
      suggestion({ role: 'co', leadUnit: '市城乡建设委员会', assignedOn: '2024-01-31' }),
    )
    const { id } = (await res.json()) as { id: number }
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: Inquiry
    }
    // 2024-01-31 + 1 month: February has no 31st, so its last day, Thursday 02-29
    expect([inquiry.category, inquiry.dueAt]).toEqual(['协办', '2024-02-29T17:00:00.000+08:00'])
  })

  it('counts proposals in the queue like any other inquiry, on their own channel', async () => {
    const d = await desk()
    const s = await signIn(d)
    await call(d, s, 'POST', '/proposals', suggestion())
    await call(
      d,
      s,
      'POST',
      '/proposals',
      suggestion({ number: '0124', role: 'co', leadUnit: '市交通局' }),
    )
    const counts = (await (await call(d, s, 'GET', '/inquiries/counts')).json()) as {
      byChannel: Record<string, number>
    }
    expect(counts.byChannel.proposals).toBe(2)
    const queue = (await (await call(d, s, 'GET', '/inquiries?channel=proposals')).json()) as {
      items: { subject: string }[]
    }
    expect(queue.items).toHaveLength(2)
  })

  it('answers 409 for a session and number registered already, 422 naming the field, 403 for the register to a responder', async () => {
    const d = await desk()
    const s = await signIn(d)
    expect((await call(d, s, 'POST', '/proposals', suggestion())).status).toBe(201)
    const again = await call(d, s, 'POST', '/proposals', suggestion({ title: '另一条' }))
    expect(again.status).toBe(409)
    const bad = await call(
      d,
      s,
      'POST',
      '/proposals',
      suggestion({ role: 'co', assignedOn: '2024-02-30' }),
    )
    expect(bad.status).toBe(422)
    const details = (
      (await bad.json()) as { error: { details: { path: string[] }[] } }
    ).error.details.map((x) => x.path.join('.'))
    expect(details.sort()).toEqual(['assignedOn', 'leadUnit'])
    expect((await call(d, s, 'GET', '/proposals?year=2024')).status).toBe(403)
  })

  it("lists a year's register for a manager, naming the deputies (public office), not their contact", async () => {
    const d = await desk()
    const m = await signIn(d, 'manager')
    await call(d, m, 'POST', '/proposals', suggestion())
    await call(d, m, 'POST', '/proposals', suggestion({ number: '0200', assignedOn: '2023-12-31' }))
    const { proposals } = (await (await call(d, m, 'GET', '/proposals?year=2024')).json()) as {
      proposals: Record<string, unknown>[]
    }
    expect(proposals).toEqual([
      expect.objectContaining({
        reference: '市人大十六届二次会议第0123号',
        deputyName: '王建国',
        status: 'new',
      }),
    ])
    expect(JSON.stringify(proposals)).not.toContain('13912345678')
  })
})

type View = {
  inquiry: {
    status: string
    version: number
    satisfaction: string | null
    events: { type: string; actor: string | null }[]
  }
  proposal: Record<string, unknown>
}

describe('a proposal through its lifecycle', () => {
  it('refuses the drafter signing off their own answer (403 own_draft); another manager or an admin signs it', async () => {
    const d = await desk()
    const m = await signIn(d, 'manager')
    const other = await signIn(d, 'manager', 'manager2')
    const { id } = (await (await call(d, m, 'POST', '/proposals', suggestion())).json()) as {
      id: number
    }
    const drafted = await call(d, m, 'POST', `/proposals/${id}/answer`, {
      version: 1,
      category: 'A',
      body: '王代表：该建议已采纳。',
    })
    expect(drafted.status).toBe(200)
    const own = await call(d, m, 'POST', `/proposals/${id}/answer/sign-off`, { version: 2 })
    expect(own.status).toBe(403)
    const refused = (await own.json()) as { error: { details: { reason: string } } }
    expect(refused.error.details.reason).toBe('own_draft')
    const sent = await call(d, other, 'POST', `/proposals/${id}/answer/sign-off`, { version: 2 })
    expect(sent.status).toBe(200)
    expect(((await sent.json()) as View).inquiry.status).toBe('replied')
  })

  it('refuses a consultation held in the future, before the assignment or with an unknown key (422 naming it), writing nothing', async () => {
    const d = await desk()
    const r = await signIn(d)
    const { id } = (await (await call(d, r, 'POST', '/proposals', suggestion())).json()) as {
      id: number
    }
    await call(d, r, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    const consult = (extra: Record<string, unknown>) =>
      call(d, r, 'POST', `/proposals/${id}/consultations`, {
        version: 2,
        heldOn: '2024-04-15',
        form: 'phone',
        participants: '孙代表',
        ...extra,
      })
    const refusal = async (res: Response) => {
      expect(res.status).toBe(422)
      return ((await res.json()) as { error: { message: string; details: unknown } }).error
    }
    // today (T0) is 2024-09-27 in Beijing; the suggestion was assigned on 2024-03-29
    expect((await refusal(await consult({ heldOn: '2025-07-27' }))).details).toEqual([
      { path: ['heldOn'], message: 'in the future' },
    ])
    expect((await refusal(await consult({ heldOn: '2024-03-28' }))).details).toEqual([
      { path: ['heldOn'], message: 'before the assignment (2024-03-29)' },
    ])
    expect((await refusal(await consult({ summary: '面商纪要' }))).message).toContain('summary')
    const ok = await consult({ heldOn: '2024-03-29' })
    expect(ok.status).toBe(200)
    const { proposal } = (await ok.json()) as { proposal: { consultations: { heldOn: string }[] } }
    expect(proposal.consultations.map((c) => c.heldOn)).toEqual(['2024-03-29'])
  })

  it('lead unit: consulted, answer drafted, signed off by a manager, rated 不满意 and re-handled, then 满意 and closed, counted in the draft', async () => {
    const d = await desk()
    const r = await signIn(d)
    const m = await signIn(d, 'manager')
    const { id } = (await (
      await call(d, r, 'POST', '/proposals', suggestion({ isKey: true }))
    ).json()) as { id: number }
    const step = async (s: typeof r, path: string, body: Record<string, unknown>, status = 200) => {
      const { inquiry } = (await (await call(d, s, 'GET', `/proposals/${id}`)).json()) as View
      const res = await call(d, s, 'POST', `/proposals/${id}${path}`, {
        version: inquiry.version,
        ...body,
      })
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status)
      return (await res.json()) as View & { error: { details: { reason: string } } }
    }
    await call(d, r, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    const consulted = await step(r, '/consultations', {
      heldOn: '2024-04-15',
      form: 'face_to_face',
      participants: '王建国代表；规划处张处长',
    })
    expect(consulted.proposal.consultations).toEqual([
      expect.objectContaining({
        heldOn: '2024-04-15',
        form: 'face_to_face',
        createdBy: 'responder1 name',
      }),
    ])
    await step(r, '/answer', { category: 'B', body: '该建议已列入2025年老旧小区改造计划。' })
    expect((await step(r, '/answer/sign-off', {}, 403)).error.details.reason).toBe('role')
    const sent = await step(m, '/answer/sign-off', {})
    expect([sent.inquiry.status, sent.proposal.answerCategory, sent.proposal.answerSentAt]).toEqual(
      ['replied', 'B', T0],
    )
    expect((await step(m, '/answer/sign-off', {}, 409)).error.details.reason).toBe('invalid_status')

    const rehandled = await step(r, '/rating', { rating: 'unsatisfied', note: '希望加快进度' })
    expect([rehandled.inquiry.status, rehandled.inquiry.satisfaction]).toEqual([
      'assigned',
      'unsatisfied',
    ])
    expect((await step(m, '/answer/sign-off', {}, 409)).error.details.reason).toBe('draft_status')
    await step(r, '/answer', { category: 'A', body: '已于2024年内完成改造。' })
    await step(m, '/answer/sign-off', {})
    const closed = await step(r, '/rating', { rating: 'satisfied' })
    expect([closed.inquiry.status, closed.proposal.rating, closed.proposal.answerCategory]).toEqual(
      ['closed', 'satisfied', 'A'],
    )
    expect(closed.inquiry.events.map((e) => e.type)).toEqual([
      'received',
      'claimed',
      'consultation_recorded',
      'answer_drafted',
      'answer_sent',
      'rated',
      'rehandled',
      'answer_drafted',
      'answer_sent',
      'rated',
    ])
    expect(
      closed.inquiry.events.filter((e) => e.type === 'answer_sent').map((e) => e.actor),
    ).toEqual(['manager1 name', 'manager1 name'])

    const { report } = (await (await call(d, m, 'GET', '/reports/annual/2024')).json()) as {
      report: { sentences: { key: string; text: string }[] }
    }
    expect(report.sentences.find((s) => s.key === 'proposals')?.text).toBe(
      '2024年，我局共承办市人大建议1件，均为主办件。主办市人大重点建议1件。',
    )
  })

  it('co-unit: only the opinion to the lead unit, late when sent after its one month', async () => {
    const d = await desk()
    const r = await signIn(d)
    const m = await signIn(d, 'manager')
    const body = suggestion({ role: 'co', leadUnit: '市城乡建设委员会', assignedOn: '2024-01-31' })
    const { id } = (await (await call(d, r, 'POST', '/proposals', body)).json()) as { id: number }
    const draft = await call(d, r, 'POST', `/proposals/${id}/answer`, {
      version: 1,
      category: 'A',
      body: '答复',
    })
    expect(draft.status).toBe(409)
    expect(
      ((await draft.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('category')
    // an opinion is sent after the assignment (2024-01-31) and not after today (T0, 2024-09-27)
    for (const [sentOn, message] of [
      ['2024-01-30', 'before the assignment (2024-01-31)'],
      ['2024-09-28', 'in the future'],
    ] as const) {
      const refused = await call(d, r, 'POST', `/proposals/${id}/opinion`, {
        version: 1,
        sentOn,
        text: '意见',
      })
      expect(refused.status).toBe(422)
      expect(((await refused.json()) as { error: { details: unknown } }).error.details).toEqual([
        { path: ['sentOn'], message },
      ])
    }
    const res = await call(d, r, 'POST', `/proposals/${id}/opinion`, {
      version: 1,
      sentOn: '2024-09-27',
      text: '同意主办单位意见，我局将配合做好规划保障。',
    })
    expect(res.status).toBe(200)
    const view = (await res.json()) as View
    expect([view.inquiry.status, view.proposal.opinionSentOn]).toEqual(['replied', '2024-09-27'])
    expect(view.inquiry.events.map((e) => e.type)).toEqual(['received', 'opinion_sent'])
    // due 2024-02-29 (one month), sent 2024-09-27: late
    const late = (await (
      await call(d, m, 'GET', '/inquiries/counts?status=all&replied=late')
    ).json()) as { byChannel: Record<string, number> }
    expect(late.byChannel.proposals).toBe(1)
    expect(
      (await call(d, r, 'POST', `/proposals/${id}/rating`, { version: 2, rating: 'satisfied' }))
        .status,
    ).toBe(409)
  })

  it('answers 404 for an inquiry that is not a proposal and 422 for a bad rating', async () => {
    const d = await desk()
    const r = await signIn(d)
    const { id } = (await (await call(d, r, 'POST', '/proposals', suggestion())).json()) as {
      id: number
    }
    expect(
      (await call(d, r, 'POST', `/proposals/${id}/rating`, { version: 1, rating: 'great' })).status,
    ).toBe(422)
    expect((await call(d, r, 'GET', '/proposals/999')).status).toBe(404)
  })
})

type Facts = { coUnits: string[]; coUnitOpinionsDueAt: number | null }

async function register(d: Desk, s: Session, extra: Record<string, unknown>) {
  const res = await call(d, s, 'POST', '/proposals', suggestion(extra))
  expect(res.status).toBe(201)
  const { id } = (await res.json()) as { id: number }
  return (await (await call(d, s, 'GET', `/proposals/${id}`)).json()) as {
    inquiry: Inquiry
    proposal: Facts
  }
}

describe('co-units (协办单位) and a stated due date', () => {
  it("keeps a lead item's co-units in order, their opinions due by the co-unit policy; a stated due date replaces the policy's", async () => {
    const d = await desk()
    const s = await signIn(d)
    const lead = await register(d, s, {
      assignedOn: '2024-01-31',
      coUnits: ['市住建局', '市财政局'],
      dueOn: '2024-03-29',
    })
    expect(lead.proposal.coUnits).toEqual(['市住建局', '市财政局'])
    // 2024-01-31 + 1 month: February has no 31st, so its last day, Thursday 02-29
    expect(formatInstant(lead.proposal.coUnitOpinionsDueAt ?? 0)).toBe(
      '2024-02-29T17:00:00.000+08:00',
    )
    // the stated date (a Friday), not the policy's 3 months
    expect(lead.inquiry.dueAt).toBe('2024-03-29T17:00:00.000+08:00')
    const alone = await register(d, s, { number: '0124', assignedOn: '2024-01-31' })
    expect(alone.proposal).toMatchObject({ coUnits: [], coUnitOpinionsDueAt: null })
    // 2024-01-31 + 3 months = 04-30, a Tuesday
    expect(alone.inquiry.dueAt).toBe('2024-04-30T17:00:00.000+08:00')
  })
})
