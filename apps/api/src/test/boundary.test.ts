/**
 * The input boundary across routes: NUL is refused (422 naming the field) wherever text comes in,
 * and every date input and filter stays in the supported range (422 naming the field, never a
 * 500, never a download cut off after its headers were sent).
 */
import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn } from './setup.ts'

type ErrorBody = {
  error: { code: string; details?: { path: (string | number)[]; message: string }[] }
}
const fields = async (res: Response) =>
  ((await res.json()) as ErrorBody).error.details?.map((d) => d.path.join('.'))

describe('NUL in text', () => {
  it('is a 422 naming the field in search, mailbox, manual entry, replies and notes', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const [id] = (await addInquiries(desk.db, [{}])).map((r) => r.id)
    const search = await call(desk, s, 'GET', '/inquiries?status=all&q=a%00bcd')
    expect(search.status).toBe(422)
    expect(await fields(search)).toEqual(['q'])
    const mailbox = await call(desk, undefined, 'POST', '/public/mailbox', {
      subject: '施工\u0000',
      body: '夜间施工',
      name: '陈女士',
      phone: '13812345678',
      agreePrivacy: true,
      idempotencyKey: 'form-0123456789abcdef',
    })
    expect(mailbox.status).toBe(422)
    expect(await fields(mailbox)).toEqual(['subject'])
    const manual = await call(desk, s, 'POST', '/manual-entries', {
      channel: 'minxin',
      kind: 'phone',
      subject: '咨询',
      summary: 'a\u0000',
      outcome: 'follow_up',
    })
    expect(manual.status).toBe(422)
    expect(await fields(manual)).toEqual(['summary'])
    const reply = await call(desk, s, 'POST', `/inquiries/${id}/replies`, {
      version: 1,
      body: '答复\u0000',
    })
    expect(reply.status).toBe(422)
    expect(await fields(reply)).toEqual(['body'])
    const note = await call(desk, s, 'POST', `/inquiries/${id}/notes`, {
      version: 1,
      text: '\u0000',
    })
    expect(note.status).toBe(422)
    expect(await fields(note)).toEqual(['text'])
  })
})

describe('a lone UTF-16 surrogate in a JSON body', () => {
  it('is a 422 "not valid Unicode text" naming the field on every route; a whole pair is text', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const refused = async (res: Response) => {
      expect(res.status).toBe(422)
      const body = (await res.json()) as ErrorBody
      expect(body.error.details?.[0]?.message).toContain('not valid Unicode text')
      return body.error.details?.map((d) => d.path.join('.'))
    }
    const letter = {
      subject: '施工',
      body: '夜间施工',
      name: '陈\uD800女士',
      phone: '13812345678',
      agreePrivacy: true,
      idempotencyKey: 'form-0123456789abcdef',
    }
    expect(await refused(await call(desk, undefined, 'POST', '/public/mailbox', letter))).toEqual([
      'name',
    ])
    const disclosure = await call(desk, s, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'natural_person',
      applicantName: '张\uD800三',
      receiptMethod: 'online',
      receivedOn: '2024-09-20',
      subject: '孤立代理\uDFFF',
      body: '请公开。',
    })
    expect(await refused(disclosure)).toEqual(['applicantName', 'subject'])
    const token = (await (
      await call(desk, s, 'POST', '/channels/minxin/tokens', { name: 'bridge' })
    ).json()) as { token: string }
    const bridged = await desk.app.request('/channels/minxin/inquiries', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          externalId: 'S-1',
          receivedAt: '2024-09-27T09:30:00+08:00',
          subject: '\uD83D',
          body: 'x',
        },
      ]),
    })
    expect(await refused(bridged)).toEqual(['0.subject'])
    const report = await call(desk, s, 'PUT', '/reports/annual/2017/text', {
      version: 1,
      bureau: '某市自然资源局\uD800',
    })
    expect(await refused(report)).toEqual(['bureau'])
    // the same characters as a pair are an emoji, stored as sent
    const pair = await call(desk, undefined, 'POST', '/public/mailbox', {
      ...letter,
      name: '陈女士\uD83D\uDE00',
    })
    expect(pair.status).toBe(201)
  })
})

describe('control characters in text', () => {
  it('are a 422 naming the field on every write path, the calendar upload included', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const refused = async (res: Response) => {
      expect(res.status).toBe(422)
      const body = (await res.json()) as ErrorBody
      expect(body.error.details?.[0]?.message).toMatch(/control character U\+00(01|7F|07)/)
      return body.error.details?.map((d) => d.path.join('.'))
    }
    const disclosure = await call(desk, s, 'POST', '/disclosure/requests', {
      channel: 'director_mailbox',
      applicantType: 'natural_person',
      applicantName: '张\u0001三\u000b',
      receiptMethod: 'online',
      receivedOn: '2024-09-20',
      subject: '删除\u007f符',
      body: '请公开。',
    })
    expect(await refused(disclosure)).toEqual(['applicantName', 'subject'])
    const calendar = await call(desk, s, 'POST', '/calendar/years', {
      year: 2027,
      days: [{ name: '元旦\u0007', date: '2027-01-01', isOffDay: true }],
    })
    expect(await refused(calendar)).toEqual(['days.0.name'])
    const calendarSurrogate = await call(desk, s, 'POST', '/calendar/years', {
      year: 2027,
      days: [{ name: '元旦\uD800', date: '2027-01-01', isOffDay: true }],
    })
    expect(calendarSurrogate.status).toBe(422)
    expect(await fields(calendarSurrogate)).toEqual(['days.0.name'])
    const report = await call(desk, s, 'PUT', '/reports/annual/2017/text', {
      version: 1,
      bureau: '某市\u0007自然资源局',
    })
    expect(await refused(report)).toEqual(['bureau'])
    const search = await call(desk, s, 'GET', '/inquiries?status=all&q=a%01bcd')
    expect(await refused(search)).toEqual(['q'])
  })

  it('keeps tab and line breaks in multi-line text and makes them spaces in single-line text', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const res = await call(desk, s, 'POST', '/manual-entries', {
      channel: 'minxin',
      kind: 'phone',
      subject: '物业\r\n收费\u2028问题',
      summary: '第一行\n\t第二行',
      outcome: 'follow_up',
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const view = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { subject: string; body: string }
    }
    expect([view.inquiry.subject, view.inquiry.body]).toEqual([
      '物业 收费 问题',
      '第一行\n\t第二行',
    ])
  })
})

describe('text of only invisible characters', () => {
  it('is blank: a reply or note of zero-width and bidi controls is a 422 naming the field, nothing written', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const [id] = (await addInquiries(desk.db, [{}])).map((r) => r.id)
    const invisible = '\u200B\u200E\u202E\u2066\u2067\u2068\u2069\uFEFF'
    const reply = await call(desk, s, 'POST', `/inquiries/${id}/replies`, {
      version: 1,
      body: invisible,
    })
    expect(reply.status).toBe(422)
    expect(await fields(reply)).toEqual(['body'])
    const note = await call(desk, s, 'POST', `/inquiries/${id}/notes`, {
      version: 1,
      text: ` ${invisible}\n${invisible} `,
    })
    expect(note.status).toBe(422)
    expect(await fields(note)).toEqual(['text'])
    const detail = (await (await call(desk, s, 'GET', `/inquiries/${id}`)).json()) as {
      inquiry: { version: number; events: { type: string }[]; replies: unknown[] }
    }
    expect(detail.inquiry.version).toBe(1)
    expect(detail.inquiry.replies).toEqual([])
    expect(detail.inquiry.events.map((e) => e.type)).toEqual(['received'])
    // a note with something visible keeps its direction marks
    const kept = await call(desk, s, 'POST', `/inquiries/${id}/notes`, {
      version: 1,
      text: '\u2067مرحبا\u2069 已联系',
    })
    expect(kept.status).toBe(201)
  })
})

describe('dates outside 1992-01-01..2100-12-31', () => {
  it('are a 422 naming the field on the channel API, manual entry and every filter', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    await addInquiries(desk.db, [{}])
    for (const receivedAt of [
      '9999-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '1991-12-31T15:59:59Z',
      '2100-12-31T16:00:00Z',
    ]) {
      const res = await call(desk, s, 'POST', '/channels/minxin/inquiries', {
        externalId: 'D-1',
        subject: 's',
        body: 'b',
        receivedAt,
      })
      expect(res.status, receivedAt).toBe(422)
      expect(await fields(res)).toEqual(['receivedAt'])
    }
    const edge = await call(desk, s, 'POST', '/channels/minxin/inquiries', {
      externalId: 'D-2',
      subject: 's',
      body: 'b',
      receivedAt: '1991-12-31T16:00:00Z',
    })
    expect(edge.status).toBe(201) // 1992-01-01 00:00 in Beijing
    const manual = await call(desk, s, 'POST', '/manual-entries', {
      channel: 'minxin',
      kind: 'phone',
      subject: '咨询',
      summary: '问',
      outcome: 'follow_up',
      receivedAt: '9999-12-31T00:00:00+08:00',
    })
    expect(manual.status).toBe(422)
    expect(await fields(manual)).toEqual(['receivedAt'])
    for (const path of [
      '/inquiries',
      '/inquiries/counts',
      '/reports/export.csv',
      '/reports/export.xlsx',
    ]) {
      for (const [q, field] of [
        ['from=0001-01-01', 'from'],
        ['to=9999-12-31', 'to'],
      ] as const) {
        const res = await call(desk, s, 'GET', `${path}?status=all&${q}`)
        expect(res.status, `${path}?${q}`).toBe(422)
        expect(res.headers.get('content-disposition')).toBeNull()
        expect(await fields(res)).toEqual([field])
      }
    }
  })
})
