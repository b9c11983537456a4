import { UNSIGNED_DATE } from '@desk/domain'
import mammoth from 'mammoth'
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
  applicantType: 'legal_service',
  applicantName: '某律师事务所',
  receiptMethod: 'registered_post',
  receivedOn: '2024-09-27',
  subject: '申请公开某地块2023年土地出让合同',
  body: '请公开某地块国有建设用地使用权出让合同及附件。',
  ...extra,
})
type View = {
  request: { inquiryId: number; outcome: string | null }
  clock: { state: string; due: { date: string } | null; clockStart: string | null }
  explanation: { zh: string; en: string }
}
type Table = {
  sectionThree: {
    row: string
    labelZh: string
    cells: { column: string; count: number; link: Record<string, string> }[]
  }[]
  sectionFour: { kind: string; cells: { column: string; count: number }[] }[]
  sentences: { intake: string; review: string }
}
const cell = (t: Table, row: string, column: string) =>
  t.sectionThree.find((r) => r.row === row)?.cells.find((c) => c.column === column)

describe('the disclosure register', () => {
  it('enters a request, asks for 补正, restarts the clock when it arrives, decides 部分公开, and counts it in its cell', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    let s = await signIn(d)
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    expect(created.status).toBe(201)
    let view = (await created.json()) as View
    const id = view.request.inquiryId
    // 20 working days from Fri 09-27: 09-29 (Sun, make-up) 1, 09-30 2, 10-08..12 (Sat, make-up) 7,
    // 10-14..18 12, 10-21..25 17, 10-28, 29, 30 20
    expect(view.clock.due?.date).toBe('2024-10-30')
    await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    // sessions expire as the days pass: a fresh manager's for each later day (a manager may act on a claimed request)
    let n = 0
    const later = async (iso: string) => {
      at.now = Date.parse(iso)
      return signIn(d, 'manager', `head${++n}`)
    }
    s = await later('2024-10-10T10:00:00+08:00')
    const corr = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 2,
      action: 'request_correction',
      on: '2024-10-10',
      answerBy: '2024-10-25',
    })
    expect(corr.status).toBe(200)
    view = (await corr.json()) as View
    expect(view.clock.state).toBe('awaiting_correction')
    const early = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 3,
      action: 'decide',
      on: '2024-10-10',
      outcome: 'grant',
    })
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: { message: string } }).error.message).toBe(
      'Cannot decide outcome grant while the clock is awaiting_correction',
    )
    s = await later('2024-10-12T10:00:00+08:00')
    view = (await (
      await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version: 3,
        action: 'receive_correction',
        on: '2024-10-12',
      })
    ).json()) as View
    expect([view.clock.state, view.clock.clockStart, view.clock.due?.date]).toEqual([
      'running',
      '2024-10-12',
      '2024-11-08',
    ])
    expect(view.explanation.zh).toContain('2024-10-12收到补正后的申请')
    s = await later('2024-10-30T10:00:00+08:00')
    const decided = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 4,
      action: 'decide',
      on: '2024-10-30',
      outcome: 'partial',
    })
    expect(decided.status).toBe(200)
    const again = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 5,
      action: 'decide',
      on: '2024-10-30',
      outcome: 'grant',
    })
    expect(again.status).toBe(409)
    // an extension after the decision is refused under its own name, not as a decision
    const extended = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 5,
      action: 'extend',
      on: '2024-10-30',
      workingDays: 20,
    })
    expect(extended.status).toBe(409)
    expect(((await extended.json()) as { error: { message: string } }).error.message).toMatch(
      new RegExp(`^Cannot extend the reply deadline of inquiry ${id}: `),
    )

    const m = s
    const table = (await (await call(d, m, 'GET', '/reports/disclosure?year=2024')).json()) as Table
    expect(cell(table, 'partial', 'legal_service')?.count).toBe(1)
    expect(cell(table, 'new', 'total')?.count).toBe(1)
    expect(cell(table, 'carried_out', 'total')?.count).toBe(0)
    expect(table.sentences.intake).toBe('全年共受理依申请公开1件，均全部办结。')
    const link = new URLSearchParams(cell(table, 'partial', 'legal_service')?.link)
    const register = (await (await call(d, m, 'GET', `/disclosure/register?${link}`)).json()) as {
      requests: { items: { id: number; outcome: string }[] }
    }
    expect(register.requests.items.map((r) => [r.id, r.outcome])).toEqual([[id, 'partial']])
    const noCell = await call(d, m, 'GET', '/disclosure/register?year=2024')
    expect(noCell.status).toBe(422)
    expect(((await noCell.json()) as { error: { message: string } }).error.message).toMatch(
      /year with row and column, or year with review and column/,
    )
  })

  it('extends by the clock step only: refuses the generic 申请延期 (409 clock_step, nothing written), and a calendar change keeps the extended due date', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    const s = await signIn(d, 'manager', 'head')
    const id = (
      (await (await call(d, s, 'POST', '/disclosure/requests', request())).json()) as View
    ).request.inquiryId
    const step = (body: Record<string, unknown>) =>
      call(d, s, 'POST', `/disclosure/requests/${id}/actions`, body)
    // the full 20 working days of 第三十三条: 10-30 + 20 = 11-27 (10-31, 11-01, 11-04 … 11-27)
    const extended = await step({ version: 1, action: 'extend', on: '2024-09-27', workingDays: 20 })
    expect(((await extended.json()) as View).clock.due?.date).toBe('2024-11-27')
    type Detail = {
      inquiry: { version: number; dueAt: string; events: { type: string }[] }
      deadline: { extensions: unknown[] }
    }
    const detail = async () =>
      (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as Detail
    const before = await detail()
    expect(before.inquiry.dueAt).toBe('2024-11-27T17:00:00.000+08:00')

    const asked = await call(d, s, 'POST', `/inquiries/${id}/extensions`, { reason: '情况复杂' })
    expect(asked.status).toBe(409)
    const body = (await asked.json()) as { error: { message: string; details: { reason: string } } }
    expect(body.error.details.reason).toBe('clock_step')
    expect(body.error.message).toContain('延期')
    expect(body.error.message).toContain(`/api/disclosure/requests/${id}/actions`)
    const after = await detail()
    expect(after.deadline.extensions).toEqual([])
    expect(after.inquiry.version).toBe(before.inquiry.version)
    expect(after.inquiry.events.map((e) => e.type)).toEqual(
      before.inquiry.events.map((e) => e.type),
    )

    // a worked Saturday inside the extended period moves the clock's due date one day earlier,
    // the extension still counted (the generic rule alone would put it back at 10-30)
    const admin = await signIn(d, 'admin', 'admin')
    const changed = await call(d, admin, 'PUT', '/calendar/days/2024-11-16', {
      isOffDay: false,
      name: '测试调休',
    })
    expect(changed.status).toBe(200)
    expect((await detail()).inquiry.dueAt).toBe('2024-11-26T17:00:00.000+08:00')
    const view = (await (await call(d, s, 'GET', `/disclosure/requests/${id}`)).json()) as View
    expect(view.clock.due?.date).toBe('2024-11-26')
  })

  it('gives the decided request its answer document as DOCX: outcome wording, articles, remedy, filled from the record', async () => {
    const at = { now: T0 }
    const d = await desk(at)
    const s = await signIn(d)
    const { request: r } = (await (
      await call(d, s, 'POST', '/disclosure/requests', request({ receivedOn: '2024-09-26' }))
    ).json()) as View
    const id = r.inquiryId
    const docx = (agency = '某市自然资源局') =>
      call(
        d,
        s,
        'GET',
        `/disclosure/requests/${id}/answer/docx?agency=${encodeURIComponent(agency)}`,
      )
    const early = await docx()
    expect(early.status).toBe(409)
    await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    const decided = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 2,
      action: 'decide',
      on: '2024-09-27',
      outcome: 'partial',
      note: '合同附件中的个人信息涉及第三方隐私',
    })
    expect(decided.status).toBe(200)
    expect((await docx('')).status).toBe(422)
    const res = await docx()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    expect(res.headers.get('content-disposition')).toContain('attachment')
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await res.arrayBuffer()),
    })
    const lines = value.split('\n').filter((l) => l.trim() !== '')
    expect(lines[0]).toBe('政府信息公开申请答复书')
    expect(lines[1]).toMatch(/^编号：OGI-20240926-/)
    expect(lines.slice(2)).toEqual([
      '某律师事务所：',
      '本机关于2024年9月26日收到您提出的政府信息公开申请，申请获取“申请公开某地块2023年土地出让合同”。',
      '经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容（见附件）；对不予公开的内容，理由如下：合同附件中的个人信息涉及第三方隐私。',
      '如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。',
      '某市自然资源局',
      // a preview is not signed: its date (the sign-off day) is left blank
      UNSIGNED_DATE,
    ])
  })

  it('files a 行政复议 case and counts it in section 四 and the sentence', async () => {
    const d = await desk()
    const s = await signIn(d)
    const { request: r } = (await (
      await call(d, s, 'POST', '/disclosure/requests', request({ receivedOn: '2024-09-02' }))
    ).json()) as View
    const m = await signIn(d, 'manager')
    const refused = await call(d, s, 'POST', `/disclosure/requests/${r.inquiryId}/review-cases`, {
      kind: 'review',
      filedOn: '2024-09-20',
    })
    expect(refused.status).toBe(403)
    const filed = await call(d, m, 'POST', `/disclosure/requests/${r.inquiryId}/review-cases`, {
      kind: 'review',
      filedOn: '2024-09-20',
    })
    expect(filed.status).toBe(201)
    const bad = await call(d, m, 'POST', `/disclosure/requests/${r.inquiryId}/review-cases`, {
      kind: 'review',
      filedOn: '2024-09-20',
      result: 'upheld',
    })
    expect(bad.status).toBe(422)
    const table = (await (await call(d, m, 'GET', '/reports/disclosure?year=2024')).json()) as Table
    expect(
      table.sectionFour.find((k) => k.kind === 'review')?.cells.find((c) => c.column === 'pending')
        ?.count,
    ).toBe(1)
    expect(table.sentences.review).toBe('发生针对本部门有关政府信息公开事务的行政复议案件1件。')
    expect(table.sentences.intake).toBe('全年共受理依申请公开1件，办结0件，结转下年度1件。')
  })

  it('refuses a free-text reply or draft on a request (it is answered by its decision) and writes nothing', async () => {
    const d = await desk()
    const s = await signIn(d)
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    const id = ((await created.json()) as View).request.inquiryId
    expect((await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })).status).toBe(200)
    for (const path of ['replies', 'drafts']) {
      const res = await call(d, s, 'POST', `/inquiries/${id}/${path}`, {
        version: 2,
        body: '您申请的信息已公开。',
      })
      expect(res.status).toBe(409)
      const error = ((await res.json()) as { error: { details: { reason: string } } }).error
      expect(error.details.reason).toBe('decision_required')
    }
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { status: string; version: number; replies: unknown[] }
    }
    expect([inquiry.status, inquiry.version, inquiry.replies]).toEqual(['assigned', 2, []])
  })

  it('refuses an extension or a consultation dated after the answer period ended (422 naming on) and writes nothing', async () => {
    const d = await desk()
    const s = await signIn(d, 'manager')
    const created = await call(
      d,
      s,
      'POST',
      '/disclosure/requests',
      request({ receivedOn: '2024-08-01' }),
    )
    const view = (await created.json()) as View
    const id = view.request.inquiryId
    // 20 working days from Thu 08-01: 08-02 1, 08-05..09 6, 08-12..16 11, 08-19..23 16, 08-26..29 20
    expect(view.clock.due?.date).toBe('2024-08-29')
    expect((await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })).status).toBe(200)
    const steps = [
      { action: 'extend', on: '2024-09-02', workingDays: 20 },
      { action: 'start_consultation', on: '2024-09-02', party: 'third_party' },
      { action: 'request_correction', on: '2024-09-02', answerBy: '2024-09-20' },
    ]
    for (const step of steps) {
      const res = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
        version: 2,
        ...step,
      })
      expect(res.status).toBe(422)
      const error = (
        (await res.json()) as {
          error: { details: { path: string[]; message: string }[] }
        }
      ).error
      expect(error.details[0]?.path).toEqual(['on'])
      expect(error.details[0]?.message).toContain('the answer period ended on 2024-08-29')
    }
    const after = (await (await call(d, s, 'GET', `/disclosure/requests/${id}`)).json()) as View
    expect([after.clock.state, after.clock.due?.date]).toEqual(['running', '2024-08-29'])
    // within the period the same extension is recorded
    const inTime = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
      version: 2,
      action: 'extend',
      on: '2024-08-29',
      workingDays: 5,
    })
    expect(inTime.status).toBe(200)
    expect(((await inTime.json()) as View).clock.due?.date).toBe('2024-09-05')
  })

  it('answers 422 for a receipt date in the future or an unknown applicant type, 404 for a message', async () => {
    const d = await desk()
    const s = await signIn(d)
    expect(
      (await call(d, s, 'POST', '/disclosure/requests', request({ receivedOn: '2024-09-28' })))
        .status,
    ).toBe(422)
    expect(
      (await call(d, s, 'POST', '/disclosure/requests', request({ applicantType: 'company' })))
        .status,
    ).toBe(422)
    expect((await call(d, s, 'GET', '/disclosure/requests/999')).status).toBe(404)
  })

  it('refuses a day outside 1992-01-01..2100-12-31 on every dated route with a 422 naming the field, and writes nothing', async () => {
    const d = await desk()
    const s = await signIn(d)
    const m = await signIn(d, 'manager')
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(422)
      const { error } = (await res.json()) as { error: { details: { path: string[] }[] } }
      return error.details.map((x) => x.path.join('.'))
    }
    for (const receivedOn of ['0206-12-06', '1900-02-28', '0001-01-01', '1991-12-31']) {
      const res = await call(d, s, 'POST', '/disclosure/requests', request({ receivedOn }))
      expect(await fieldsOf(res)).toEqual(['receivedOn'])
    }
    const list = (await (await call(d, s, 'GET', '/inquiries?status=all')).json()) as {
      items: unknown[]
    }
    expect(list.items).toEqual([])
    const created = await call(d, s, 'POST', '/disclosure/requests', request())
    const id = ((await created.json()) as View).request.inquiryId
    await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    const act = (body: Record<string, unknown>) =>
      call(d, s, 'POST', `/disclosure/requests/${id}/actions`, { version: 2, ...body })
    expect(
      await fieldsOf(await act({ action: 'decide', on: '1900-02-28', outcome: 'grant' })),
    ).toEqual(['on'])
    expect(
      await fieldsOf(
        await act({ action: 'request_correction', on: '2024-09-27', answerBy: '2101-01-01' }),
      ),
    ).toEqual(['answerBy'])
    const review = await call(d, m, 'POST', `/disclosure/requests/${id}/review-cases`, {
      kind: 'review',
      filedOn: '0001-01-01',
    })
    expect(await fieldsOf(review)).toEqual(['filedOn'])
    const delivery = await call(d, s, 'POST', `/disclosure/requests/${id}/delivery`, {
      version: 2,
      method: 'post',
      deliveredOn: '1900-02-28',
    })
    expect(await fieldsOf(delivery)).toContain('deliveredOn')
    const { inquiry } = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { version: number; receivedAt: string }
    }
    expect(inquiry).toMatchObject({ version: 2, receivedAt: '2024-09-27T00:00:00.000+08:00' })
  })

  it('lets an admin correct an outcome label, which the table then prints', async () => {
    const d = await desk()
    const a = await signIn(d, 'admin')
    const res = await call(d, a, 'PATCH', '/disclosure/outcome-labels/other.no_correction', {
      labelZh: '申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
    })
    expect(res.status).toBe(200)
    const table = (await (await call(d, a, 'GET', '/reports/disclosure?year=2024')).json()) as Table
    expect(table.sectionThree.find((r) => r.row === 'other.no_correction')?.labelZh).toBe(
      '（六）其他处理 1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
    )
    const s = await signIn(d)
    expect(
      (await call(d, s, 'PATCH', '/disclosure/outcome-labels/grant', { labelZh: 'x' })).status,
    ).toBe(403)
  })
})
