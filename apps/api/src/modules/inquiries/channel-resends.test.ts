import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, type Desk, type Session } from '../../test/setup.ts'

const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  subject: '路灯不亮',
  body: '小区路灯坏了',
  receivedAt: '2024-09-26T23:30:00+08:00',
  citizen: { name: '市民甲', phone: '13612345678' },
  category: '城建',
  ...extra,
})

type Conflict = {
  error: {
    code: string
    message: string
    details: {
      path: (string | number)[]
      externalId: string
      inquiryId: number
      fields: string[]
    }[]
  }
}

const post = (desk: Desk, s: Session, body: unknown) =>
  call(desk, s, 'POST', '/channels/hotline_12345/inquiries', body)

async function total(desk: Desk, s: Session) {
  const res = await call(desk, s, 'GET', '/inquiries/counts?status=all')
  return ((await res.json()) as { total: number }).total
}

describe('POST /channels/:code/inquiries: a resend under a known externalId', () => {
  it('answers 409 naming the item, the desk inquiry and what differs when the message changed, writing nothing of the batch', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    const first = await post(desk, s, item('YE-1'))
    const [{ id }] = ((await first.json()) as { results: { id: number }[] }).results as [
      { id: number },
    ]
    const res = await post(desk, s, [
      item('YE-2'),
      item('ye-1', { subject: '改了标题', body: '测试' }),
    ])
    expect(res.status).toBe(409)
    const { error } = (await res.json()) as Conflict
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toEqual([
      {
        path: [1, 'subject'],
        message: `externalId ye-1 is inquiry ${id} already, received with another message (its subject and body differ); the desk keeps its own`,
        externalId: 'ye-1',
        inquiryId: id,
        fields: ['subject', 'body'],
      },
    ])
    expect(error.message).toMatch(/^Item 1: externalId ye-1 is inquiry \d+ already/)
    expect(error.message).toContain('Nothing was written')
    // YE-2 came in the same batch: not written either
    expect(await total(desk, s)).toBe(1)
  })

  it('answers created:false for a true repeat: the same instant in another offset, and a category staff may have changed', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    await post(desk, s, item('YE-1'))
    const again = await post(
      desk,
      s,
      item('YE-1', { receivedAt: '2024-09-26T15:30:00Z', category: '交通' }),
    )
    expect(again.status).toBe(201)
    expect(
      ((await again.json()) as { results: { created: boolean }[] }).results.map((r) => r.created),
    ).toEqual([false])
    expect(await total(desk, s)).toBe(1)
  })

  it('answers 409 for one batch that sends one externalId twice with different bodies', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    const res = await post(desk, s, [item('YE-3'), item('YE-3', { body: '另一段话' })])
    expect(res.status).toBe(409)
    const { error } = (await res.json()) as Conflict
    expect(error.details.map((d) => [d.path, d.fields])).toEqual([[[1, 'body'], ['body']]])
    expect(await total(desk, s)).toBe(0)
  })
})
