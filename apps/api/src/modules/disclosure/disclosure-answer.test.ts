import { eq } from 'drizzle-orm'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { call, setupDesk, signIn, T0, type Desk, type Session } from '../../test/setup.ts'
import { UNSIGNED_DATE } from '@desk/domain'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'

// T0 is Fri 2024-09-27 09:30 Beijing time
type Version = {
  id: number
  number: number
  status: string
  docNumber: string
  authorName: string | null
  reviewerName: string | null
  reviewedAt: number | null
  reviewComment: string | null
  deliveryMethod: string | null
  deliveredAt: number | null
  trackingNumber: string | null
  document: { title: string; docNumber: string; paragraphs: string[]; signature: string[] }
}
type View = { request: { inquiryId: number; decidedAt: number }; answers: Version[] }
type ApiError = { error: { code: string; details?: unknown } }

async function decidedRequest(d: Desk, s: Session, outcome = 'grant') {
  const created = await call(d, s, 'POST', '/disclosure/requests', {
    channel: 'director_mailbox',
    applicantType: 'natural_person',
    applicantName: '周敏',
    receiptMethod: 'online',
    receivedOn: '2024-09-20',
    subject: '某路段2024年道路改造工程的立项批复',
    body: '请公开立项批复文件。',
  })
  const id = ((await created.json()) as View).request.inquiryId
  await call(d, s, 'POST', `/inquiries/${id}/claim`, { version: 1 })
  const decided = await call(d, s, 'POST', `/disclosure/requests/${id}/actions`, {
    version: 2,
    action: 'decide',
    on: '2024-09-26',
    outcome,
  })
  expect(decided.status).toBe(200)
  return id
}

const docxLines = async (res: Response) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value
    .split('\n')
    .filter((l) => l.trim() !== '')

describe('the answer document: review, sign-off, delivery', () => {
  it('is submitted, sent back, resubmitted and signed off; the signed text and DOCX stay as signed when the register changes', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const m = await signIn(d, 'manager', 'head')
    const id = await decidedRequest(d, s)
    const path = `/disclosure/requests/${id}`
    // version 3 after claim and decision
    const first = await call(d, s, 'POST', `${path}/answers`, {
      version: 3,
      agency: '某市交通运输局',
      docNumber: '某交依复〔2024〕7号',
    })
    expect(first.status).toBe(201)
    let view = (await first.json()) as View
    const v1 = view.answers[0]!
    expect([v1.number, v1.status, v1.authorName]).toEqual([1, 'submitted', 'responder1 name'])
    expect(v1.document.docNumber).toBe('某交依复〔2024〕7号')
    // undated until signed off: its date is the sign-off day, not the decision's (2024-09-26)
    expect(v1.document.signature).toEqual(['某市交通运输局', UNSIGNED_DATE])
    // a responder cannot sign off; a manager sends it back with a comment
    const own = await call(d, s, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })
    expect(own.status).toBe(403)
    view = (await (
      await call(d, m, 'POST', `${path}/answers/${v1.id}/send-back`, {
        version: 4,
        comment: '文号年份有误',
      })
    ).json()) as View
    expect(view.answers[0]).toMatchObject({
      status: 'sent_back',
      reviewerName: 'head name',
      reviewComment: '文号年份有误',
    })
    const again = await call(d, m, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 5 })
    expect(again.status).toBe(409)
    const refused = ((await again.json()) as ApiError & { error: { message: string } }).error
    expect(refused.details).toMatchObject({ reason: 'draft_status', status: 'sent_back' })
    expect(refused.message).toBe(
      `Answer document ${v1.id} (version 1 of request ${id}) is sent_back, not awaiting review`,
    )
    view = (await (
      await call(d, s, 'POST', `${path}/answers`, {
        version: 5,
        agency: '某市交通运输局',
        docNumber: '某交依复〔2024〕8号',
      })
    ).json()) as View
    const v2 = view.answers[1]!
    const signed = await call(d, m, 'POST', `${path}/answers/${v2.id}/sign-off`, { version: 6 })
    expect(signed.status).toBe(200)
    view = (await signed.json()) as View
    expect(view.answers.map((v) => [v.number, v.status])).toEqual([
      [1, 'sent_back'],
      [2, 'signed'],
    ])
    expect(view.answers[1]).toMatchObject({ reviewerName: 'head name', reviewedAt: T0 })
    // the timeline names who submitted, sent back and signed, and when
    const detail = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; actor: string | null; at: string }[] }
    }
    expect(
      detail.inquiry.events
        .filter((e) => e.type.startsWith('answer_document'))
        .map((e) => [e.type, e.actor]),
    ).toEqual([
      ['answer_document_submitted', 'responder1 name'],
      ['answer_document_sent_back', 'head name'],
      ['answer_document_submitted', 'responder1 name'],
      ['answer_document_signed', 'head name'],
    ])
    // its author is told of both reviews in the bell, the send-back with the manager's reason (both
    // at T0: compared in key order)
    const bell = (await (await call(d, s, 'GET', '/notifications')).json()) as {
      items: { key: string; kind: string; inquiryId: number; actor: string; detail: string }[]
    }
    expect(
      bell.items
        .filter((n) => n.kind.startsWith('answer_'))
        .map((n) => [n.key, n.kind, n.inquiryId, n.actor, n.detail])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      [`answer_sent_back:${v1.id}`, 'answer_sent_back', id, 'head name', '文号年份有误'],
      [`answer_signed:${v2.id}`, 'answer_signed', id, 'head name', null],
    ])
    // the manager who reviewed them is not notified of their own steps
    const theirs = (await (await call(d, m, 'GET', '/notifications')).json()) as typeof bell
    expect(theirs.items.filter((n) => n.kind.startsWith('answer_'))).toEqual([])
    // once signed, no new version
    const late = await call(d, s, 'POST', `${path}/answers`, { version: 7, agency: '某局' })
    expect(late.status).toBe(409)
    const signedDocx = await call(d, s, 'GET', `${path}/answers/${v2.id}/docx`)
    const before = Buffer.from(await signedDocx.clone().arrayBuffer())
    const lines = await docxLines(signedDocx)
    expect(lines.slice(0, 3)).toEqual([
      '政府信息公开申请答复书',
      '某交依复〔2024〕8号',
      expect.stringMatching(/^编号：OGI-20240920-/),
    ])
    expect(lines).toContain(
      '本机关于2024年9月20日收到您提出的政府信息公开申请，申请获取“某路段2024年道路改造工程的立项批复”。',
    )
    // decided Thu 09-26, signed off Fri 09-27: the document bears the sign-off day (成文日期), the
    // register keeps the decision's
    expect(lines.slice(-2)).toEqual(['某市交通运输局', '2024年9月27日'])
    expect(view.answers[1]?.document.signature[1]).toBe('2024年9月27日')
    expect(view.request.decidedAt).toBe(Date.parse('2024-09-26T12:00:00+08:00'))
    // a later edit of the register: the preview follows it, the signed document does not
    const { inquiries } = tables(d.db)
    await d.db.update(inquiries).set({ subject: '改过的名称' }).where(eq(inquiries.id, id))
    const preview = await call(
      d,
      s,
      'GET',
      `${path}/answer/docx?agency=${encodeURIComponent('某局')}`,
    )
    expect((await docxLines(preview)).join('')).toContain('改过的名称')
    const after = await call(d, s, 'GET', `${path}/answers/${v2.id}/docx`)
    expect(Buffer.from(await after.arrayBuffer()).equals(before)).toBe(true)
    const reread = (await (await call(d, s, 'GET', path)).json()) as View
    expect(reread.answers[1]?.document.paragraphs[0]).toContain(
      '某路段2024年道路改造工程的立项批复',
    )
  })

  it("counts reading the answer document, which names the applicant in full, as revealing the contact: the reveal's event and audit entry", async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const auditor = await signIn(d, 'auditor')
    const id = await decidedRequest(d, s)
    const preview = await call(d, s, 'GET', `/disclosure/requests/${id}/answer/docx?agency=x`)
    expect(preview.status).toBe(200)
    expect((await docxLines(preview)).some((l) => l.startsWith('周敏：'))).toBe(true)
    const view = (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; data: unknown }[] }
    }
    const revealed = view.inquiry.events.filter((e) => e.type === 'contact_revealed')
    expect(revealed.map((e) => e.data)).toEqual([{ via: 'answer_document' }])
    const audit = (await (
      await call(d, auditor, 'GET', '/audit?action=contact_revealed')
    ).json()) as { entries: { target: string }[] }
    expect(audit.entries.map((e) => e.target)).toEqual([`inquiry:${id}`])
  })

  it("shows a submitted version on the request's page with the applicant masked (周*：), no reveal recorded; its DOCX names them in full and records the reveal", async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const other = await signIn(d, 'responder', 'responder2')
    const id = await decidedRequest(d, s)
    const path = `/disclosure/requests/${id}`
    const submitted = await call(d, s, 'POST', `${path}/answers`, { version: 3, agency: 'x' })
    expect(submitted.status).toBe(201)
    const reveals = async () =>
      (
        (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as {
          inquiry: { events: { type: string }[] }
        }
      ).inquiry.events.filter((e) => e.type === 'contact_revealed').length
    for (const viewer of [s, other]) {
      const res = await call(d, viewer, 'GET', path)
      expect(res.status).toBe(200)
      const view = (await res.json()) as View & { answers: { document: { salutation: string } }[] }
      expect(view.answers[0]!.document.salutation).toBe('周*：')
    }
    expect(await reveals()).toBe(0)
    const docx = await call(
      d,
      other,
      'GET',
      `${path}/answers/${((await (await call(d, s, 'GET', path)).json()) as View).answers[0]!.id}/docx`,
    )
    expect(docx.status).toBe(200)
    expect((await docxLines(docx)).some((l) => l.startsWith('周敏：'))).toBe(true)
    expect(await reveals()).toBe(1)
  })

  it('refuses a manager signing off the version they submitted (four eyes, 403 own_draft); another manager signs it', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const m = await signIn(d, 'manager', 'head')
    const other = await signIn(d, 'manager', 'deputy')
    const id = await decidedRequest(d, m)
    const path = `/disclosure/requests/${id}`
    const view = (await (
      await call(d, m, 'POST', `${path}/answers`, { version: 3, agency: '某市交通运输局' })
    ).json()) as View
    const v1 = view.answers[0]!
    const own = await call(d, m, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })
    expect(own.status).toBe(403)
    expect(((await own.json()) as ApiError).error.details).toEqual({
      reason: 'own_draft',
      number: 1,
    })
    const still = (await (await call(d, m, 'GET', path)).json()) as View
    expect(still.answers.map((a) => [a.status, a.reviewerName])).toEqual([['submitted', null]])
    const signed = await call(d, other, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })
    expect(signed.status).toBe(200)
    expect(((await signed.json()) as View).answers[0]).toMatchObject({
      status: 'signed',
      authorName: 'head name',
      reviewerName: 'deputy name',
    })
  })

  it("on a desk with one manager, an admin signs the manager's own version off", async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const m = await signIn(d, 'manager', 'only')
    const admin = await signIn(d, 'admin')
    const id = await decidedRequest(d, m)
    const path = `/disclosure/requests/${id}`
    const view = (await (
      await call(d, m, 'POST', `${path}/answers`, { version: 3, agency: '某市交通运输局' })
    ).json()) as View
    const v1 = view.answers[0]!
    expect(
      (await call(d, m, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })).status,
    ).toBe(403)
    const signed = await call(d, admin, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })
    expect(signed.status).toBe(200)
    expect(((await signed.json()) as View).answers[0]).toMatchObject({
      status: 'signed',
      authorName: 'only name',
      reviewerName: 'admin1 name',
    })
  })

  it('refuses to submit or sign off a 部分公开 document that still says （请填写理由）: 422 naming it, nothing written; a reason typed in finishes it', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const m = await signIn(d, 'manager', 'head')
    // decided 部分公开 without a note: the template has no reason to print
    const id = await decidedRequest(d, s, 'partial')
    const path = `/disclosure/requests/${id}`
    const submit = (body: Record<string, unknown>) =>
      call(d, s, 'POST', `${path}/answers`, { version: 3, agency: '某市交通运输局', ...body })
    const bare = await submit({})
    expect(bare.status).toBe(422)
    expect(((await bare.json()) as ApiError).error.details).toEqual([
      {
        path: ['reason'],
        message: '（请填写理由） is not filled in',
        placeholder: '（请填写理由）',
      },
    ])
    const none = (await (await call(d, s, 'GET', path)).json()) as View
    expect(none.answers).toEqual([])
    // a version stored with the placeholder (written before submission checked it) is not signed
    const { disclosureAnswers } = tables(d.db)
    const ok = await submit({ reason: '其中涉及第三方商业秘密的部分不予公开' })
    expect(ok.status).toBe(201)
    const v1 = ((await ok.json()) as View).answers[0]!
    expect(v1.document.paragraphs[1]).toMatch(/理由如下：其中涉及第三方商业秘密的部分不予公开。$/)
    const unfinished = {
      ...v1.document,
      paragraphs: v1.document.paragraphs.map((p, i) =>
        i === 1 ? p.replace(/理由如下：.*$/, '理由如下：（请填写理由）') : p,
      ),
    }
    await d.db
      .update(disclosureAnswers)
      .set({ document: JSON.stringify(unfinished) })
      .where(eq(disclosureAnswers.id, v1.id))
    const sign = await call(d, m, 'POST', `${path}/answers/${v1.id}/sign-off`, { version: 4 })
    expect(sign.status).toBe(422)
    expect(((await sign.json()) as ApiError).error.details).toMatchObject([
      { path: ['reason'], placeholder: '（请填写理由）' },
    ])
    const after = (await (await call(d, m, 'GET', path)).json()) as View
    expect(after.answers.map((a) => [a.number, a.status, a.reviewerName])).toEqual([
      [1, 'submitted', null],
    ])
  })

  it('records the delivery of the signed document with its method, day and tracking number; a day before the decision is a field error', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const s = await signIn(d)
    const m = await signIn(d, 'manager', 'head')
    const id = await decidedRequest(d, s)
    const path = `/disclosure/requests/${id}`
    const deliver = (version: number, body: Record<string, unknown>) =>
      call(d, s, 'POST', `${path}/delivery`, { version, ...body })
    const unsigned = await deliver(3, { method: 'post', deliveredOn: '2024-09-27' })
    expect(unsigned.status).toBe(409)
    const view = (await (
      await call(d, s, 'POST', `${path}/answers`, { version: 3, agency: '某市交通运输局' })
    ).json()) as View
    await call(d, m, 'POST', `${path}/answers/${view.answers[0]!.id}/sign-off`, { version: 4 })
    // decided 09-26, signed off 09-27: not delivered before it was signed
    const early = await deliver(5, { method: 'post', deliveredOn: '2024-09-26' })
    expect(early.status).toBe(422)
    expect(((await early.json()) as ApiError).error.details).toEqual([
      { path: ['deliveredOn'], message: 'before the sign-off (2024-09-27)' },
    ])
    const future = await deliver(5, { method: 'post', deliveredOn: '2024-09-28' })
    expect(future.status).toBe(422)
    const emailTracking = await deliver(5, {
      method: 'email',
      deliveredOn: '2024-09-27',
      trackingNumber: 'X1',
    })
    expect(emailTracking.status).toBe(422)
    expect(JSON.stringify(((await emailTracking.json()) as ApiError).error.details)).toContain(
      'trackingNumber',
    )
    const ok = await deliver(5, {
      method: 'post',
      deliveredOn: '2024-09-27',
      trackingNumber: '1150123456789',
    })
    expect(ok.status).toBe(200)
    const signed = ((await ok.json()) as View).answers[0]!
    // the day is kept as the UTC instant its Asia/Shanghai day starts
    expect(signed).toMatchObject({
      deliveryMethod: 'post',
      deliveredAt: Date.parse('2024-09-27T00:00:00+08:00'),
      trackingNumber: '1150123456789',
    })
    // the register lists it with its delivery
    const register = (await (
      await call(d, m, 'GET', '/disclosure/register?year=2024&row=grant&column=natural_person')
    ).json()) as {
      requests: {
        items: { id: number; deliveryMethod: string; deliveredOn: string; trackingNumber: string }[]
      }
    }
    expect(register.requests.items).toMatchObject([
      { id, deliveryMethod: 'post', deliveredOn: '2024-09-27', trackingNumber: '1150123456789' },
    ])
  })
})
