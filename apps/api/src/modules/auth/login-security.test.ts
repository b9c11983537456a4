import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../app.ts'
import { createTestDb } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import * as password from '../../lib/password.ts'
import { T0, addInquiries, call, signIn, type Session } from '../../test/setup.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { createUser } from '../users/users.service.ts'

vi.mock('../../lib/password.ts', async (importOriginal) => {
  const real = await importOriginal<typeof password>()
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) }
})

/** A desk whose clock the test moves, behind a trusted proxy so each request names its address. */
async function desk(security = DEFAULT_SECURITY) {
  const db = await createTestDb()
  await ensureChannels(db, DEFAULT_CHANNELS, T0)
  let now = T0
  const app = createApp({ db, now: () => now, trustProxy: true, security })
  return { db, app, advance: (ms: number) => (now += ms) }
}

function login(
  d: Awaited<ReturnType<typeof desk>>,
  username: string,
  pw: string,
  address = '203.0.113.7',
) {
  return d.app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password: pw }),
  })
}

const GOOD = 'right-pass-1'

describe('the last active holder of a separated administrator role', () => {
  it('can be neither demoted nor disabled (409 last_of_role); with a second admin both work', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const security = await signIn(d, 'security_admin')
    const res = await call(d, security, 'PATCH', `/users/${admin.userId}`, { role: 'responder' })
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { message: string; details: unknown } }
    expect(body.error.message).toContain('last active admin')
    expect(body.error.details).toEqual({ reason: 'last_of_role', role: 'admin' })
    // disabling the admin's account is nobody's in the desk (三员分立: `desk user` on the server)
    const disable = await call(d, security, 'PATCH', `/users/${admin.userId}`, { isActive: false })
    expect(disable.status).toBe(403)
    // nobody demotes or disables themselves, not even with a second holder
    expect(
      (await call(d, security, 'PATCH', `/users/${security.userId}`, { isActive: false })).status,
    ).toBe(403)
    await createUser(
      d.db,
      { username: 'admin2', displayName: 'A2', role: 'admin', password: GOOD },
      T0,
    )
    expect(
      (await call(d, security, 'PATCH', `/users/${admin.userId}`, { role: 'responder' })).status,
    ).toBe(200)
  })
})

describe('login throttling', () => {
  it('backs off a (username, address) pair after 5 failures with 429 and Retry-After, doubling, failures only', async () => {
    const d = await desk()
    await createUser(
      d.db,
      { username: 'zhou', displayName: '周', role: 'manager', password: GOOD },
      T0,
    )
    expect((await login(d, 'zhou', GOOD)).status).toBe(200) // a success counts nothing
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await login(d, 'zhou', 'wrong')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    const locked = await login(d, 'zhou', GOOD)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('1')
    expect((await login(d, 'zhou', GOOD, '198.51.100.9')).status).toBe(200) // the user's own address is not locked out
    d.advance(1001)
    expect((await login(d, 'zhou', 'wrong')).status).toBe(401)
    expect((await login(d, 'zhou', GOOD)).headers.get('retry-after')).toBe('2')
    d.advance(2001)
    expect((await login(d, 'zhou', GOOD)).status).toBe(200)
    expect((await login(d, 'zhou', 'wrong')).status).toBe(401) // cleared by the success: counting starts again
  })

  it('caps failures per address whatever the usernames, and shows lockouts to admins', async () => {
    const d = await desk({ ...DEFAULT_SECURITY, loginAddressFailuresPerHour: 8 })
    await createUser(
      d.db,
      { username: 'zhou', displayName: '周', role: 'manager', password: GOOD },
      T0,
    )
    for (let i = 0; i < 8; i++) expect((await login(d, `guess${i}`, 'wrong')).status).toBe(401)
    expect((await login(d, 'zhou', GOOD)).status).toBe(429)
    expect((await login(d, 'zhou', GOOD, '198.51.100.9')).status).toBe(200)
    for (let i = 0; i < 5; i++) await login(d, 'zhou', 'wrong', '198.51.100.10')
    const admin = await signIn(d, 'admin')
    const { events } = (await (await call(d, admin, 'GET', '/users/security-events')).json()) as {
      events: { action: string; target: string; address: string }[]
    }
    expect(events.map((e) => [e.action, e.target, e.address])).toEqual([
      ['login_locked', 'username:zhou', '198.51.100.10'],
      ['login_address_capped', 'address:203.0.113.7', '203.0.113.7'],
    ])
  })

  it('does the same password work for an unknown user as for a known one', async () => {
    const d = await desk()
    await createUser(
      d.db,
      { username: 'zhou', displayName: '周', role: 'manager', password: GOOD },
      T0,
    )
    const verify = vi.mocked(password.verifyPassword)
    verify.mockClear()
    expect((await login(d, 'nobody', 'wrong')).status).toBe(401)
    expect((await login(d, 'zhou', 'wrong')).status).toBe(401)
    expect(verify).toHaveBeenCalledTimes(2)
    expect(verify.mock.calls.map(([, stored]) => stored.split('$').slice(0, 4).join('$'))).toEqual([
      'scrypt$32768$8$1',
      'scrypt$32768$8$1',
    ])
  })
})

describe('等保 2.0: password policy, idle sessions, separated roles, audit log', () => {
  it('refuses weak and reused passwords, naming the field', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const weak = await call(d, admin, 'POST', '/users', {
      username: 'li',
      displayName: '李',
      role: 'responder',
      password: 'abcdefgh',
    })
    expect(weak.status).toBe(422)
    expect(
      ((await weak.json()) as { error: { details: { path: string[] }[] } }).error.details[0]?.path,
    ).toEqual(['password'])
    await createUser(
      d.db,
      { username: 'li', displayName: '李', role: 'responder', password: GOOD },
      T0,
    )
    const li = await login(d, 'li', GOOD)
    const s = {
      cookie: (li.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await li.json()) as { csrfToken: string }).csrfToken,
      userId: 0,
    }
    const change = (password: string) =>
      call(d, s, 'POST', '/auth/password', { currentPassword: GOOD, password })
    const reused = await change(GOOD)
    expect(reused.status).toBe(422)
    expect(JSON.stringify(await reused.json())).toContain('used before')
    expect((await change('other-pass-2')).status).toBe(200)
  })

  it('ends a session idle for longer than the timeout', async () => {
    const d = await desk()
    const s = await signIn(d, 'responder')
    d.advance(29 * 60_000)
    expect((await call(d, s, 'GET', '/auth/me')).status).toBe(200)
    d.advance(29 * 60_000) // active 29 min ago: still alive
    expect((await call(d, s, 'GET', '/auth/me')).status).toBe(200)
    d.advance(31 * 60_000)
    expect((await call(d, s, 'GET', '/auth/me')).status).toBe(401)
  })

  it('does not count background polls (X-Desk-Background: 1) as activity: a polled but unattended session still ends', async () => {
    const d = await desk()
    const s = await signIn(d, 'responder')
    const poll = () =>
      d.app.request('/notifications', {
        headers: { cookie: s.cookie, 'x-desk-background': '1' },
      })
    for (let i = 0; i < 3; i++) {
      d.advance(10 * 60_000)
      expect((await poll()).status).toBe(200)
    }
    d.advance(1 * 60_000) // signed in 31 min ago, polled 1 min ago
    expect((await poll()).status).toBe(401)
    expect((await call(d, s, 'GET', '/auth/me')).status).toBe(401)
  })

  it('lets the auditor read and export the audit log and nothing else; no one can erase it', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const auditor: Session = await signIn(d, 'auditor')
    const [inq] = await addInquiries(d.db, [{ citizenName: '张三', citizenPhone: '13812345678' }])
    expect((await call(d, admin, 'POST', `/inquiries/${inq!.id}/contact`)).status).toBe(200)
    expect((await call(d, admin, 'POST', '/departments', { name: '规划处' })).status).toBe(201)
    expect((await call(d, admin, 'GET', '/audit')).status).toBe(403)
    expect((await call(d, auditor, 'GET', '/inquiries')).status).toBe(403)
    expect((await call(d, auditor, 'GET', '/users')).status).toBe(403)
    const log = (await (await call(d, auditor, 'GET', '/audit?limit=10')).json()) as {
      entries: { action: string; actorName: string; target: string }[]
    }
    expect(log.entries.slice(0, 2).map((e) => [e.action, e.actorName, e.target])).toEqual([
      ['admin_action', 'admin1', 'POST /departments'],
      ['contact_revealed', 'admin1', `inquiry:${inq!.id}`],
    ])
    const revealed = (await (
      await call(d, auditor, 'GET', '/audit?action=contact_revealed')
    ).json()) as { entries: unknown[] }
    expect(revealed.entries).toHaveLength(1)
    const csv = await call(d, auditor, 'GET', '/audit/export.csv?action=login_succeeded')
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(3) // header + two sign-ins
    // refused by the database itself (a trigger on either engine), whoever connects
    const { auditLog } = tables(d.db)
    const refusal = (err: unknown) =>
      /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err))
    await expect(d.db.delete(auditLog)).rejects.toSatisfy(refusal)
    await expect(d.db.update(auditLog).set({ action: 'x' })).rejects.toSatisfy(refusal)
    expect((await call(d, auditor, 'DELETE', '/audit')).status).toBe(404)
  })
})
