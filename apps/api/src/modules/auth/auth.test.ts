import { describe, expect, it } from 'vitest'
import { createUser } from '../users/users.service.ts'
import { call, setupDesk, signIn, T0 } from '../../test/setup.ts'

describe('/auth', () => {
  it('sets an HttpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const desk = await setupDesk()
    await createUser(
      desk.db,
      { username: 'wang', displayName: '王芳', role: 'manager', password: 'long-enough' },
      T0,
    )
    const res = await call(desk, undefined, 'POST', '/auth/login', {
      username: 'wang',
      password: 'long-enough',
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^desk_session=[\w-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const body = (await res.json()) as {
      user: { displayName: string; role: string }
      csrfToken: string
    }
    expect(body.user).toMatchObject({ displayName: '王芳', role: 'manager' })
    expect(body.csrfToken).toHaveLength(43)
  })

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const desk = await setupDesk()
    await createUser(
      desk.db,
      { username: 'wang', displayName: '王芳', role: 'manager', password: 'long-enough' },
      T0,
    )
    const wrong = await call(desk, undefined, 'POST', '/auth/login', {
      username: 'wang',
      password: 'nope',
    })
    const unknown = await call(desk, undefined, 'POST', '/auth/login', {
      username: 'li',
      password: 'nope',
    })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(await wrong.json()).toEqual(await unknown.json())
  })

  it('answers a malformed JSON body with 422, not 500, on login and on a staff route', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const bad = (path: string, headers: Record<string, string> = {}) =>
      desk.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"kind":',
      })
    for (const res of [
      await bad('/auth/login'),
      await bad('/departments', { cookie: admin.cookie, 'x-csrf-token': admin.csrf }),
    ]) {
      expect(res.status).toBe(422)
      expect(
        ((await res.json()) as { error: { code: string; message: string } }).error,
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Malformed JSON/) })
    }
  })

  it('refuses a JSON body sent under another type for its type, and takes JSON with a charset', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const post = (type: string | undefined, body: string | undefined) =>
      desk.app.request('/departments', {
        method: 'POST',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          ...(type === undefined ? {} : { 'content-type': type }),
        },
        body,
      })
    const body = JSON.stringify({ name: '规划科' })
    const asText = await post('text/plain', body)
    expect(asText.status).toBe(422)
    expect(((await asText.json()) as { error: { details: unknown } }).error.details).toEqual([
      { path: ['content-type'], message: 'not application/json' },
    ])
    // an empty POST is judged by the route's schema, field by field
    const empty = await post(undefined, undefined)
    expect(empty.status).toBe(422)
    expect(JSON.stringify(await empty.json())).toContain('"name"')
    expect((await post('application/json; charset=utf-8', body)).status).toBe(201)
  })

  it('ends the session on logout', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk)
    expect((await call(desk, s, 'GET', '/auth/me')).status).toBe(200)
    expect((await call(desk, s, 'POST', '/auth/logout')).status).toBe(200)
    expect((await call(desk, s, 'GET', '/auth/me')).status).toBe(401)
  })

  it('expires sessions after their lifetime', async () => {
    let now = T0
    const desk = await setupDesk(() => now)
    const s = await signIn(desk)
    now = T0 + 13 * 3600 * 1000
    expect((await call(desk, s, 'GET', '/auth/me')).status).toBe(401)
  })
})

describe('/users', () => {
  it('lets an admin create a user who signs in to choose their own password first; refuses responders and duplicates', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const responder = await signIn(desk, 'responder')
    const input = {
      username: 'zhao',
      displayName: '赵敏',
      role: 'responder',
      password: 'password-1',
    }
    expect((await call(desk, responder, 'POST', '/users', input)).status).toBe(403)
    expect((await call(desk, admin, 'POST', '/users', input)).status).toBe(201)
    expect((await call(desk, admin, 'POST', '/users', input)).status).toBe(409)
    expect(
      (await call(desk, admin, 'POST', '/users', { ...input, username: 'x y', password: 'short' }))
        .status,
    ).toBe(422)
    const login = await call(desk, undefined, 'POST', '/auth/login', {
      username: 'zhao',
      password: 'password-1',
    })
    expect(login.status).toBe(200)
    // the admin knows the password they typed: until its owner replaces it, nothing else works
    const first = (await login.json()) as { csrfToken: string; passwordChange: string | null }
    expect(first.passwordChange).toBe('reset')
    const zhao = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: first.csrfToken,
      userId: 0,
    }
    const refused = await call(desk, zhao, 'GET', '/inquiries?status=all')
    expect(refused.status).toBe(403)
    expect(
      ((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('password_change_required')
    const changed = await call(desk, zhao, 'POST', '/auth/password', {
      currentPassword: 'password-1',
      password: 'my-own-password-2',
    })
    expect(changed.status).toBe(200)
    expect((await call(desk, zhao, 'GET', '/inquiries?status=all')).status).toBe(200)
    const again = await call(desk, undefined, 'POST', '/auth/login', {
      username: 'zhao',
      password: 'my-own-password-2',
    })
    expect(((await again.json()) as { passwordChange: string | null }).passwordChange).toBeNull()
  })
})
