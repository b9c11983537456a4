import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { tinyPdf } from '../../test/files.ts'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'

const DAY = 86_400_000

describe('reply files delivered to a webhook as signed links', () => {
  it('puts 7-day links in the outbox payload that download the bytes, and nothing else', async () => {
    let now = T0
    const desk = await setupDesk(() => now)
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
      webhookUrl: 'https://minxin.example.cn/hook',
      webhookSecret: 'a-long-shared-secret-1234',
    })
    await addInquiries(desk.db, [{ channelCode: 'minxin', externalId: 'MX-1' }])
    const list = (await (await call(desk, admin, 'GET', '/inquiries?status=all')).json()) as {
      items: { id: number; version: number }[]
    }
    const { id, version } = list.items[0]!
    const stage = await desk.app.request('/attachments/uploads?name=答复意见书.pdf', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: tinyPdf('answer'),
    })
    const { token } = (await stage.json()) as { token: string }
    const replied = await call(desk, admin, 'POST', `/inquiries/${id}/reply-with-files`, {
      version,
      body: '详见附件。',
      attachments: [{ token }],
    })
    expect(replied.status).toBe(201)
    const [msg] = await desk.db.select().from(tables(desk.db).outboxMessages)
    const payload = JSON.parse(msg!.payload) as {
      body: string
      attachments: { name: string; type: string; url: string; expiresAt: string }[]
    }
    expect(payload.body).toBe('详见附件。')
    expect(payload.attachments).toHaveLength(1)
    const file = payload.attachments[0]!
    expect(file).toMatchObject({
      name: '答复意见书.pdf',
      type: 'application/pdf',
      expiresAt: '2024-10-04T09:30:00.000+08:00',
    })
    expect(file.url).toMatch(/^\/api\/channels\/minxin\/files\/\d+\?exp=\d+&sig=[0-9a-f]{64}$/)
    const get = (url: string) => desk.app.request(url.replace(/^\/api/, ''))
    // no session, no token: the signature is the key
    const res = await get(file.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(Buffer.from(await res.arrayBuffer()).equals(tinyPdf('answer'))).toBe(true)
    // another channel's path, a changed expiry or a changed signature opens nothing
    expect((await get(file.url.replace('/minxin/', '/hotline_12345/'))).status).toBe(404)
    expect((await get(file.url.replace(/exp=\d+/, `exp=${T0 + 30 * DAY}`))).status).toBe(404)
    expect((await get(file.url.replace(/sig=[0-9a-f]/, 'sig=0'))).status).not.toBe(200)
    // a day before the end it works; after 7 days it does not
    now = T0 + 7 * DAY - 1
    expect((await get(file.url)).status).toBe(200)
    now = T0 + 7 * DAY + 1
    expect((await get(file.url)).status).toBe(404)
  })
})
