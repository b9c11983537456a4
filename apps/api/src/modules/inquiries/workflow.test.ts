import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn, type Session, type Desk } from '../../test/setup.ts'
import { ensureReturnReasons } from '../return-reasons/return-reasons.service.ts'
import { updateUser } from '../users/users.service.ts'
import type { AppError } from '../../lib/errors.ts'
import { deliverDue } from './deliveries.service.ts'
import { load, write } from './inquiries.service.ts'

type Ev = { type: string; actor: string | null; data: Record<string, unknown> }
type Detail = {
  inquiry: {
    status: string
    version: number
    department: { name: string } | null
    assignee: unknown
    duplicateOfId: number | null
    satisfaction: string | null
    events: Ev[]
    replies: { id: number; body: string; approvedBy: string | null; postedAt: string | null }[]
  }
}

async function desk() {
  const d = await setupDesk()
  await ensureReturnReasons(d.db)
  const admin = await signIn(d, 'admin')
  const dept = async (name: string) =>
    (
      (await (await call(d, admin, 'POST', '/departments', { name })).json()) as {
        department: { id: number }
      }
    ).department.id
  return { d, admin, planning: await dept('规划处'), land: await dept('土地处') }
}

async function member(
  d: Desk,
  role: 'responder' | 'manager',
  name: string,
  departmentId: number | null,
) {
  const s = await signIn(d, role, name)
  await updateUser(d.db, s.userId, { department: departmentId })
  return s
}

const detail = async (d: Desk, s: Session, id: number) =>
  (await (await call(d, s, 'GET', `/inquiries/${id}`)).json()) as Detail

describe('workflow actions', () => {
  it('transfers to a department: assignee cleared, the old department loses sight, the new one sees it', async () => {
    const { d, planning, land } = await desk()
    const a = await member(d, 'responder', 'alice', planning)
    const b = await member(d, 'responder', 'bob', land)
    const [r] = await addInquiries(d.db, [{}])
    const id = r!.id
    expect((await call(d, a, 'POST', `/inquiries/${id}/claim`, { version: 1 })).status).toBe(200)
    const res = await call(d, a, 'POST', `/inquiries/${id}/transfer`, {
      version: 2,
      departmentId: land,
      note: '属土地处职责',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id, version: 3, status: 'new' })
    expect((await call(d, a, 'GET', `/inquiries/${id}`)).status).toBe(404)
    const view = await detail(d, b, id)
    expect(view.inquiry).toMatchObject({
      status: 'new',
      assignee: null,
      department: { name: '土地处' },
    })
    const ev = view.inquiry.events.at(-1)!
    expect(ev).toMatchObject({
      type: 'transferred',
      actor: 'alice name',
      data: { to: '土地处', note: '属土地处职责', previousAssignee: 'alice name' },
    })
  })

  it('returns upstream with a listed reason: status returned, out of the pending count; 422 without a reason', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{ channelCode: 'minxin' }])
    const reasons = (
      (await (await call(d, s, 'GET', '/return-reasons')).json()) as {
        reasons: { id: number; label: string }[]
      }
    ).reasons
    expect(reasons.map((x) => x.label)).toContain('非本单位职责')
    expect((await call(d, s, 'POST', `/inquiries/${r!.id}/return`, { version: 1 })).status).toBe(
      422,
    )
    const res = await call(d, s, 'POST', `/inquiries/${r!.id}/return`, {
      version: 1,
      reasonId: reasons[0]!.id,
      note: '应由住建局办理',
    })
    expect(await res.json()).toMatchObject({ status: 'returned' })
    const counts = (await (await call(d, s, 'GET', '/inquiries/counts')).json()) as {
      byChannel: Record<string, number>
    }
    expect(counts.byChannel.minxin).toBe(0)
    const returned = (await (await call(d, s, 'GET', '/inquiries?status=returned')).json()) as {
      items: { id: number }[]
    }
    expect(returned.items.map((i) => i.id)).toEqual([r!.id])
    expect((await detail(d, s, r!.id)).inquiry.events.at(-1)).toMatchObject({
      type: 'returned',
      data: { reason: '非本单位职责', note: '应由住建局办理' },
    })
  })

  it('keeps internal notes as events, never as replies', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{}])
    expect(
      (
        await call(d, s, 'POST', `/inquiries/${r!.id}/notes`, {
          version: 1,
          text: '已电话联系街道',
        })
      ).status,
    ).toBe(201)
    const view = await detail(d, s, r!.id)
    expect(view.inquiry.replies).toEqual([])
    expect(view.inquiry.events.at(-1)).toMatchObject({
      type: 'note',
      actor: 'alice name',
      data: { text: '已电话联系街道' },
    })
  })

  it('answers a duplicate on another channel with the main reply; each channel still counts its item', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [main, dup, third] = await addInquiries(d.db, [
      { channelCode: 'hotline_12345' },
      {
        channelCode: 'mayor_mailbox',
        subject: '小区停车难',
        body: '晚上无处停车',
        category: '交通',
      },
      { channelCode: 'minxin' },
    ])
    expect(
      (await call(d, s, 'POST', `/inquiries/${dup!.id}/merge`, { version: 1, mainId: main!.id }))
        .status,
    ).toBe(200)
    // the main inquiry's page shows what the duplicate's citizen wrote
    const workflow = (await (
      await call(d, s, 'GET', `/inquiries/${main!.id}/workflow`)
    ).json()) as { duplicates: unknown[] }
    expect(workflow.duplicates).toEqual([
      {
        id: dup!.id,
        channelCode: 'mayor_mailbox',
        externalId: expect.any(String),
        status: 'merged',
        subject: '小区停车难',
        body: '晚上无处停车',
        category: '交通',
      },
    ])
    // merged, the duplicate leaves the pending counts: one citizen's two messages are one item
    const pending = (await (await call(d, s, 'GET', '/inquiries/counts')).json()) as {
      byChannel: Record<string, number>
    }
    expect([pending.byChannel.hotline_12345, pending.byChannel.mayor_mailbox]).toEqual([1, 0])
    const direct = await call(d, s, 'POST', `/inquiries/${dup!.id}/replies`, {
      version: 2,
      body: '答复',
    })
    expect(direct.status).toBe(409)
    // the merge is recorded on the main inquiry too, without changing its version
    expect(
      (
        await call(d, s, 'POST', `/inquiries/${main!.id}/replies`, {
          version: 1,
          body: '已处理完毕。',
        })
      ).status,
    ).toBe(201)
    const dupView = await detail(d, s, dup!.id)
    expect(dupView.inquiry).toMatchObject({ status: 'replied', duplicateOfId: main!.id })
    expect(dupView.inquiry.replies.map((x) => x.body)).toEqual(['已处理完毕。'])
    expect(dupView.inquiry.events.at(-1)).toMatchObject({
      type: 'replied',
      data: { viaInquiryId: main!.id },
    })
    const counts = (await (await call(d, s, 'GET', '/inquiries/counts?status=all')).json()) as {
      byChannel: Record<string, number>
    }
    expect([counts.byChannel.hotline_12345, counts.byChannel.mayor_mailbox]).toEqual([1, 1])
    const chain = await call(d, s, 'POST', `/inquiries/${third!.id}/merge`, {
      version: 1,
      mainId: dup!.id,
    })
    expect(
      ((await chain.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('merge_chain')
  })

  it('refuses (409 merge_kind) merging a citizen’s message into a disclosure request: the message stays pending', async () => {
    const { d } = await desk()
    const s = await member(d, 'manager', 'mei', null)
    const [message] = await addInquiries(d.db, [{ channelCode: 'minxin' }])
    const created = await call(d, s, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'natural_person',
      applicantName: '周敏',
      receiptMethod: 'online',
      receivedOn: '2024-09-20',
      subject: '立项批复',
      body: '请公开立项批复文件。',
    })
    expect(created.status).toBe(201)
    const requestId = ((await created.json()) as { request: { inquiryId: number } }).request
      .inquiryId
    const res = await call(d, s, 'POST', `/inquiries/${message!.id}/merge`, {
      version: 1,
      mainId: requestId,
    })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'merge_kind',
      kind: 'message',
      mainKind: 'disclosure',
    })
    // a disclosure request has no merge at all (its lifecycle: invalid_status)
    const view = await detail(d, s, message!.id)
    expect([view.inquiry.status, view.inquiry.version]).toEqual(['new', 1])
  })

  it('lets no manager approve a draft they wrote (four eyes): 403 own_draft, nothing released; another manager approves it', async () => {
    const { d, admin } = await desk()
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const m = await member(d, 'manager', 'boss', null)
    const other = await member(d, 'manager', 'deputy', null)
    const [r] = await addInquiries(d.db, [{ channelCode: 'minxin' }])
    const id = r!.id
    const draft = (await (
      await call(d, m, 'POST', `/inquiries/${id}/drafts`, { version: 1, body: '负责人自拟稿' })
    ).json()) as { draftId: number; version: number }
    const own = await call(d, m, 'POST', `/inquiries/${id}/drafts/${draft.draftId}/approve`, {
      version: draft.version,
    })
    expect(own.status).toBe(403)
    expect(((await own.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'own_draft',
      number: 1,
    })
    const untouched = await detail(d, m, id)
    expect([untouched.inquiry.status, untouched.inquiry.replies.length]).toEqual(['assigned', 0])
    const ok = await call(d, other, 'POST', `/inquiries/${id}/drafts/${draft.draftId}/approve`, {
      version: draft.version,
    })
    expect(ok.status).toBe(200)
    expect((await detail(d, m, id)).inquiry.replies).toMatchObject([
      { body: '负责人自拟稿', approvedBy: 'deputy name' },
    ])
  })

  it("on a desk with one manager, an admin approves the manager's own draft; nobody approves their own, an admin included", async () => {
    const { d, admin } = await desk()
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const m = await member(d, 'manager', 'only', null)
    const [r1, r2] = await addInquiries(d.db, [
      { channelCode: 'minxin' },
      { channelCode: 'minxin' },
    ])
    const submit = async (s: Session, id: number, body: string) =>
      (await (
        await call(d, s, 'POST', `/inquiries/${id}/drafts`, { version: 1, body })
      ).json()) as { draftId: number; version: number }
    const approve = (s: Session, id: number, x: { draftId: number; version: number }) =>
      call(d, s, 'POST', `/inquiries/${id}/drafts/${x.draftId}/approve`, { version: x.version })
    const managers = await submit(m, r1!.id, '负责人自拟稿')
    expect((await approve(admin, r1!.id, managers)).status).toBe(200)
    expect((await detail(d, m, r1!.id)).inquiry.replies).toMatchObject([
      { body: '负责人自拟稿', approvedBy: 'admin1 name' },
    ])
    const admins = await submit(admin, r2!.id, '管理员自拟稿')
    const own = await approve(admin, r2!.id, admins)
    expect(own.status).toBe(403)
    expect(((await own.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'own_draft',
      number: 1,
    })
    expect((await approve(m, r2!.id, admins)).status).toBe(200)
  })

  it('signs off: direct reply refused, draft versions kept, sent back with a comment, approved by a manager', async () => {
    const { d, admin } = await desk()
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const s = await member(d, 'responder', 'alice', null)
    const m = await member(d, 'manager', 'boss', null)
    const [r] = await addInquiries(d.db, [{ channelCode: 'minxin' }])
    const id = r!.id
    const refused = await call(d, s, 'POST', `/inquiries/${id}/replies`, {
      version: 1,
      body: '直接答复',
    })
    expect(
      ((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('sign_off_required')
    const d1 = (await (
      await call(d, s, 'POST', `/inquiries/${id}/drafts`, { version: 1, body: '初稿' })
    ).json()) as { draftId: number; version: number }
    expect(
      (
        await call(d, s, 'POST', `/inquiries/${id}/drafts/${d1.draftId}/approve`, {
          version: d1.version,
        })
      ).status,
    ).toBe(403)
    const back = await call(d, m, 'POST', `/inquiries/${id}/drafts/${d1.draftId}/send-back`, {
      version: d1.version,
      comment: '补充办理依据',
    })
    const v = ((await back.json()) as { version: number }).version
    const d2 = (await (
      await call(d, s, 'POST', `/inquiries/${id}/drafts`, {
        version: v,
        body: '修改稿，依据《条例》第十条',
      })
    ).json()) as { draftId: number; version: number }
    const ok = await call(d, m, 'POST', `/inquiries/${id}/drafts/${d2.draftId}/approve`, {
      version: d2.version,
    })
    expect(await ok.json()).toMatchObject({ status: 'replied' })
    const wf = (await (await call(d, s, 'GET', `/inquiries/${id}/workflow`)).json()) as {
      requiresSignOff: boolean
      drafts: {
        number: number
        status: string
        reviewComment: string | null
        reviewer: string | null
      }[]
    }
    expect(wf.requiresSignOff).toBe(true)
    expect(wf.drafts.map((x) => [x.number, x.status, x.reviewComment, x.reviewer])).toEqual([
      [1, 'sent_back', '补充办理依据', 'boss name'],
      [2, 'approved', null, 'boss name'],
    ])
    const view = await detail(d, s, id)
    expect(view.inquiry.replies).toMatchObject([
      { body: '修改稿，依据《条例》第十条', approvedBy: 'boss name' },
    ])
    expect(view.inquiry.events.map((e) => e.type).slice(1)).toEqual([
      'draft_submitted',
      'draft_sent_back',
      'draft_submitted',
      'replied',
      'draft_approved',
    ])
  })

  it('supersedes a draft awaiting sign-off when a direct reply is sent: approving it later is 409, the citizen gets one reply', async () => {
    const { d, admin } = await desk()
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const s = await member(d, 'responder', 'alice', null)
    const m = await member(d, 'manager', 'boss', null)
    const [r] = await addInquiries(d.db, [{ channelCode: 'minxin' }])
    const id = r!.id
    const draft = (await (
      await call(d, s, 'POST', `/inquiries/${id}/drafts`, { version: 1, body: '草稿一' })
    ).json()) as { draftId: number; version: number }
    // the bureau drops sign-off for the channel; the responder answers directly
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: false })
    const direct = await call(d, s, 'POST', `/inquiries/${id}/replies`, {
      version: draft.version,
      body: '直接答复',
    })
    expect(direct.status).toBe(201)
    await call(d, admin, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true })
    const late = await call(d, m, 'POST', `/inquiries/${id}/drafts/${draft.draftId}/approve`, {
      version: (await detail(d, m, id)).inquiry.version,
    })
    expect(late.status).toBe(409)
    const error = ((await late.json()) as { error: { message: string; details: unknown } }).error
    expect(error.details).toEqual({ reason: 'draft_status', status: 'superseded' })
    // the id sent and the per-inquiry version number, told apart
    expect(error.message).toBe(
      `Draft ${draft.draftId} (version 1 of inquiry ${id}) is superseded, not awaiting sign-off`,
    )
    expect((await detail(d, m, id)).inquiry.replies.map((x) => x.body)).toEqual(['直接答复'])
  })

  it('marks a reply posted on the platform once, and records the follow-up with re-handling', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{}])
    await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: '已答复' })
    const replyId = (await detail(d, s, r!.id)).inquiry.replies[0]!.id
    expect(
      (
        await call(d, s, 'POST', `/inquiries/${r!.id}/replies/${replyId}/posted`, {
          postedOn: '2024-09-27',
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await call(d, s, 'POST', `/inquiries/${r!.id}/replies/${replyId}/posted`, {
          postedOn: '2024-09-27',
        })
      ).status,
    ).toBe(409)
    expect((await detail(d, s, r!.id)).inquiry.replies[0]!.postedAt).toBe(
      '2024-09-27T00:00:00.000+08:00',
    )
    const bad = await call(d, s, 'POST', `/inquiries/${r!.id}/follow-ups`, {
      version: 2,
      outcome: 'satisfied',
      reopen: true,
    })
    expect(bad.status).toBe(422)
    const fu = await call(d, s, 'POST', `/inquiries/${r!.id}/follow-ups`, {
      version: 2,
      outcome: 'unsatisfied',
      note: '市民称问题仍未解决',
      reopen: true,
    })
    expect(await fu.json()).toMatchObject({ status: 'assigned' })
    const view = await detail(d, s, r!.id)
    expect(view.inquiry.satisfaction).toBe('unsatisfied')
    expect(view.inquiry.events.slice(-2).map((e) => e.type)).toEqual(['followed_up', 'rehandled'])
  })

  it('fills a category template with Chinese placeholders for the inquiry', async () => {
    const { d, planning } = await desk()
    const m = await member(d, 'manager', 'boss', null)
    const s = await member(d, 'responder', 'alice', planning)
    const body = '{市民姓名}您好：您于{来件日期}反映的问题（工单号{工单编号}）已由{承办单位}办理。'
    const t = (await (
      await call(d, m, 'POST', '/templates', { category: '规划', title: '通用答复', body })
    ).json()) as { template: { id: number } }
    expect(
      (await call(d, s, 'POST', '/templates', { category: null, title: 'x', body: 'y' })).status,
    ).toBe(403)
    const [r] = await addInquiries(d.db, [
      { citizenName: '王小明', category: '规划', externalId: 'GD2024092700012' },
    ])
    await call(d, m, 'POST', `/inquiries/${r!.id}/transfer`, {
      version: 1,
      departmentId: planning,
      note: '转规划处',
    })
    const list = (await (
      await call(d, s, 'GET', `/templates?category=${encodeURIComponent('规划')}`)
    ).json()) as { templates: unknown[] }
    expect(list.templates).toHaveLength(1)
    const filled = (await (
      await call(d, s, 'GET', `/templates/${t.template.id}/fill?inquiryId=${r!.id}`)
    ).json()) as { text: string; unfilled: string[] }
    // the name stays a placeholder: the server fills it in clear when the reply is released
    expect(filled).toMatchObject({
      text: '{市民姓名}您好：您于2024年9月27日反映的问题（工单号GD2024092700012）已由规划处办理。',
      unfilled: [],
    })
  })
})

describe('placeholders filled by the server', () => {
  it('stores and delivers the reply with the citizen real name, never the masked one', async () => {
    const { d, admin } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    await call(d, admin, 'PATCH', '/channel-settings/hotline_12345', {
      webhookUrl: 'http://127.0.0.1:9/hook',
      webhookSecret: 'test-secret-0123456789abcdef',
    })
    const [r] = await addInquiries(d.db, [{ citizenName: '贺林', externalId: 'GD-7' }])
    const res = await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, {
      version: 1,
      body: '{市民姓名}您好：工单{工单编号}已办理。',
    })
    expect(res.status).toBe(201)
    expect((await detail(d, s, r!.id)).inquiry.replies.map((x) => x.body)).toEqual([
      '贺林您好：工单GD-7已办理。',
    ])
    const sent: string[] = []
    await deliverDue(d.db, Date.now() + 60_000, (_url, init) => {
      sent.push(JSON.parse(String(init.body)).body as string)
      return Promise.resolve(new Response(null, { status: 204 }))
    })
    expect(sent).toEqual(['贺林您好：工单GD-7已办理。'])
  })

  it('refuses a reply or an approval with a placeholder it cannot fill (422 naming it), writing nothing', async () => {
    const { d, admin } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{ citizenName: '贺林' }])
    const res = await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, {
      version: 1,
      body: '{市民姓名}您好，已由{承办单位}办理。',
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { message: string; details: { placeholder: string }[] }
    }
    expect(error.details.map((x) => x.placeholder)).toEqual(['承办单位'])
    expect(error.message).toContain('{承办单位}')
    const view = await detail(d, s, r!.id)
    expect([view.inquiry.status, view.inquiry.version, view.inquiry.replies.length]).toEqual([
      'new',
      1,
      0,
    ])

    await call(d, admin, 'PATCH', '/channel-settings/hotline_12345', { requiresSignOff: true })
    const draft = (await (
      await call(d, s, 'POST', `/inquiries/${r!.id}/drafts`, {
        version: 1,
        body: '已由{承办单位}办理。',
      })
    ).json()) as { draftId: number; version: number }
    const manager = await member(d, 'manager', 'mia', null)
    expect(
      (
        await call(d, manager, 'POST', `/inquiries/${r!.id}/drafts/${draft.draftId}/approve`, {
          version: draft.version,
        })
      ).status,
    ).toBe(422)
    expect((await detail(d, s, r!.id)).inquiry.replies).toHaveLength(0)
  })
  it('sends braces around a name that is no placeholder as typed (a formula, a JSON snippet), filling the known ones', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{ citizenName: '贺林', externalId: 'GD-9' }])
    const body = '{市民姓名}您好：公式 {x} 与 ｛y｝，请见{附件1}；{"a": 1}'
    const res = await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body })
    expect(res.status).toBe(201)
    expect((await detail(d, s, r!.id)).inquiry.replies.map((x) => x.body)).toEqual([
      '贺林您好：公式 {x} 与 ｛y｝，请见{附件1}；{"a": 1}',
    ])
  })

  it('treats full-width braces like ASCII ones: ｛市民姓名｝ is filled, a known ｛…｝ without a value refuses the reply', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{ citizenName: '贺林', externalId: 'GD-8' }])
    const refused = await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, {
      version: 1,
      body: '｛市民姓名｝您好：已交｛承办单位｝办理',
    })
    expect(refused.status).toBe(422)
    const { error } = (await refused.json()) as { error: { details: { placeholder: string }[] } }
    expect(error.details.map((x) => x.placeholder)).toEqual(['承办单位'])
    expect((await detail(d, s, r!.id)).inquiry.replies).toHaveLength(0)

    const res = await call(d, s, 'POST', `/inquiries/${r!.id}/replies`, {
      version: 1,
      body: '｛市民姓名｝您好：工单｛工单编号｝已办理。',
    })
    expect(res.status).toBe(201)
    expect((await detail(d, s, r!.id)).inquiry.replies.map((x) => x.body)).toEqual([
      '贺林您好：工单GD-8已办理。',
    ])
  })
})

describe('recategorise (改分类)', () => {
  it('sets or clears the category through the gate, with the old and new one in the event', async () => {
    const { d, planning } = await desk()
    const a = await member(d, 'responder', 'alice', planning)
    const b = await member(d, 'responder', 'bob', planning)
    const [r] = await addInquiries(d.db, [{ category: '咨询' }])
    const id = r!.id
    await call(d, a, 'POST', `/inquiries/${id}/claim`, { version: 1 })
    const byOther = await call(d, b, 'POST', `/inquiries/${id}/recategorise`, {
      version: 2,
      category: '投诉',
    })
    expect(byOther.status).toBe(409)
    expect(
      ((await byOther.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('not_holder')
    const res = await call(d, a, 'POST', `/inquiries/${id}/recategorise`, {
      version: 2,
      category: ' 投诉 ',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id, version: 3, status: 'assigned' })
    const view = await detail(d, a, id)
    expect(view.inquiry.events.at(-1)).toMatchObject({
      type: 'recategorised',
      actor: 'alice name',
      data: { from: '咨询', to: '投诉' },
    })
    const cleared = await call(d, a, 'POST', `/inquiries/${id}/recategorise`, {
      version: 3,
      category: null,
    })
    expect(cleared.status).toBe(200)
    const list = (await (
      await call(d, a, 'GET', '/inquiries?status=all&uncategorized=1')
    ).json()) as { items: { id: number }[] }
    expect(list.items.map((i) => i.id)).toEqual([id])
  })

  it('is refused after the reply (409 invalid_status), for a stale version, and for an empty category (422)', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{}])
    const id = r!.id
    const empty = await call(d, s, 'POST', `/inquiries/${id}/recategorise`, {
      version: 1,
      category: '  ',
    })
    expect(empty.status).toBe(422)
    await call(d, s, 'POST', `/inquiries/${id}/replies`, { version: 1, body: '已办理。' })
    const stale = await call(d, s, 'POST', `/inquiries/${id}/recategorise`, {
      version: 1,
      category: '投诉',
    })
    expect(stale.status).toBe(409)
    const late = await call(d, s, 'POST', `/inquiries/${id}/recategorise`, {
      version: 2,
      category: '投诉',
    })
    expect(
      ((await late.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('invalid_status')
    expect((await detail(d, s, id)).inquiry.version).toBe(2)
  })
})

describe('a duplicate merged into an answered inquiry', () => {
  it("gets the reply refilled from its own record: the second citizen's name, never the first's", async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [main, dup] = await addInquiries(d.db, [
      { citizenName: '贺林', externalId: 'GD-7' },
      { channelCode: 'mayor_mailbox', citizenName: '王芳', externalId: 'MX-9' },
    ])
    await call(d, s, 'POST', `/inquiries/${main!.id}/replies`, {
      version: 1,
      body: '{市民姓名}您好：工单{工单编号}已办理。',
    })
    const res = await call(d, s, 'POST', `/inquiries/${dup!.id}/merge`, {
      version: 1,
      mainId: main!.id,
    })
    expect(res.status).toBe(200)
    const view = await detail(d, s, dup!.id)
    expect(view.inquiry.status).toBe('replied')
    expect(view.inquiry.replies.map((x) => x.body)).toEqual(['王芳您好：工单MX-9已办理。'])
    expect(JSON.stringify(view.inquiry)).not.toContain('贺林')
  })

  it('is refused (422 naming the placeholder, nothing written) when its record lacks a value the reply needs', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [main, dup] = await addInquiries(d.db, [{ citizenName: '贺林' }, {}])
    await call(d, s, 'POST', `/inquiries/${main!.id}/replies`, {
      version: 1,
      body: '{市民姓名}您好：已办理。',
    })
    const res = await call(d, s, 'POST', `/inquiries/${dup!.id}/merge`, {
      version: 1,
      mainId: main!.id,
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { details: { placeholder: string }[] } }
    expect(error.details.map((x) => x.placeholder)).toEqual(['citizenName'])
    const view = await detail(d, s, dup!.id)
    expect([view.inquiry.status, view.inquiry.duplicateOfId, view.inquiry.replies]).toEqual([
      'new',
      null,
      [],
    ])
  })

  it('goes back to merged, not to the pending queue, when reopened', async () => {
    const { d } = await desk()
    const s = await member(d, 'responder', 'alice', null)
    const [main, dup] = await addInquiries(d.db, [{}, {}])
    await call(d, s, 'POST', `/inquiries/${dup!.id}/merge`, { version: 1, mainId: main!.id })
    await call(d, s, 'POST', `/inquiries/${main!.id}/replies`, { version: 1, body: '已办理。' })
    const replied = await detail(d, s, dup!.id)
    expect(replied.inquiry.status).toBe('replied')
    const res = await call(d, s, 'POST', `/inquiries/${dup!.id}/reopen`, {
      version: replied.inquiry.version,
    })
    expect(res.status).toBe(200)
    expect((await detail(d, s, dup!.id)).inquiry.status).toBe('merged')
  })
})

describe('concurrent responders', () => {
  it('lets one of two simultaneous claims win; the other gets 409 naming the holder', async () => {
    const { d } = await desk()
    const a = await member(d, 'responder', 'alice', null)
    const b = await member(d, 'responder', 'bob', null)
    const [r] = await addInquiries(d.db, [{}])
    const [ra, rb] = await Promise.all(
      [a, b].map((s) => call(d, s, 'POST', `/inquiries/${r!.id}/claim`, { version: 1 })),
    )
    expect([ra!.status, rb!.status].sort()).toEqual([200, 409])
    const lost = (await (ra!.status === 409 ? ra : rb)!.json()) as {
      error: { details: { reason: string; currentVersion?: number } }
    }
    // the loser learns the version to retry with, whichever check refused it
    if (lost.error.details.reason === 'stale_version')
      expect(lost.error.details.currentVersion).toBe(2)
    const again = await call(d, b, 'POST', `/inquiries/${r!.id}/claim`, { version: 2 })
    expect(again.status).toBe(409)
    expect(
      ((await again.json()) as { error: { details: { holder: string } } }).error.details.holder,
    ).toBe('alice name')
  })

  it('tells a write that lost a race the version the inquiry has now, not the one it loaded', async () => {
    const { d } = await desk()
    const a = await member(d, 'responder', 'alice', null)
    const [r] = await addInquiries(d.db, [{}])
    const seen = await load(d.db, r!.id)
    expect((await call(d, a, 'POST', `/inquiries/${r!.id}/claim`, { version: 1 })).status).toBe(200)
    const refused = await write(d.db, seen, { status: 'assigned', updatedAt: Date.now() }).then(
      () => undefined,
      (err: unknown) => err as AppError,
    )
    expect(refused?.details).toMatchObject({
      reason: 'stale_version',
      changedBy: 'alice name',
      currentVersion: 2,
    })
  })

  it('lets one of two simultaneous replies win and writes exactly one reply', async () => {
    const { d } = await desk()
    const a = await member(d, 'responder', 'alice', null)
    const b = await member(d, 'responder', 'bob', null)
    const [r] = await addInquiries(d.db, [{}])
    const res = await Promise.all(
      [a, b].map((s, i) =>
        call(d, s, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: `答复${i}` }),
      ),
    )
    expect(res.map((x) => x.status).sort()).toEqual([201, 409])
    expect((await detail(d, a, r!.id)).inquiry.replies).toHaveLength(1)
  })
})

describe('the holder rule', () => {
  it('lets only the holder or a manager reply, close, transfer or return a claimed inquiry', async () => {
    const { d, land } = await desk()
    await ensureReturnReasons(d.db)
    const a = await member(d, 'responder', 'alice', null)
    const b = await member(d, 'responder', 'bob', null)
    const [r] = await addInquiries(d.db, [{}])
    expect((await call(d, a, 'POST', `/inquiries/${r!.id}/claim`, { version: 1 })).status).toBe(200)
    const refused = [
      await call(d, b, 'POST', `/inquiries/${r!.id}/replies`, { version: 2, body: '答复' }),
      await call(d, b, 'POST', `/inquiries/${r!.id}/transfer`, {
        version: 2,
        departmentId: land,
        note: '转',
      }),
      await call(d, b, 'POST', `/inquiries/${r!.id}/return`, { version: 2, reasonId: 1 }),
      await call(d, b, 'POST', `/inquiries/${r!.id}/release`, { version: 2 }),
    ]
    for (const res of refused) {
      expect(res.status).toBe(409)
      expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
        reason: 'not_holder',
        holder: 'alice name',
      })
    }
    expect(
      (await call(d, a, 'POST', `/inquiries/${r!.id}/replies`, { version: 2, body: '答复' }))
        .status,
    ).toBe(201)
    expect((await call(d, b, 'POST', `/inquiries/${r!.id}/close`, { version: 3 })).status).toBe(409)
    const manager = await member(d, 'manager', 'mia', null)
    expect(
      (await call(d, manager, 'POST', `/inquiries/${r!.id}/close`, { version: 3 })).status,
    ).toBe(200)
  })

  it('lets a manager take over or reassign, each event naming both people', async () => {
    const { d } = await desk()
    const a = await member(d, 'responder', 'alice', null)
    const b = await member(d, 'responder', 'bob', null)
    const manager = await member(d, 'manager', 'mia', null)
    const [r] = await addInquiries(d.db, [{}])
    await call(d, a, 'POST', `/inquiries/${r!.id}/claim`, { version: 1 })
    expect(
      (await call(d, a, 'POST', `/inquiries/${r!.id}/assign`, { version: 2, assigneeId: b.userId }))
        .status,
    ).toBe(403)
    expect(
      (
        await call(d, manager, 'POST', `/inquiries/${r!.id}/assign`, {
          version: 2,
          assigneeId: b.userId,
        })
      ).status,
    ).toBe(200)
    expect(
      (await call(d, manager, 'POST', `/inquiries/${r!.id}/claim`, { version: 3 })).status,
    ).toBe(200)
    expect(
      (await call(d, manager, 'POST', `/inquiries/${r!.id}/release`, { version: 4 })).status,
    ).toBe(200)
    const { inquiry } = await detail(d, manager, r!.id)
    expect(inquiry.status).toBe('new')
    expect(inquiry.events.slice(-3).map((e) => [e.type, e.actor, e.data.from, e.data.to])).toEqual([
      ['assigned', 'mia name', 'alice name', 'bob name'],
      ['claimed', 'mia name', 'bob name', undefined],
      ['released', 'mia name', 'mia name', undefined],
    ])
  })
})
