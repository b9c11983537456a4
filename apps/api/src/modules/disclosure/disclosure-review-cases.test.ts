import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn, T0 } from '../../test/setup.ts'

// T0 is Fri 2024-09-27 09:30 Beijing time
async function desk(at: { now: number }) {
  const d = await setupDesk(() => at.now)
  await ensureDeadlineSetup(d.db, T0)
  return d
}
type Case = { id: number; result: string; concludedAt: number | null; note: string }
type View = { request: { inquiryId: number }; reviewCases: Case[] }
type Table = { sectionFour: { kind: string; cells: { column: string; count: number }[] }[] }
type Detail = { inquiry: { events: { type: string; actor: string | null; data: unknown }[] } }

/** The review row of section 四 as `{ column: count }`. */
async function reviewRow(
  d: Awaited<ReturnType<typeof desk>>,
  s: Parameters<typeof call>[1],
  year: number,
) {
  const table = (await (
    await call(d, s, 'GET', `/reports/disclosure?year=${year}`)
  ).json()) as Table
  const row = table.sectionFour.find((k) => k.kind === 'review')
  return Object.fromEntries((row?.cells ?? []).map((c) => [c.column, c.count]))
}

describe('a review case concluded after filing', () => {
  it('moves from 尚未审结 to its result once, counted once in its filing year, with a timeline event', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    const m = await signIn(d, 'manager')
    const created = await call(d, m, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'natural_person',
      applicantName: '张某',
      receiptMethod: 'in_person',
      receivedOn: '2024-09-02',
      subject: '申请公开某路段拓宽工程的征收补偿方案',
      body: '请公开补偿方案。',
    })
    const id = ((await created.json()) as View).request.inquiryId
    // a case cannot be filed before the request it is against was received
    const before = await call(d, m, 'POST', `/disclosure/requests/${id}/review-cases`, {
      version: 1,
      kind: 'review',
      filedOn: '2024-09-01',
    })
    expect(before.status).toBe(422)
    const refused = (await before.json()) as { error: { details: { path: string[] }[] } }
    expect(refused.error.details.map((p) => p.path.join('.'))).toEqual(['filedOn'])
    const filed = await call(d, m, 'POST', `/disclosure/requests/${id}/review-cases`, {
      version: 1,
      kind: 'review',
      filedOn: '2024-09-20',
    })
    expect(filed.status).toBe(201)
    const caseId = ((await filed.json()) as { reviewCase: Case }).reviewCase.id
    expect(await reviewRow(d, m, 2024)).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    })

    const path = `/disclosure/requests/${id}/review-cases/${caseId}/conclusion`
    const conclusion = { kind: 'review', result: 'corrected', concludedOn: '2024-09-26' }
    // the filing bumped the request's version: a client that saw version 1 is told
    const stale = await call(d, m, 'POST', path, { ...conclusion, version: 1 })
    expect(stale.status).toBe(409)
    const s = await signIn(d, 'responder')
    expect((await call(d, s, 'POST', path, { ...conclusion, version: 2 })).status).toBe(403)
    const early = await call(d, m, 'POST', path, {
      ...conclusion,
      version: 2,
      concludedOn: '2024-09-19',
    })
    expect(early.status).toBe(422)
    expect(((await early.json()) as { error: { details: unknown } }).error.details).toEqual([
      { path: ['concludedOn'], message: 'before the filing (2024-09-20)' },
    ])
    const future = await call(d, m, 'POST', path, {
      ...conclusion,
      version: 2,
      concludedOn: '2024-09-28',
    })
    expect(future.status).toBe(422)
    const done = await call(d, m, 'POST', path, {
      ...conclusion,
      version: 2,
      note: '某复决字〔2024〕7号',
    })
    expect(done.status).toBe(200)
    const view = (await done.json()) as View
    expect(view.reviewCases.map((c) => [c.id, c.result, c.note])).toEqual([
      [caseId, 'corrected', '某复决字〔2024〕7号'],
    ])
    expect(await reviewRow(d, m, 2024)).toEqual({
      upheld: 0,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 1,
    })
    // a concluded case keeps its result
    const again = await call(d, m, 'POST', path, { ...conclusion, version: 3, result: 'upheld' })
    expect(again.status).toBe(409)
    expect(
      ((await again.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('case_concluded')

    const { inquiry } = (await (await call(d, m, 'GET', `/inquiries/${id}`)).json()) as Detail
    const mine = inquiry.events.filter((e) => e.type.startsWith('review_case_'))
    expect(mine.map((e) => [e.type, e.actor, e.data])).toEqual([
      [
        'review_case_filed',
        'manager1 name',
        { caseId, kind: 'review', filedOn: '2024-09-20', result: 'pending' },
      ],
      [
        'review_case_concluded',
        'manager1 name',
        {
          caseId,
          kind: 'review',
          result: 'corrected',
          concludedOn: '2024-09-26',
          note: '某复决字〔2024〕7号',
        },
      ],
    ])
  })

  it('counts a case filed in one year and concluded in the next as 尚未审结 in the first year, not at all in the second', async () => {
    // entered in February of the next year, as a register is often kept
    const at = { now: Date.parse('2025-02-10T10:00:00+08:00') }
    const d = await desk(at)
    const m = await signIn(d, 'manager')
    // signIn's users set their password at T0, expired (90 days) by February
    await d.db.update(tables(d.db).users).set({ passwordChangedAt: at.now })
    const created = await call(d, m, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'commercial',
      applicantName: '某公司',
      receiptMethod: 'in_person',
      receivedOn: '2024-11-04',
      subject: '申请公开某项目环评批复',
      body: '请公开。',
    })
    const id = ((await created.json()) as View).request.inquiryId
    const filed = await call(d, m, 'POST', `/disclosure/requests/${id}/review-cases`, {
      kind: 'review',
      filedOn: '2024-12-18',
    })
    const caseId = ((await filed.json()) as { reviewCase: Case }).reviewCase.id
    const done = await call(
      d,
      m,
      'POST',
      `/disclosure/requests/${id}/review-cases/${caseId}/conclusion`,
      {
        version: 2,
        result: 'upheld',
        concludedOn: '2025-02-07',
      },
    )
    expect(done.status).toBe(200)
    expect(await reviewRow(d, m, 2024)).toMatchObject({ pending: 1, upheld: 0, total: 1 })
    expect(await reviewRow(d, m, 2025)).toMatchObject({ pending: 0, upheld: 0, total: 0 })
  })
})
