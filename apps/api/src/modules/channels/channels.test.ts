import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, type Desk } from '../../test/setup.ts'

const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  subject: '反映小区规划变更问题',
  body: '小区原规划的幼儿园被改为商业用途，请核查。',
  receivedAt: '2024-09-27T09:30:00+08:00',
  citizen: { name: '李四', phone: '13912345678' },
  category: '城乡建设',
  ...extra,
})

async function tokenFor(desk: Desk, code: string) {
  const admin = await signIn(desk, 'admin')
  const res = await call(desk, admin, 'POST', `/channels/${code}/tokens`, {
    name: 'platform bridge',
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { token: string }).token
}

function postWithToken(desk: Desk, token: string, code: string, body: unknown) {
  return desk.app.request(`/channels/${code}/inquiries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

type Results = { results: { externalId: string; id: number; created: boolean }[] }

describe('POST /channels/:code/inquiries', () => {
  it('creates with a channel token, and returns the existing id with created:false on resubmission', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    const first = await postWithToken(desk, token, 'minxin', [item('MX-1'), item('MX-2')])
    expect(first.status).toBe(201)
    const a = (await first.json()) as Results
    expect(a.results.map((r) => r.created)).toEqual([true, true])
    const again = (await (
      await postWithToken(desk, token, 'minxin', item('MX-1'))
    ).json()) as Results
    expect(again.results).toEqual([{ externalId: 'MX-1', id: a.results[0]!.id, created: false }])
  })

  it('stores the received time as the UTC instant of the offset time', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    const res = (await (await postWithToken(desk, token, 'minxin', item('MX-9'))).json()) as Results
    const s = await signIn(desk, 'responder')
    const view = (await (
      await call(desk, s, 'GET', `/inquiries/${res.results[0]!.id}`)
    ).json()) as {
      inquiry: { receivedAt: string; channel: string }
    }
    expect(view.inquiry.receivedAt).toBe('2024-09-27T09:30:00.000+08:00')
    expect(new Date(view.inquiry.receivedAt).toISOString()).toBe('2024-09-27T01:30:00.000Z')
  })

  it('rejects the whole batch with 422 naming the item and field, writing nothing', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    const res = await postWithToken(desk, token, 'minxin', [
      item('A'),
      item('B', { receivedAt: '2024-09-27 09:30:00' }),
    ])
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { details: { path: (string | number)[] }[] } }
    expect(body.error.details.some((d) => d.path[0] === 1 && d.path[1] === 'receivedAt')).toBe(true)
    const s = await signIn(desk, 'responder')
    const counts = (await (await call(desk, s, 'GET', '/inquiries/counts?status=all')).json()) as {
      total: number
    }
    expect(counts.total).toBe(0)
  })

  it('refuses a receivedAt in the future with 422 naming the item, writing nothing; 10 minutes ahead is clock skew', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    const res = await postWithToken(desk, token, 'minxin', [
      item('A'),
      item('B', { receivedAt: '2099-01-01T00:00:00+08:00' }),
    ])
    expect(res.status).toBe(422)
    const body = (await res.json()) as {
      error: { message: string; details: { path: (string | number)[]; message: string }[] }
    }
    expect(body.error.message).toBe('receivedAt is in the future')
    expect(body.error.details).toEqual([{ path: [1, 'receivedAt'], message: 'in the future' }])
    const s = await signIn(desk, 'responder')
    const counts = (await (await call(desk, s, 'GET', '/inquiries/counts?status=all')).json()) as {
      total: number
    }
    expect(counts.total).toBe(0)
    // the desk's clock is 2024-09-27 09:30 Beijing: 09:40 is within the skew, 09:40:01 is not
    const skew = await postWithToken(
      desk,
      token,
      'minxin',
      item('C', { receivedAt: '2024-09-27T09:40:00+08:00' }),
    )
    expect(skew.status).toBe(201)
    const late = await postWithToken(
      desk,
      token,
      'minxin',
      item('D', { receivedAt: '2024-09-27T09:40:01+08:00' }),
    )
    expect(late.status).toBe(422)
  })

  it('refuses a token of another channel (403) and no credentials (401)', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    expect((await postWithToken(desk, token, 'mayor_mailbox', item('X'))).status).toBe(403)
    expect(
      (await call(desk, undefined, 'POST', '/channels/minxin/inquiries', item('X'))).status,
    ).toBe(401)
    expect((await postWithToken(desk, 'not-a-token', 'minxin', item('X'))).status).toBe(401)
  })

  it('refuses more than 1000 items and an oversized body', async () => {
    const desk = await setupDesk()
    const token = await tokenFor(desk, 'minxin')
    const many = Array.from({ length: 1001 }, (_, i) => item(`N${i}`))
    expect((await postWithToken(desk, token, 'minxin', many)).status).toBe(422)
    const huge = [item('BIG', { body: '字'.repeat(2_000_000) })]
    const res = await postWithToken(desk, token, 'minxin', huge)
    expect(res.status).toBe(413)
  })

  it('accepts staff sessions and refuses a deactivated channel with 409', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    expect((await call(desk, admin, 'POST', '/channels/minxin/inquiries', item('S1'))).status).toBe(
      201,
    )
    expect((await call(desk, admin, 'PATCH', '/channels/minxin', { isActive: false })).status).toBe(
      200,
    )
    expect((await call(desk, admin, 'POST', '/channels/minxin/inquiries', item('S2'))).status).toBe(
      409,
    )
    const counts = (await (await call(desk, admin, 'GET', '/inquiries/counts')).json()) as {
      byChannel: Record<string, number>
    }
    expect(counts.byChannel.minxin).toBe(1)
  })
})

describe('channel administration', () => {
  it('lets an admin add and rename a channel, and forbids a responder', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const responder = await signIn(desk, 'responder')
    const input = { code: 'phone_114', nameZh: '114查号台', nameEn: '114 Line', intake: 'manual' }
    expect((await call(desk, responder, 'POST', '/channels', input)).status).toBe(403)
    expect((await call(desk, admin, 'POST', '/channels', input)).status).toBe(201)
    expect((await call(desk, admin, 'POST', '/channels', input)).status).toBe(409)
    const renamed = await call(desk, admin, 'PATCH', '/channels/phone_114', { nameZh: '电话咨询' })
    expect(((await renamed.json()) as { channel: { nameZh: string } }).channel.nameZh).toBe(
      '电话咨询',
    )
    const list = (await (await call(desk, responder, 'GET', '/channels')).json()) as {
      channels: { code: string }[]
    }
    expect(list.channels.map((c) => c.code)).toEqual([
      'hotline_12345',
      'mayor_mailbox',
      'minxin',
      'network_responder',
      'director_mailbox',
      'phone_114',
    ])
    expect((await call(desk, admin, 'PATCH', '/channels/nope', { nameZh: 'x' })).status).toBe(404)
  })

  it('rejects an invalid channel code with 422', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const res = await call(desk, admin, 'POST', '/channels', {
      code: 'Bad Code',
      nameZh: 'x',
      nameEn: 'x',
      intake: 'api',
    })
    expect(res.status).toBe(422)
  })
})
