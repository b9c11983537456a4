import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

const message = (extra: Record<string, unknown> = {}) => ({
  subject: '小区旁工地夜间施工',
  body: '每天晚上十一点后仍在施工，影响休息。',
  name: '陈女士',
  phone: '138 1234 5678',
  agreePrivacy: true,
  idempotencyKey: 'form-0123456789abcdef',
  ...extra,
})

type Receipt = { trackingNumber: string; created: boolean }

describe('public mailbox', () => {
  it('files a message as a director_mailbox inquiry with a tracking number', async () => {
    const desk = await setupDesk()
    const res = await call(desk, undefined, 'POST', '/public/mailbox', message())
    expect(res.status).toBe(201)
    const receipt = (await res.json()) as Receipt
    expect(receipt.trackingNumber).toMatch(/^JZ[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}$/)
    const s = await signIn(desk)
    const page = (await (
      await call(desk, s, 'GET', '/inquiries?channel=director_mailbox')
    ).json()) as {
      items: { externalId: string; citizenName: string }[]
    }
    expect(page.items).toEqual([
      expect.objectContaining({ externalId: receipt.trackingNumber, citizenName: '陈**' }),
    ])
  })

  it('creates one inquiry for a double submit with the same idempotency key', async () => {
    const desk = await setupDesk()
    const [a, b] = await Promise.all([
      call(desk, undefined, 'POST', '/public/mailbox', message()),
      call(desk, undefined, 'POST', '/public/mailbox', message()),
    ])
    const ra = (await a!.json()) as Receipt
    const rb = (await b!.json()) as Receipt
    expect(ra.trackingNumber).toBe(rb.trackingNumber)
    expect([ra.created, rb.created].sort()).toEqual([false, true])
    const s = await signIn(desk)
    const counts = (await (await call(desk, s, 'GET', '/inquiries/counts')).json()) as {
      byChannel: Record<string, number>
    }
    expect(counts.byChannel.director_mailbox).toBe(1)
  })

  it('refuses the same idempotency key with another letter (409 naming it and the first number), keeping the first', async () => {
    const desk = await setupDesk()
    const first = (await (
      await call(desk, undefined, 'POST', '/public/mailbox', message())
    ).json()) as Receipt
    const res = await call(
      desk,
      undefined,
      'POST',
      '/public/mailbox',
      message({ body: '每天晚上十一点后仍在施工，还有噪音。' }),
    )
    expect(res.status).toBe(409)
    const error = (
      (await res.json()) as {
        error: { details: { path: string[]; message: string; trackingNumber: string }[] }
      }
    ).error
    expect(error.details).toEqual([
      {
        path: ['idempotencyKey'],
        message: 'used for another letter (its body differs)',
        trackingNumber: first.trackingNumber,
      },
    ])
    // the first letter is the one stored, and only it
    const s = await signIn(desk)
    const page = (await (
      await call(desk, s, 'GET', '/inquiries?channel=director_mailbox&status=all')
    ).json()) as { items: { externalId: string; subject: string }[] }
    expect(page.items.map((i) => i.externalId)).toEqual([first.trackingNumber])
  })

  it('gives 422 naming the fields: bad phone, privacy not accepted', async () => {
    const desk = await setupDesk()
    const res = await call(
      desk,
      undefined,
      'POST',
      '/public/mailbox',
      message({ phone: '12345', agreePrivacy: false }),
    )
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { details: { path: string[] }[] } }
    expect(body.error.details.map((d) => d.path[0]).sort()).toEqual(['agreePrivacy', 'phone'])
  })

  it('tracks status and, once replied, the reply; a wrong phone looks like an unknown number', async () => {
    const desk = await setupDesk()
    const { trackingNumber } = (await (
      await call(desk, undefined, 'POST', '/public/mailbox', message())
    ).json()) as Receipt
    let res = await call(desk, undefined, 'POST', '/public/mailbox/track', {
      trackingNumber: trackingNumber.toLowerCase(),
      phone: '13812345678',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'received',
      reply: null,
      subject: '小区旁工地夜间施工',
    })

    const s = await signIn(desk)
    const page = (await (
      await call(desk, s, 'GET', '/inquiries?channel=director_mailbox')
    ).json()) as { items: { id: number }[] }
    await call(desk, s, 'POST', `/inquiries/${page.items[0]!.id}/replies`, {
      version: 1,
      body: '已责成执法部门调查处理。',
    })
    res = await call(desk, undefined, 'POST', '/public/mailbox/track', {
      trackingNumber,
      phone: '138-1234-5678',
    })
    expect(await res.json()).toMatchObject({
      status: 'replied',
      reply: { body: '已责成执法部门调查处理。' },
    })

    const wrongPhone = await call(desk, undefined, 'POST', '/public/mailbox/track', {
      trackingNumber,
      phone: '13900000000',
    })
    const unknown = await call(desk, undefined, 'POST', '/public/mailbox/track', {
      trackingNumber: 'JZ2222222222',
      phone: '13812345678',
    })
    expect([wrongPhone.status, unknown.status]).toEqual([404, 404])
    expect(await wrongPhone.json()).toEqual(await unknown.json())
  })

  it('rate-limits submissions per client address with 429', async () => {
    const desk = await setupDesk(undefined, {
      submitPerHour: 2,
      trackPerHour: 2,
      trustProxy: false,
    })
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const res = await call(
        desk,
        undefined,
        'POST',
        '/public/mailbox',
        message({ idempotencyKey: `form-key-number-${i}0000` }),
      )
      statuses.push(res.status)
    }
    expect(statuses).toEqual([201, 201, 429])
  })

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const desk = await setupDesk()
    const res = await call(
      desk,
      undefined,
      'POST',
      '/public/mailbox',
      message({ body: 'x'.repeat(40_000) }),
    )
    expect(res.status).toBe(413)
  })
})
