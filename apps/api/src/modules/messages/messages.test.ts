import { describe, expect, it } from 'vitest'
import { tinyPdf } from '../../test/files.ts'
import { call, setupDesk, signIn } from '../../test/setup.ts'

type Desk = ReturnType<typeof setupDesk>

async function bridge(desk: Desk) {
  const admin = await signIn(desk, 'admin')
  const token = (
    (await (
      await call(desk, admin, 'POST', '/channels/hotline_12345/tokens', { name: 'bridge' })
    ).json()) as { token: string }
  ).token
  const post = (path: string, body: unknown) =>
    desk.app.request(`/channels/hotline_12345${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const created = await post('/inquiries', {
    externalId: 'GD-7',
    subject: '消防通道被占',
    body: '小区消防通道长期停车。',
    receivedAt: '2024-09-27T09:30:00+08:00',
  })
  const id = ((await created.json()) as { results: { id: number }[] }).results[0]!.id
  return { admin, post, id }
}

const message = {
  messageId: 'M-100',
  body: '补充：今天又被堵了，附照片说明。',
  sentAt: '2024-09-28T10:00:00+08:00',
  kind: 'citizen',
}

describe('POST /channels/:code/inquiries/:externalId/messages', () => {
  it('appends a message with its file once, however often it is resent', async () => {
    const desk = setupDesk()
    const { admin, post, id } = await bridge(desk)
    const withFile = {
      ...message,
      attachments: [{ name: '说明.pdf', contentBase64: tinyPdf().toString('base64') }],
    }
    const first = await post('/inquiries/GD-7/messages', withFile)
    expect(first.status).toBe(201)
    const result = await first.json()
    for (let i = 0; i < 3; i++) {
      const again = await post('/inquiries/GD-7/messages', withFile)
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual({ ...(result as object), created: false })
    }
    const view = (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; data: { body?: string } }[] }
    }
    const messages = view.inquiry.events.filter((e) => e.type === 'message_received')
    expect(messages.map((e) => e.data.body)).toEqual([message.body])
    const files = (await (
      await call(desk, admin, 'GET', `/inquiries/${id}/attachments`)
    ).json()) as { attachments: { name: string }[] }
    expect(files.attachments.map((f) => f.name)).toEqual(['说明.pdf'])
  })

  it('answers 404 for an unknown inquiry and 422 for a bad kind, writing nothing', async () => {
    const desk = setupDesk()
    const { post } = await bridge(desk)
    expect((await post('/inquiries/NOPE/messages', message)).status).toBe(404)
    expect((await post('/inquiries/GD-7/messages', { ...message, kind: 'bureau' })).status).toBe(
      422,
    )
    expect(
      (await post('/inquiries/GD-7/messages', { ...message, messageId: 'M-101' })).status,
    ).toBe(201)
  })
})
