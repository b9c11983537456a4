import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { createTestDb } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { diskFileStore } from '../../lib/file-store.ts'
import { jpegWithGps, notAnImage, tinyPdf } from '../../test/files.ts'
import { T0, addInquiries, call, setupDesk, signIn, type Desk } from '../../test/setup.ts'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { ensureChannels } from '../channels/channels.service.ts'
import { updateUser } from '../users/users.service.ts'

type Attachment = { id: number; name: string; type: string; size: number; url: string }

/** A desk whose files land in a folder the test can look into. */
async function deskWithFolder() {
  const db = await createTestDb()
  await ensureChannels(db, DEFAULT_CHANNELS, T0)
  const root = mkdtempSync(join(tmpdir(), 'desk-files-test-'))
  return { desk: { db, app: createApp({ db, files: diskFileStore(root), now: () => T0 }) }, root }
}

async function channelToken(desk: Desk, code = 'minxin') {
  const admin = await signIn(desk, 'admin', `admin-${code}`)
  return (
    (await (
      await call(desk, admin, 'POST', `/channels/${code}/tokens`, { name: 'bridge' })
    ).json()) as { token: string }
  ).token
}

function upload(desk: Desk, token: string, name: string, bytes: Uint8Array, code = 'minxin') {
  return desk.app.request(`/channels/${code}/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  })
}

function postItem(desk: Desk, token: string, extra: Record<string, unknown>, code = 'minxin') {
  const item = {
    externalId: 'MX-1',
    subject: '农田上搭建彩钢棚',
    body: '村东农田里新搭了彩钢棚，见照片。',
    receivedAt: '2024-09-27T09:30:00+08:00',
    ...extra,
  }
  return desk.app.request(`/channels/${code}/inquiries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(item),
  })
}

const errorOf = async (res: Response) =>
  (
    (await res.json()) as {
      error: { message: string; details: { path: unknown[]; file: string; reason: string }[] }
    }
  ).error

async function filesOf(desk: Desk, id: number) {
  const s = await signIn(desk, 'admin', `reader${id}-${Math.random()}`)
  return (
    (await (await call(desk, s, 'GET', `/inquiries/${id}/attachments`)).json()) as {
      attachments: Attachment[]
    }
  ).attachments
}

describe('channel API files', () => {
  it('takes an uploaded photo by token and an inline PDF, and serves them as downloads', async () => {
    const desk = await setupDesk()
    const token = await channelToken(desk)
    const up = await upload(desk, token, '现场照片.jpg', await jpegWithGps())
    expect(up.status).toBe(201)
    const staged = (await up.json()) as { token: string; type: string }
    expect(staged.type).toBe('image/jpeg')
    const pdf = tinyPdf()
    const res = await postItem(desk, token, {
      attachments: [
        { token: staged.token },
        { name: '情况说明.pdf', contentBase64: pdf.toString('base64') },
        { url: 'https://example.org/map' },
      ],
    })
    expect(res.status).toBe(201)
    const id = ((await res.json()) as { results: { id: number }[] }).results[0]!.id
    const files = await filesOf(desk, id)
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['现场照片.jpg', 'image/jpeg'],
      ['情况说明.pdf', 'application/pdf'],
      ['example.org', 'link'],
    ])
    expect(files[2]!.url).toBe('https://example.org/map')
    const s = await signIn(desk, 'responder')
    const dl = await call(desk, s, 'GET', files[1]!.url.replace('/api', ''))
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-type')).toBe('application/pdf')
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff')
    expect(dl.headers.get('content-disposition')).toContain(
      'attachment; filename="file.pdf"; filename*=UTF-8\'\'%E6%83%85',
    )
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('drops bidirectional controls from file names, so a PDF named 发票\u202Efdp.exe is not shown as 发票exe.pdf', async () => {
    const desk = await setupDesk()
    const token = await channelToken(desk)
    const up = await upload(desk, token, '发票\u202efdp.exe', tinyPdf())
    expect(up.status).toBe(201)
    const staged = (await up.json()) as { token: string }
    const res = await postItem(desk, token, {
      attachments: [
        { token: staged.token },
        { name: '\u2067说明\u2069\u200f.pdf', contentBase64: tinyPdf().toString('base64') },
      ],
    })
    expect(res.status).toBe(201)
    const id = ((await res.json()) as { results: { id: number }[] }).results[0]!.id
    const files = await filesOf(desk, id)
    expect(files.map((f) => f.name)).toEqual(['发票fdp.exe', '说明.pdf'])
    const s = await signIn(desk, 'responder')
    const dl = await call(desk, s, 'GET', files[0]!.url.replace('/api', ''))
    expect(dl.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('发票fdp.exe')}`,
    )
  })

  it.each([
    ['wrong type by content', 'photo.jpg', () => notAnImage(), 'type'],
    [
      'too big (refused while reading)',
      'big.pdf',
      () => Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024)]),
      'size',
    ],
    ['a name with a path', '../../etc/passwd.pdf', () => tinyPdf(), 'name'],
  ])(
    'refuses an upload: %s, with 422 naming the file and the reason',
    async (_, name, bytes, reason) => {
      const desk = await setupDesk()
      const token = await channelToken(desk)
      const res = await upload(desk, token, name, bytes())
      expect(res.status).toBe(422)
      const error = await errorOf(res)
      expect(error.details[0]!.reason).toBe(reason)
      expect(error.message).toContain(name.split('/').pop())
    },
  )

  it('refuses an item with a bad inline file, too many files or an unknown token, writing nothing', async () => {
    const desk = await setupDesk()
    const token = await channelToken(desk)
    const cases: [unknown[], string][] = [
      [[{ name: 'scan.jpg', contentBase64: notAnImage().toString('base64') }], 'type'],
      [Array.from({ length: 21 }, () => ({ url: 'https://example.org/x' })), ''],
      [[{ token: 'x'.repeat(32) }], 'token'],
      [[{ name: 'a/b.pdf', contentBase64: tinyPdf().toString('base64') }], ''],
    ]
    for (const [attachments, reason] of cases) {
      const res = await postItem(desk, token, { attachments })
      expect(res.status, reason).toBe(422)
      if (reason) expect((await errorOf(res)).details[0]!.reason).toBe(reason)
    }
    const inline2mb = [tinyPdf('a'), tinyPdf('b')].map((b, i) => ({
      name: `p${i}.pdf`,
      contentBase64: Buffer.concat([b, Buffer.alloc(600 * 1024)]).toString('base64'),
    }))
    expect((await postItem(desk, token, { attachments: inline2mb })).status).toBe(422)
    const admin = await signIn(desk, 'admin')
    const list = (await (await call(desk, admin, 'GET', '/inquiries?status=all')).json()) as {
      items: unknown[]
    }
    expect(list.items).toEqual([])
  })

  it('removes EXIF camera and GPS data from a photo before it is stored', async () => {
    const desk = await setupDesk()
    const token = await channelToken(desk)
    const photo = await jpegWithGps()
    expect(photo.includes('SpyCam-9')).toBe(true)
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const staged = (await (await upload(desk, token, 'shed.jpg', photo)).json()) as {
      token: string
    }
    const id = (
      (await (await postItem(desk, token, { attachments: [{ token: staged.token }] })).json()) as {
        results: { id: number }[]
      }
    ).results[0]!.id
    const [file] = await filesOf(desk, id)
    const s = await signIn(desk, 'manager')
    const stored = Buffer.from(
      await (await call(desk, s, 'GET', file!.url.replace('/api', ''))).arrayBuffer(),
    )
    expect(stored.subarray(0, 2).toString('hex')).toBe('ffd8')
    expect(stored.includes('SpyCam-9')).toBe(false)
    expect(stored.includes('Exif\0\0')).toBe(false)
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect([meta.width, meta.height]).toEqual([64, 48])
  })

  it('stores identical files once', async () => {
    const { desk, root } = await deskWithFolder()
    const token = await channelToken(desk)
    const pdf = tinyPdf()
    for (const externalId of ['A', 'B']) {
      const staged = (await (await upload(desk, token, `${externalId}.pdf`, pdf)).json()) as {
        token: string
      }
      expect(
        (await postItem(desk, token, { externalId, attachments: [{ token: staged.token }] }))
          .status,
      ).toBe(201)
    }
    const stored = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    )
    expect(stored.map((e) => e.name)).toHaveLength(1)
    expect(stored[0]!.name).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('a file missing from the files folder', () => {
  it('answers 404 file_missing naming the file (a desk moved without DESK_FILES), not 500; the preview too', async () => {
    const { desk, root } = await deskWithFolder()
    const token = await channelToken(desk)
    const staged = (await (await upload(desk, token, '现场.jpg', await jpegWithGps())).json()) as {
      token: string
    }
    const res = await postItem(desk, token, { attachments: [{ token: staged.token }] })
    const id = ((await res.json()) as { results: { id: number }[] }).results[0]!.id
    const [file] = await filesOf(desk, id)
    rmSync(root, { recursive: true, force: true })
    const s = await signIn(desk, 'responder')
    for (const path of [file!.url, `${file!.url}/preview`]) {
      const dl = await call(desk, s, 'GET', path.replace('/api', ''))
      expect(dl.status).toBe(404)
      const body = (await dl.json()) as { error: { message: string; details: unknown } }
      expect(body.error.details).toEqual({ reason: 'file_missing' })
      expect(body.error.message).toContain('"现场.jpg" is missing')
    }
  })
})

describe('who may read a file', () => {
  it('serves it to every role that sees the inquiry, 404 to a responder of another department; a citizen file opened is on the timeline', async () => {
    const desk = await setupDesk()
    const token = await channelToken(desk)
    const staged = (await (await upload(desk, token, '信.pdf', tinyPdf())).json()) as {
      token: string
    }
    const id = (
      (await (await postItem(desk, token, { attachments: [{ token: staged.token }] })).json()) as {
        results: { id: number }[]
      }
    ).results[0]!.id
    const admin = await signIn(desk, 'admin')
    const dept = async (name: string) =>
      (
        (await (await call(desk, admin, 'POST', '/departments', { name })).json()) as {
          department: { id: number }
        }
      ).department.id
    const [planning, land] = [await dept('规划处'), await dept('土地处')]
    await call(desk, admin, 'POST', `/inquiries/${id}/transfer`, {
      version: 1,
      departmentId: planning,
      note: '转',
    })
    const roles = {
      own: await signIn(desk, 'responder', 'own'),
      other: await signIn(desk, 'responder', 'other'),
      manager: await signIn(desk, 'manager'),
      admin,
    }
    await updateUser(desk.db, roles.own.userId, { department: planning })
    await updateUser(desk.db, roles.other.userId, { department: land })
    const [file] = await filesOf(desk, id)
    const path = file!.url.replace('/api', '')
    for (const [name, s] of Object.entries(roles)) {
      const expected = name === 'other' ? 404 : 200
      expect((await call(desk, s, 'GET', path)).status, name).toBe(expected)
      expect((await call(desk, s, 'GET', `/inquiries/${id}/attachments`)).status, name).toBe(
        expected,
      )
    }
    expect((await call(desk, undefined, 'GET', path)).status).toBe(401)
    // out of scope answers as a file that does not exist: the same 404 and sentence, no inquiry id
    const fileId = Number(path.split('/').pop())
    for (const suffix of ['', '/preview']) {
      const hidden = await call(desk, roles.other, 'GET', `/attachments/${fileId}${suffix}`)
      const absent = await call(desk, roles.other, 'GET', `/attachments/${fileId + 1000}${suffix}`)
      expect([hidden.status, absent.status]).toEqual([404, 404])
      expect(await hidden.json()).toEqual({
        error: { code: 'NOT_FOUND', message: `Attachment ${fileId} does not exist` },
      })
      expect(await absent.json()).toEqual({
        error: { code: 'NOT_FOUND', message: `Attachment ${fileId + 1000} does not exist` },
      })
    }
    const view = (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; actor: string | null }[] }
    }
    expect(view.inquiry.events.filter((e) => e.type === 'attachment_opened')).toHaveLength(3)
  })
})

describe('staff files', () => {
  it('adds a photo with a note, and a reply carries a PDF; merging keeps both sides files', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'responder')
    const [a, b] = await addInquiries(desk.db, [{}, {}])
    const stage = async (name: string, bytes: Uint8Array) => {
      const res = await desk.app.request(`/attachments/uploads?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: bytes,
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { token: string }).token
    }
    const added = await call(desk, s, 'POST', `/inquiries/${a!.id}/attachments`, {
      version: 1,
      attachments: [{ token: await stage('现场.jpg', await jpegWithGps()) }],
      note: '补拍现场',
    })
    expect(added.status).toBe(201)
    const replied = await call(desk, s, 'POST', `/inquiries/${b!.id}/reply-with-files`, {
      version: 1,
      body: '答复如下，详见附件。',
      attachments: [{ token: await stage('答复意见书.pdf', tinyPdf()) }],
    })
    expect(replied.status).toBe(201)
    const merged = await call(desk, s, 'POST', `/inquiries/${a!.id}/merge`, {
      version: 2,
      mainId: b!.id,
    })
    expect(merged.status).toBe(200)
    for (const id of [a!.id, b!.id])
      expect((await filesOf(desk, id)).map((f) => f.name).sort()).toEqual([
        '现场.jpg',
        '答复意见书.pdf',
      ])
  })

  it('does not let one user bind another user’s upload', async () => {
    const desk = await setupDesk()
    const [a] = await addInquiries(desk.db, [{}])
    const one = await signIn(desk, 'responder', 'one')
    const two = await signIn(desk, 'responder', 'two')
    const res = await desk.app.request('/attachments/uploads?name=x.pdf', {
      method: 'POST',
      headers: { cookie: one.cookie, 'x-csrf-token': one.csrf },
      body: tinyPdf(),
    })
    const { token } = (await res.json()) as { token: string }
    const stolen = await call(desk, two, 'POST', `/inquiries/${a!.id}/attachments`, {
      version: 1,
      attachments: [{ token }],
    })
    expect(stolen.status).toBe(422)
    expect((await errorOf(stolen)).details[0]!.reason).toBe('token')
  })
})

describe('an upload sent again with its Idempotency-Key', () => {
  it('stores one file for the staff and for the public mailbox, answering the first token again', async () => {
    const desk = await setupDesk()
    const staff = await signIn(desk, 'responder')
    const send = (path: string, key: string, headers: Record<string, string> = {}) =>
      desk.app.request(path, {
        method: 'POST',
        headers: { 'idempotency-key': key, 'content-type': 'application/pdf', ...headers },
        body: tinyPdf(),
      })
    const staffHeaders = { cookie: staff.cookie, 'x-csrf-token': staff.csrf }
    const stored = async () => (await desk.db.select().from(tables(desk.db).attachments)).length
    for (const [path, headers] of [
      ['/attachments/uploads?name=答复.pdf', staffHeaders],
      ['/public/mailbox/uploads?name=材料.pdf', {}],
    ] as const) {
      const before = await stored()
      const key = `retry-${path.length}-0123456789abcdef`
      // the first answer is lost on the way (a network error); the form sends again with its key
      const first = await send(path, key, headers)
      const again = await send(path, key, headers)
      expect([first.status, again.status]).toEqual([201, 201])
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      const tokens = await Promise.all(
        [first, again].map(async (r) => ((await r.json()) as { token: string }).token),
      )
      expect(tokens[1]).toBe(tokens[0])
      expect({ path, added: (await stored()) - before }).toEqual({ path, added: 1 })
      // without the key the same bytes are a second upload (what the forms did before)
      const unkeyed = await desk.app.request(path, { method: 'POST', headers, body: tinyPdf() })
      expect(((await unkeyed.json()) as { token: string }).token).not.toBe(tokens[0])
      expect({ path, added: (await stored()) - before }).toEqual({ path, added: 2 })
    }
  })
})
