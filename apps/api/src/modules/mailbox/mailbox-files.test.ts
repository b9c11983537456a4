import { describe, expect, it } from 'vitest'
import { jpegWithGps, tinyPdf } from '../../test/files.ts'
import { call, setupDesk, signIn, T0, type Desk } from '../../test/setup.ts'

type Tracked = { files: { name: string; fromDesk: boolean; url: string }[] }

async function citizenUpload(desk: Desk, name: string, bytes: Uint8Array) {
  const res = await desk.app.request(`/public/mailbox/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: bytes,
  })
  return { res, token: res.status === 201 ? ((await res.json()) as { token: string }).token : '' }
}

const letter = (attachments: { token: string }[], key = 'k-attach-0123456789') => ({
  subject: '消防通道被占用',
  body: '小区东门消防通道长期被车辆占用，附照片。',
  name: '陈女士',
  phone: '13812345678',
  agreePrivacy: true,
  idempotencyKey: key,
  attachments,
})

const post = (desk: Desk, path: string, body: unknown) =>
  desk.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('files on the public mailbox', () => {
  it('takes a photo from the citizen, and offers it and the reply’s PDF on the tracking page by signed links', async () => {
    const desk = await setupDesk()
    const photo = await citizenUpload(desk, '占道.jpg', await jpegWithGps())
    expect(photo.res.status).toBe(201)
    const sent = await post(desk, '/public/mailbox', letter([{ token: photo.token }]))
    expect(sent.status).toBe(201)
    const { trackingNumber } = (await sent.json()) as { trackingNumber: string }
    const track = async () =>
      (await (
        await post(desk, '/public/mailbox/track', { trackingNumber, phone: '13812345678' })
      ).json()) as Tracked

    expect((await track()).files.map((f) => [f.name, f.fromDesk])).toEqual([['占道.jpg', false]])

    const staff = await signIn(desk, 'responder')
    const list = (await (await call(desk, staff, 'GET', '/inquiries?status=all')).json()) as {
      items: { id: number; version: number }[]
    }
    const id = list.items[0]!.id
    const stage = await desk.app.request('/attachments/uploads?name=答复意见书.pdf', {
      method: 'POST',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf },
      body: tinyPdf('reply'),
    })
    const { token } = (await stage.json()) as { token: string }
    const replied = await call(desk, staff, 'POST', `/inquiries/${id}/reply-with-files`, {
      version: list.items[0]!.version,
      body: '已责成物业清理，详见附件。',
      attachments: [{ token }],
    })
    expect(replied.status).toBe(201)

    const { files } = await track()
    expect(files.map((f) => [f.name, f.fromDesk])).toEqual([
      ['占道.jpg', false],
      ['答复意见书.pdf', true],
    ])
    const pdf = await desk.app.request(files[1]!.url.replace('/api', ''))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).equals(tinyPdf('reply'))).toBe(true)
    // another file's id under this signature, or a later expiry, opens nothing
    const forged = files[1]!.url.replace('/api', '').replace(/files\/\d+/, 'files/1')
    expect((await desk.app.request(forged)).status).toBe(404)
    expect(
      (
        await desk.app.request(
          files[0]!.url.replace('/api', '').replace(/exp=\d+/, 'exp=99999999999999'),
        )
      ).status,
    ).toBe(404)
  })

  it('refuses a sixth file and a file too big, writing nothing', async () => {
    const desk = await setupDesk()
    const tokens = []
    for (let i = 0; i < 6; i++)
      tokens.push({ token: (await citizenUpload(desk, `p${i}.pdf`, tinyPdf(String(i)))).token })
    expect((await post(desk, '/public/mailbox', letter(tokens))).status).toBe(422)
    const big = await citizenUpload(
      desk,
      'big.pdf',
      Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024)]),
    )
    expect(big.res.status).toBe(422)
    const admin = await signIn(desk, 'admin')
    expect(
      (
        (await (await call(desk, admin, 'GET', '/inquiries?status=all')).json()) as {
          items: unknown[]
        }
      ).items,
    ).toEqual([])
  })

  it('lets the citizen add a message with a file on the tracking page, reopening the answered letter once', async () => {
    let now = T0
    const desk = await setupDesk(() => now)
    const sent = await post(desk, '/public/mailbox', letter([]))
    const { trackingNumber } = (await sent.json()) as { trackingNumber: string }
    const staff = await signIn(desk, 'responder')
    const list = async () =>
      (
        (await (await call(desk, staff, 'GET', '/inquiries?status=all')).json()) as {
          items: { id: number; version: number; status: string; round: number }[]
        }
      ).items
    const first = (await list())[0]!
    await call(desk, staff, 'POST', `/inquiries/${first.id}/replies`, {
      version: first.version,
      body: '已处理。',
    })
    const photo = await citizenUpload(desk, '仍被占用.jpg', await jpegWithGps('#a37'))
    const more = {
      trackingNumber,
      phone: '138 1234 5678',
      body: '补充：今天仍被占用，附照片。',
      idempotencyKey: 'k-more-0123456789ab',
      attachments: [{ token: photo.token }],
    }
    const added = await post(desk, '/public/mailbox/messages', more)
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual({ created: true, reopened: { round: 2 } })
    // a resend (a double click, a retry) is the same message: nothing more is written, though
    // the desk stamps the message's time on arrival and the resend arrives a minute later
    now += 60_000
    const again = await post(desk, '/public/mailbox/messages', more)
    expect(again.status).toBe(200)
    expect((await list()).map((r) => [r.status, r.round])).toEqual([['assigned', 2]])
    // the same key with another text is not that message: refused, naming the form's key
    const changed = await post(desk, '/public/mailbox/messages', { ...more, body: '改过的补充。' })
    expect(changed.status).toBe(409)
    expect(((await changed.json()) as { error: { details: unknown } }).error.details).toEqual([
      { path: ['idempotencyKey'], message: 'used for another message (body differs)' },
    ])
    // another phone opens nothing and writes nothing
    const wrong = { ...more, phone: '13900000000', idempotencyKey: 'k-wrong-0123456789a' }
    expect((await post(desk, '/public/mailbox/messages', wrong)).status).toBe(404)
    const tracked = (await (
      await post(desk, '/public/mailbox/track', { trackingNumber, phone: '13812345678' })
    ).json()) as Tracked & { messages: { body: string }[] }
    expect(tracked.messages.map((m) => m.body)).toEqual([more.body])
    expect(tracked.files.map((f) => [f.name, f.fromDesk])).toEqual([['仍被占用.jpg', false]])
  })
})
