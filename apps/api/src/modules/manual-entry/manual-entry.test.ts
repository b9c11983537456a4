import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PHONE_CONSULTATION_CHANNEL } from '@desk/domain'
import { tables } from '../../db/engine.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { jpegWithGps, notAnImage, tinyPdf } from '../../test/files.ts'
import { call, setupDesk, signIn, T0, type Desk, type Session } from '../../test/setup.ts'

const entry = (extra: Record<string, unknown> = {}) => ({
  channel: 'hotline_12345',
  kind: 'phone',
  callerName: '刘先生',
  callerPhone: '13700001111',
  subject: '咨询不动产登记所需材料',
  summary: '来电询问二手房过户需要准备哪些材料。',
  category: '国土资源',
  outcome: 'answered',
  answer: '已告知需携带身份证、不动产权证书及完税证明。',
  ...extra,
})

type Counts = { total: number; byChannel: Record<string, number> }

describe('POST /manual-entries', () => {
  it('records an answered call as replied at once, with the reply and author, outside the pending counts', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const res = await call(desk, s, 'POST', '/manual-entries', entry())
    expect(res.status).toBe(201)
    const { id, externalId } = (await res.json()) as { id: number; externalId: string }
    expect(externalId).toMatch(/^PHONE-20240927-[0-9A-Z]{8}$/)
    const view = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: {
        status: string
        replies: { body: string; author: string; origin: string }[]
        events: { type: string }[]
      }
    }
    expect(view.inquiry.status).toBe('replied')
    expect(view.inquiry.replies).toEqual([
      expect.objectContaining({ author: 'responder1 name', origin: 'desk' }),
    ])
    expect(view.inquiry.events.map((e) => e.type)).toEqual(['received', 'replied'])
    const pending = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    const replied = (await (
      await call(desk, s, 'GET', '/inquiries/counts?status=replied')
    ).json()) as Counts
    expect([pending.byChannel.hotline_12345, replied.byChannel.hotline_12345]).toEqual([0, 1])
  })

  it('counts a call logged on the consultation line in the annual report draft, not among the channels', async () => {
    const desk = await setupDesk()
    // the channel as the demo seed creates it
    await ensureChannels(desk.db, [PHONE_CONSULTATION_CHANNEL], T0)
    const s = await signIn(desk)
    const res = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ channel: 'consultation_phone' }),
    )
    expect(res.status).toBe(201)
    const m = await signIn(desk, 'manager')
    const { report } = (await (await call(desk, m, 'GET', '/reports/annual/2024')).json()) as {
      report: { sentences: { key: string; text: string }[] }
    }
    const text = (key: string) => report.sentences.find((x) => x.key === key)?.text
    expect(text('phone')).toBe('2024年共接听群众咨询电话1个。')
    expect(text('channels')).not.toContain('咨询电话')
  })

  it('puts a follow-up call into the reply queue', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ outcome: 'follow_up', answer: undefined, kind: 'letter' }),
    )
    const pending = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as Counts
    expect(pending.byChannel.hotline_12345).toBe(1)
  })

  it('answers 422 when an answered call has no answer, or the time is in the future', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const noAnswer = await call(desk, s, 'POST', '/manual-entries', entry({ answer: '' }))
    expect(noAnswer.status).toBe(422)
    const body = (await noAnswer.json()) as { error: { details: { path: string[] }[] } }
    expect(body.error.details[0]?.path).toEqual(['answer'])
    const future = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ receivedAt: '2030-01-01T09:00:00+08:00' }),
    )
    expect(future.status).toBe(422)
    expect(((await future.json()) as { error: { details: unknown } }).error.details).toEqual([
      { path: ['receivedAt'], message: 'in the future' },
    ])
  })

  it('answers 404 for an unknown channel and 401 without a session', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    expect(
      (await call(desk, s, 'POST', '/manual-entries', entry({ channel: 'nowhere' }))).status,
    ).toBe(404)
    expect((await call(desk, undefined, 'POST', '/manual-entries', entry())).status).toBe(401)
  })
})

/** Uploads a file as staff do before saving the entry; answers the raw response. */
function stage(desk: Desk, s: Session, name: string, bytes: Uint8Array) {
  return desk.app.request(`/attachments/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: bytes,
  })
}

async function tokenOf(res: Response) {
  expect(res.status).toBe(201)
  return ((await res.json()) as { token: string }).token
}

const inquiryCount = async (desk: Desk) =>
  (await desk.db.select().from(tables(desk.db).inquiries)).length

describe('POST /manual-entries with the scanned letter', () => {
  it('binds the letter and a photo (without its EXIF) to the entry, listed in the timeline as added with it', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const letter = await tokenOf(await stage(desk, s, '来信扫描件.pdf', tinyPdf('letter')))
    const photo = await tokenOf(await stage(desk, s, '现场照片.jpg', await jpegWithGps()))
    const res = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ kind: 'letter', attachments: [{ token: letter }, { token: photo }] }),
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const files = (
      (await (await call(desk, s, 'GET', `/inquiries/${id}/attachments`)).json()) as {
        attachments: { name: string; type: string; source: string; url: string }[]
      }
    ).attachments
    expect(files.map((f) => [f.name, f.type, f.source])).toEqual([
      ['来信扫描件.pdf', 'application/pdf', 'citizen'],
      ['现场照片.jpg', 'image/jpeg', 'citizen'],
    ])
    const stored = Buffer.from(
      await (await call(desk, s, 'GET', files[1]!.url.replace('/api', ''))).arrayBuffer(),
    )
    expect(stored.includes('SpyCam-9')).toBe(false)
    expect((await sharp(stored).metadata()).exif).toBeUndefined()
    const view = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { events: { type: string; data: { attachments?: { name: string }[] } }[] }
    }
    // downloading the citizen's photo above is an event of its own
    expect(view.inquiry.events.map((e) => e.type)).toEqual([
      'received',
      'replied',
      'attachment_added',
      'attachment_opened',
    ])
    expect(view.inquiry.events[2]!.data.attachments?.map((a) => a.name)).toEqual([
      '来信扫描件.pdf',
      '现场照片.jpg',
    ])
  })

  it('refuses a file by its content at upload, naming it, so no entry is sent', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const refused = await stage(desk, s, '扫描件.jpg', notAnImage())
    expect(refused.status).toBe(422)
    const { error } = (await refused.json()) as {
      error: { details: { file: string; reason: string }[] }
    }
    expect(error.details[0]).toMatchObject({ file: '扫描件.jpg', reason: 'type' })
  })

  it('answers 422 naming the file for a token that is not the user’s unused upload, and writes nothing of the entry', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const other = await signIn(desk, 'responder', 'other')
    const theirs = await tokenOf(await stage(desk, other, '别人的.pdf', tinyPdf('theirs')))
    const mine = await tokenOf(await stage(desk, s, '来信.pdf', tinyPdf('mine')))
    const before = await inquiryCount(desk)
    const res = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ attachments: [{ token: mine }, { token: theirs }] }),
    )
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { details: { path: unknown[]; reason: string }[] }
    }
    expect(error.details[0]).toMatchObject({ path: ['attachments', 1], reason: 'token' })
    expect(await inquiryCount(desk)).toBe(before)
    // my upload is still free: the entry saved again with it alone binds it
    const again = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ attachments: [{ token: mine }] }),
    )
    expect(again.status).toBe(201)
    const used = await call(
      desk,
      s,
      'POST',
      '/manual-entries',
      entry({ attachments: [{ token: mine }] }),
    )
    expect(used.status).toBe(422)
    expect(await inquiryCount(desk)).toBe(before + 1)
  })

  it('answers 422 for more files than a staff upload allows', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    const tokens = Array.from({ length: 11 }, (_, i) => ({ token: `T${i}`.padEnd(24, 'x') }))
    const res = await call(desk, s, 'POST', '/manual-entries', entry({ attachments: tokens }))
    expect(res.status).toBe(422)
  })
})
