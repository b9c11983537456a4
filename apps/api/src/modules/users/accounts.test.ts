import { describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { runUserCommand } from '../../cli/user.command.ts'
import { createTestDb } from '../../db/client.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import { T0, addInquiries, call, setupDesk, signIn, type Session } from '../../test/setup.ts'
import { createUser } from './users.service.ts'

/** A desk whose clock the test moves. */
async function desk() {
  const db = await createTestDb()
  let now = T0
  const app = createApp({ db, now: () => now })
  return { db, app, advance: (ms: number) => (now += ms) }
}
type Desk = Awaited<ReturnType<typeof desk>>

async function login(d: Desk, username: string, password: string) {
  const res = await d.app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await res.json()) as { csrfToken: string; passwordChange: string | null }
  const session: Session = {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: body.csrfToken,
    userId: 0,
  }
  return { status: res.status, passwordChange: body.passwordChange, session }
}

const reasonOf = async (res: Response) =>
  ((await res.json()) as { error: { details?: { reason?: string } } }).error.details?.reason

describe('accounts under the separation of duties (三员分立)', () => {
  it('lets the admin keep chain identities and the security admin grant roles; each is refused the other duty', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const security = await signIn(d, 'security_admin')
    const auditor = await signIn(d, 'auditor')
    const user = (role: string, username: string) => ({
      username,
      displayName: username,
      role,
      password: 'Long-enough-1',
    })
    const made = await call(d, admin, 'POST', '/users', user('responder', 'wang'))
    expect(made.status).toBe(201)
    const { id } = ((await made.json()) as { user: { id: number } }).user
    expect((await call(d, admin, 'PATCH', `/users/${id}`, { role: 'manager' })).status).toBe(200)

    // rights beyond the chain, and passwords, are the security admin's
    for (const res of [
      await call(d, admin, 'POST', '/users', user('admin', 'zhao')),
      await call(d, admin, 'PATCH', `/users/${id}`, { role: 'auditor' }),
      await call(d, admin, 'POST', `/users/${id}/password-reset`),
      await call(d, admin, 'PATCH', `/users/${security.userId}`, { isActive: false }),
      await call(d, security, 'POST', '/users', user('responder', 'qian')),
      await call(d, security, 'PATCH', `/users/${id}`, { department: null }),
      // the manager role is the admin's to give and take: not straight to admin
      await call(d, security, 'PATCH', `/users/${id}`, { role: 'admin' }),
    ]) {
      expect(res.status).toBe(403)
      expect(await reasonOf(res)).toBe('separation_of_duties')
    }
    expect((await call(d, admin, 'PATCH', `/users/${id}`, { role: 'responder' })).status).toBe(200)
    expect((await call(d, security, 'PATCH', `/users/${id}`, { role: 'admin' })).status).toBe(200)
    // an administrator's account is no longer the security admin's to lock (see the reset test)
    expect((await call(d, security, 'PATCH', `/users/${id}`, { isActive: false })).status).toBe(403)
    // the auditor manages nothing
    expect((await call(d, auditor, 'GET', '/users')).status).toBe(403)
  })

  it('resets a password to a temporary one shown once; its sign-in can only change it, then works', async () => {
    const d = await desk()
    const security = await signIn(d, 'security_admin')
    const auditor = await signIn(d, 'auditor')
    const old = await signIn(d, 'responder', 'li')
    const reset = await call(d, security, 'POST', `/users/${old.userId}/password-reset`)
    expect(reset.status).toBe(200)
    expect(reset.headers.get('cache-control')).toBe('no-store')
    const { temporaryPassword } = (await reset.json()) as { temporaryPassword: string }
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16)
    // the old session ended, the old password no longer works
    expect((await call(d, old, 'GET', '/auth/me')).status).toBe(401)
    expect((await login(d, 'li', 'secret-pass')).status).toBe(401)

    const signedIn = await login(d, 'li', temporaryPassword)
    expect([signedIn.status, signedIn.passwordChange]).toEqual([200, 'reset'])
    const s = signedIn.session
    const blocked = await call(d, s, 'GET', '/inquiries')
    expect(blocked.status).toBe(403)
    expect(await reasonOf(blocked)).toBe('password_change_required')
    const me = (await (await call(d, s, 'GET', '/auth/me')).json()) as { passwordChange: string }
    expect(me.passwordChange).toBe('reset')

    const wrong = await call(d, s, 'POST', '/auth/password', {
      currentPassword: 'not-it-1',
      password: 'New-pass-2026',
    })
    expect(wrong.status).toBe(422)
    expect(JSON.stringify(await wrong.json())).toContain('currentPassword')
    const weak = await call(d, s, 'POST', '/auth/password', {
      currentPassword: temporaryPassword,
      password: 'short',
    })
    expect(weak.status).toBe(422)
    const ok = await call(d, s, 'POST', '/auth/password', {
      currentPassword: temporaryPassword,
      password: 'New-pass-2026',
    })
    expect(ok.status).toBe(200)
    // the same session goes on, now unrestricted
    expect((await call(d, s, 'GET', '/inquiries')).status).toBe(200)
    expect((await login(d, 'li', 'New-pass-2026')).passwordChange).toBeNull()
    // the audit entry says the change closed a forced flow
    const changed = await call(d, auditor, 'GET', '/audit?action=password_changed')
    const { entries } = (await changed.json()) as { entries: { detail: unknown }[] }
    expect(entries.map((e) => e.detail)).toEqual([{ forced: true }])
  })

  it('asks an account made by `desk user add`, or reset by `desk user reset-password`, for a new password at its first sign-in, as one an admin made', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const made = await call(d, admin, 'POST', '/users', {
      username: 'spa1',
      displayName: '界面建',
      role: 'responder',
      password: 'Long-enough-1',
    })
    expect(made.status).toBe(201)
    expect((await login(d, 'spa1', 'Long-enough-1')).passwordChange).toBe('reset')
    const policy = DEFAULT_SECURITY.passwordPolicy
    const line = await runUserCommand(
      d.db,
      'add',
      'aud1',
      { role: 'auditor', password: 'Cli-chosen-1' },
      T0,
      policy,
    )
    expect(line).toBe('Created aud1 as auditor; it must be changed at the first sign-in')
    const first = await login(d, 'aud1', 'Cli-chosen-1')
    expect([first.status, first.passwordChange]).toEqual([200, 'reset'])
    expect(await reasonOf(await call(d, first.session, 'GET', '/audit'))).toBe(
      'password_change_required',
    )
    // replaced once, the account is the owner's; the server's reset asks again
    const changed = await call(d, first.session, 'POST', '/auth/password', {
      currentPassword: 'Cli-chosen-1',
      password: 'Own-choice-2',
    })
    expect(changed.status).toBe(200)
    expect((await login(d, 'aud1', 'Own-choice-2')).passwordChange).toBeNull()
    await runUserCommand(d.db, 'reset-password', 'aud1', { password: 'Cli-reset-3' }, T0, policy)
    expect((await login(d, 'aud1', 'Cli-reset-3')).passwordChange).toBe('reset')
  })

  it('sends a user with an expired password to the change, and the change ends their other sessions', async () => {
    const d = await desk()
    await createUser(
      d.db,
      { username: 'zhou', displayName: '周', role: 'manager', password: 'First-pass-1' },
      T0,
    )
    const other = (await login(d, 'zhou', 'First-pass-1')).session
    d.advance(91 * 86_400_000)
    const expired = await login(d, 'zhou', 'First-pass-1')
    expect([expired.status, expired.passwordChange]).toEqual([200, 'expired'])
    const s = expired.session
    expect(await reasonOf(await call(d, s, 'GET', '/reports/dashboard'))).toBe(
      'password_change_required',
    )
    expect(
      (
        await call(d, s, 'POST', '/auth/password', {
          currentPassword: 'First-pass-1',
          password: 'Second-pass-2',
        })
      ).status,
    ).toBe(200)
    expect((await call(d, s, 'GET', '/auth/me')).status).toBe(200)
    expect((await call(d, other, 'GET', '/auth/me')).status).toBe(401)
    expect((await login(d, 'zhou', 'Second-pass-2')).passwordChange).toBeNull()
  })

  it('writes a change of one’s own password, and one refused for a wrong current password, to the audit log', async () => {
    const d = await desk()
    const auditor = await signIn(d, 'auditor')
    const li = await signIn(d, 'responder', 'li')
    const change = (currentPassword: string, password: string) =>
      call(d, li, 'POST', '/auth/password', { currentPassword, password })
    expect((await change('not-it-1', 'New-pass-2026')).status).toBe(422)
    expect((await change('secret-pass', 'short')).status).toBe(422)
    expect((await change('secret-pass', 'New-pass-2026')).status).toBe(200)

    type Entries = {
      entries: { action: string; actorName: string; target: string; detail: unknown }[]
    }
    const audit = async (action: string) =>
      (
        (await (await call(d, auditor, 'GET', `/audit?action=${action}`)).json()) as Entries
      ).entries.map((e) => [e.actorName, e.target, e.detail])
    // the policy's refusal (too short) changed nothing and is no attempt on the current password
    expect(await audit('password_change_failed')).toEqual([['li', `user:${li.userId}`, {}]])
    expect(await audit('password_changed')).toEqual([['li', `user:${li.userId}`, {}]])
  })

  it('tells a security admin at an inquiry, and an auditor at the accounts, which roles may and theirs', async () => {
    const d = await setupDesk()
    const security = await signIn(d, 'security_admin')
    const auditor = await signIn(d, 'auditor')
    const [inquiry] = await addInquiries(d.db, [{}])
    const claim = await call(d, security, 'POST', `/inquiries/${inquiry!.id}/claim`, { version: 1 })
    expect(claim.status).toBe(403)
    expect(((await claim.json()) as { error: unknown }).error).toEqual({
      code: 'FORBIDDEN',
      message: 'This needs one of the roles responder, manager, admin; yours is security_admin',
      details: {
        reason: 'role_required',
        roles: ['responder', 'manager', 'admin'],
        role: 'security_admin',
      },
    })
    const users = await call(d, auditor, 'GET', '/users')
    expect(users.status).toBe(403)
    expect(((await users.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'role_required',
      roles: ['admin', 'security_admin'],
      role: 'auditor',
    })
  })
})

describe('account changes in the audit log (等保 安全审计: subject, object, event and outcome)', () => {
  type Entry = {
    action: string
    actorName: string | null
    target: string | null
    detail: Record<string, unknown>
  }
  const entries = async (d: Desk, auditor: Session, action: string) =>
    (
      (await (await call(d, auditor, 'GET', `/audit?action=${action}`)).json()) as {
        entries: Entry[]
      }
    ).entries

  it('names the account and the old and new role, department and active flag of each change', async () => {
    const d = await desk()
    const security = await signIn(d, 'security_admin')
    const auditor = await signIn(d, 'auditor')
    const admin = await signIn(d, 'admin')
    const li = await signIn(d, 'responder', 'li')
    for (const role of ['security_admin', 'responder'])
      expect((await call(d, security, 'PATCH', `/users/${li.userId}`, { role })).status).toBe(200)
    expect((await call(d, admin, 'PATCH', `/users/${li.userId}`, { role: 'manager' })).status).toBe(
      200,
    )
    expect(
      (await call(d, security, 'PATCH', `/users/${li.userId}`, { isActive: false })).status,
    ).toBe(200)

    const changed = await entries(d, auditor, 'account_changed')
    expect(changed.map((e) => [e.actorName, e.target, e.detail])).toEqual([
      [
        'security_admin1',
        `user:${li.userId}`,
        { username: 'li', changes: { isActive: { from: true, to: false } } },
      ],
      [
        'admin1',
        `user:${li.userId}`,
        { username: 'li', changes: { role: { from: 'responder', to: 'manager' } } },
      ],
      [
        'security_admin1',
        `user:${li.userId}`,
        { username: 'li', changes: { role: { from: 'security_admin', to: 'responder' } } },
      ],
      [
        'security_admin1',
        `user:${li.userId}`,
        { username: 'li', changes: { role: { from: 'responder', to: 'security_admin' } } },
      ],
    ])
    // the entries above say it all: no bare "PATCH /api/users/…" beside them
    expect(await entries(d, auditor, 'admin_action')).toEqual([])
  })

  it('refuses a security admin giving or taking away the manager role (403, a security event); the admin does it', async () => {
    const d = await desk()
    const security = await signIn(d, 'security_admin')
    const admin = await signIn(d, 'admin')
    const auditor = await signIn(d, 'auditor')
    const li = await signIn(d, 'responder', 'li')
    const chen = await signIn(d, 'manager', 'chen')
    const promote = await call(d, security, 'PATCH', `/users/${li.userId}`, { role: 'manager' })
    expect(promote.status).toBe(403)
    expect(
      ((await promote.json()) as { error: { message: string; details: unknown } }).error,
    ).toEqual({
      code: 'FORBIDDEN',
      message: "Changing this account (setRole from responder to manager) is not your role's duty",
      details: { reason: 'separation_of_duties' },
    })
    const toAuditor = await call(d, security, 'PATCH', `/users/${chen.userId}`, { role: 'auditor' })
    expect(toAuditor.status).toBe(403)
    const refused = await entries(d, auditor, 'account_change_refused')
    expect(refused.map((e) => [e.actorName, e.target, e.detail])).toEqual([
      [
        'security_admin1',
        `user:${chen.userId}`,
        { username: 'chen', reason: 'separation_of_duties', requested: { role: 'auditor' } },
      ],
      [
        'security_admin1',
        `user:${li.userId}`,
        { username: 'li', reason: 'separation_of_duties', requested: { role: 'manager' } },
      ],
    ])
    expect(await entries(d, auditor, 'account_changed')).toEqual([])
    expect((await call(d, admin, 'PATCH', `/users/${li.userId}`, { role: 'manager' })).status).toBe(
      200,
    )
  })

  it('refuses a security admin resetting, locking or unlocking the admin’s or the auditor’s account (403, a security event); the server’s `desk user` recovers them', async () => {
    const d = await desk()
    const security = await signIn(d, 'security_admin')
    const admin = await signIn(d, 'admin')
    const auditor = await signIn(d, 'auditor')
    const peer = await signIn(d, 'security_admin', 'anquan2')
    const refusals = [
      await call(d, security, 'POST', `/users/${admin.userId}/password-reset`),
      await call(d, security, 'POST', `/users/${auditor.userId}/password-reset`),
      await call(d, security, 'POST', `/users/${peer.userId}/password-reset`),
      await call(d, security, 'PATCH', `/users/${admin.userId}`, { isActive: false }),
      await call(d, security, 'PATCH', `/users/${auditor.userId}`, { isActive: true }),
    ]
    for (const res of refusals) {
      expect(res.status).toBe(403)
      const body = (await res.json()) as { temporaryPassword?: string; error: { details: unknown } }
      expect(body.temporaryPassword).toBeUndefined()
      expect(body.error.details).toEqual({ reason: 'separation_of_duties' })
    }
    // the admin's session and password still work
    expect((await call(d, admin, 'GET', '/auth/me')).status).toBe(200)
    const refused = await entries(d, auditor, 'account_change_refused')
    expect(refused.map((e) => [e.target, e.detail.reason, e.detail.requested])).toEqual([
      [`user:${auditor.userId}`, 'separation_of_duties', { isActive: true }],
      [`user:${admin.userId}`, 'separation_of_duties', { isActive: false }],
      [`user:${peer.userId}`, 'separation_of_duties', { passwordReset: true }],
      [`user:${auditor.userId}`, 'separation_of_duties', { passwordReset: true }],
      [`user:${admin.userId}`, 'separation_of_duties', { passwordReset: true }],
    ])
    // a chain account stays the security admin's to reset and to lock
    const li = await signIn(d, 'responder', 'li')
    expect((await call(d, security, 'POST', `/users/${li.userId}/password-reset`)).status).toBe(200)
    expect(
      (await call(d, security, 'PATCH', `/users/${li.userId}`, { isActive: false })).status,
    ).toBe(200)
  })

  it('logs an account the admin creates, one made by `desk user add`, and refused changes as security events', async () => {
    const d = await desk()
    const admin = await signIn(d, 'admin')
    const security = await signIn(d, 'security_admin')
    const auditor = await signIn(d, 'auditor')
    const made = await call(d, admin, 'POST', '/users', {
      username: 'wang',
      displayName: 'wang',
      role: 'responder',
      password: 'Long-enough-1',
    })
    expect(made.status).toBe(201)
    await runUserCommand(
      d.db,
      'add',
      'sec2',
      { role: 'security_admin' },
      T0,
      DEFAULT_SECURITY.passwordPolicy,
    )
    const created = (await entries(d, auditor, 'account_created')).slice(0, 2)
    expect(created.map((e) => [e.actorName, e.detail])).toEqual([
      [null, { username: 'sec2', role: 'security_admin', department: null }],
      ['admin1', { username: 'wang', role: 'responder', department: null }],
    ])

    // a security admin making itself admin; demoting the only auditor
    const own = await call(d, security, 'PATCH', `/users/${security.userId}`, { role: 'admin' })
    expect(own.status).toBe(403)
    const last = await call(d, security, 'PATCH', `/users/${auditor.userId}`, { role: 'responder' })
    expect(last.status).toBe(409)
    const res = await call(d, security, 'GET', '/users/security-events')
    const { events } = (await res.json()) as { events: Entry[] }
    const refused = events.filter((e) => e.action === 'account_change_refused')
    expect(refused.map((e) => [e.actorName, e.target, e.detail])).toEqual([
      [
        'security_admin1',
        `user:${auditor.userId}`,
        { username: 'auditor1', reason: 'last_of_role', requested: { role: 'responder' } },
      ],
      [
        'security_admin1',
        `user:${security.userId}`,
        {
          username: 'security_admin1',
          reason: 'separation_of_duties',
          requested: { role: 'admin' },
        },
      ],
    ])
    // the refusals changed nothing
    expect(await entries(d, auditor, 'account_changed')).toEqual([])
  })
})
