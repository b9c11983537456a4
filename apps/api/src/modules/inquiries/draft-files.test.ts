import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { tinyPdf } from '../../test/files.ts'
import { call, setupDesk, signIn, type Desk, type Session } from '../../test/setup.ts'

type DraftView = {
  number: number
  status: string
  attachments: { name: string; type: string; url: string }[]
}
type Ack = { version: number; draftId: number }

async function stage(desk: Desk, s: Session, name: string, bytes: Uint8Array) {
  const res = await desk.app.request(`/attachments/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: bytes,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { token: string }).token
}

const draftsOf = async (desk: Desk, s: Session, id: number) =>
  (
    (await (await call(desk, s, 'GET', `/inquiries/${id}/workflow`)).json()) as {
      drafts: DraftView[]
    }
  ).drafts

const firstInquiry = async (desk: Desk, s: Session) =>
  (
    (await (await call(desk, s, 'GET', '/inquiries?status=all')).json()) as {
      items: { id: number; version: number }[]
    }
  ).items[0]!

describe('files of a draft under sign-off', () => {
  it('go with the draft to the manager and, on 签发, to a webhook channel as signed links', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
      requiresSignOff: true,
      webhookUrl: 'https://minxin.example.cn/hook',
      webhookSecret: 'a-long-shared-secret-1234',
    })
    const bridge = (
      (await (
        await call(desk, admin, 'POST', '/channels/minxin/tokens', { name: 'bridge' })
      ).json()) as { token: string }
    ).token
    await desk.app.request('/channels/minxin/inquiries', {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: 'MX-7',
        subject: '农田搭建彩钢棚',
        body: '村东农田新搭彩钢棚。',
        receivedAt: '2024-09-27T09:00:00+08:00',
      }),
    })
    const responder = await signIn(desk, 'responder')
    const manager = await signIn(desk, 'manager')
    const { id, version } = await firstInquiry(desk, responder)
    const submitted = await call(desk, responder, 'POST', `/inquiries/${id}/drafts`, {
      version,
      body: '已责令拆除，详见答复意见书。',
      attachments: [{ token: await stage(desk, responder, '答复意见书.pdf', tinyPdf('signed')) }],
    })
    expect(submitted.status).toBe(201)
    const draft = (await submitted.json()) as Ack
    // the manager sees the file with the draft, and nothing is on its way yet
    const [seen] = await draftsOf(desk, manager, id)
    expect(seen!.attachments.map((f) => [f.name, f.type])).toEqual([
      ['答复意见书.pdf', 'application/pdf'],
    ])
    const opened = await call(desk, manager, 'GET', seen!.attachments[0]!.url.replace('/api', ''))
    expect(Buffer.from(await opened.arrayBuffer()).equals(tinyPdf('signed'))).toBe(true)
    expect(await desk.db.select().from(tables(desk.db).outboxMessages)).toEqual([])

    const approved = await call(
      desk,
      manager,
      'POST',
      `/inquiries/${id}/drafts/${draft.draftId}/approve`,
      { version: draft.version },
    )
    expect(approved.status).toBe(200)
    const [msg] = await desk.db.select().from(tables(desk.db).outboxMessages)
    const payload = JSON.parse(msg!.payload) as {
      body: string
      attachments: { name: string; url: string }[]
    }
    expect(payload.body).toBe('已责令拆除，详见答复意见书。')
    expect(payload.attachments.map((f) => f.name)).toEqual(['答复意见书.pdf'])
    expect(payload.attachments[0]!.url).toMatch(
      /^\/api\/channels\/minxin\/files\/\d+\?exp=\d+&sig=[0-9a-f]{64}$/,
    )
    // the signed link alone opens the bytes (what the platform bridge fetches)
    const fetched = await desk.app.request(payload.attachments[0]!.url.replace(/^\/api/, ''))
    expect(fetched.status).toBe(200)
    expect(Buffer.from(await fetched.arrayBuffer()).equals(tinyPdf('signed'))).toBe(true)
    // still listed with the draft it was signed off with
    expect((await draftsOf(desk, responder, id))[0]).toMatchObject({
      status: 'approved',
      attachments: [{ name: '答复意见书.pdf' }],
    })
  })

  it('stay with a draft sent back (never shown to the citizen); the signed-off version’s files reach the tracking page', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/director_mailbox', {
      requiresSignOff: true,
    })
    const sent = await desk.app.request('/public/mailbox', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: '消防通道被占用',
        body: '东门消防通道长期停车。',
        name: '陈女士',
        phone: '13812345678',
        agreePrivacy: true,
        idempotencyKey: 'k-draft-files-0123456789',
      }),
    })
    const { trackingNumber } = (await sent.json()) as { trackingNumber: string }
    const tracked = async () =>
      (
        (await (
          await desk.app.request('/public/mailbox/track', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ trackingNumber, phone: '13812345678' }),
          })
        ).json()) as { files: { name: string; fromDesk: boolean; url: string }[] }
      ).files
    const responder = await signIn(desk, 'responder')
    const manager = await signIn(desk, 'manager')
    const { id, version } = await firstInquiry(desk, responder)

    const first = (await (
      await call(desk, responder, 'POST', `/inquiries/${id}/drafts`, {
        version,
        body: '初稿',
        attachments: [{ token: await stage(desk, responder, '初稿附件.pdf', tinyPdf('first')) }],
      })
    ).json()) as Ack
    expect(await tracked()).toEqual([])
    const back = await call(
      desk,
      manager,
      'POST',
      `/inquiries/${id}/drafts/${first.draftId}/send-back`,
      { version: first.version, comment: '附件不对' },
    )
    const { version: v2 } = (await back.json()) as { version: number }
    expect(await tracked()).toEqual([])
    expect((await draftsOf(desk, responder, id))[0]).toMatchObject({
      status: 'sent_back',
      attachments: [{ name: '初稿附件.pdf' }],
    })

    const second = (await (
      await call(desk, responder, 'POST', `/inquiries/${id}/drafts`, {
        version: v2,
        body: '已责成物业清理，详见答复意见书。',
        attachments: [{ token: await stage(desk, responder, '答复意见书.pdf', tinyPdf('final')) }],
      })
    ).json()) as Ack
    const approved = await call(
      desk,
      manager,
      'POST',
      `/inquiries/${id}/drafts/${second.draftId}/approve`,
      { version: second.version },
    )
    expect(approved.status).toBe(200)
    const files = await tracked()
    expect(files.map((f) => [f.name, f.fromDesk])).toEqual([['答复意见书.pdf', true]])
    const pdf = await desk.app.request(files[0]!.url.replace('/api', ''))
    expect(Buffer.from(await pdf.arrayBuffer()).equals(tinyPdf('final'))).toBe(true)
    expect(
      (await draftsOf(desk, responder, id)).map((d) => [
        d.number,
        d.status,
        d.attachments.map((f) => f.name),
      ]),
    ).toEqual([
      [1, 'sent_back', ['初稿附件.pdf']],
      [2, 'approved', ['答复意见书.pdf']],
    ])
  })

  it('answers 422 naming the file for another user’s upload, and writes no draft', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/director_mailbox', {
      requiresSignOff: true,
    })
    await desk.app.request('/public/mailbox', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: '路灯不亮',
        body: '小区路灯坏了。',
        name: '王先生',
        phone: '13812345679',
        agreePrivacy: true,
        idempotencyKey: 'k-draft-files-refused-01',
      }),
    })
    const responder = await signIn(desk, 'responder')
    const other = await signIn(desk, 'responder', 'other')
    const { id, version } = await firstInquiry(desk, responder)
    const res = await call(desk, responder, 'POST', `/inquiries/${id}/drafts`, {
      version,
      body: '初稿',
      attachments: [{ token: await stage(desk, other, '别人的.pdf', tinyPdf('other')) }],
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { details: { path: unknown[]; reason: string; file: string }[] }
    }
    expect(error.details[0]).toMatchObject({ path: ['attachments', 0], reason: 'token' })
    expect(await draftsOf(desk, responder, id)).toEqual([])
  })
})
