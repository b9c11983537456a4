import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'
import { createTestDb } from './db/client.ts'
import { resolveDbPath, UnsupportedDbError } from './paths.ts'
import { createServer } from './server.ts'
import { createUser } from './modules/users/users.service.ts'

async function setup(trustProxy = false) {
  const dist = mkdtempSync(join(tmpdir(), 'desk-dist-'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>desk</title>')
  const db = await createTestDb()
  return { db, server: createServer(createApp({ db, trustProxy }), dist) }
}

describe('the HTTP surface', () => {
  it.each([
    ['GET', '/api/nonexistent'],
    ['GET', '/api/auth/logout'],
    ['PUT', '/api/no/such/path'],
    ['POST', '/api/health'],
  ])('answers %s %s with the JSON 404, not the SPA', async (method, path) => {
    const res = await (await setup()).server.request(path, { method })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  })

  it('still serves the SPA for client-side routes, with the security headers on every response', async () => {
    const { server } = await setup()
    for (const path of ['/queue', '/mailbox', '/api/health', '/api/nonexistent']) {
      const res = await server.request(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("script-src 'self'")
      expect(csp).toContain("style-src 'self' 'unsafe-inline'")
      expect(csp).toContain("img-src 'self' blob: data:")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
    }
    expect(await (await server.request('/queue')).text()).toContain('<title>desk</title>')
  })

  it('makes the session cookie Secure and __Host- behind a trusted TLS proxy, and reads it back', async () => {
    let cases = 0
    for (const [trustProxy, proto, cookie] of [
      [
        true,
        'https',
        /^__Host-desk_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      ],
      [
        false,
        'https',
        /^desk_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
      ],
      [true, 'http', /^desk_session=/],
    ] as const) {
      const { db, server } = await setup(trustProxy)
      // a user of its own per case: on PostgreSQL the three desks of this test share a database
      const username = `u${++cases}`
      await createUser(
        db,
        { username, displayName: 'U', role: 'responder', password: 'secret-pass' },
        Date.now(),
      )
      const headers = { 'content-type': 'application/json', 'x-forwarded-proto': proto }
      const res = await server.request('/api/auth/login', {
        method: 'POST',
        headers,
        body: JSON.stringify({ username, password: 'secret-pass' }),
      })
      const setCookie = res.headers.get('set-cookie') ?? ''
      expect(setCookie, `${trustProxy} ${proto}`).toMatch(cookie)
      const me = await server.request('/api/auth/me', {
        headers: { cookie: setCookie.split(';')[0]!, 'x-forwarded-proto': proto },
      })
      expect(me.status).toBe(200)
    }
  })
})

describe('DESK_DB', () => {
  it('refuses a URL of another engine with one clear message instead of making a folder of it', () => {
    expect(() => readConfig({ DESK_DB: 'mysql://desk:pw@db/desk' })).toThrow(
      /DESK_DB \(or --db\) names a mysql:\/\/ URL, which the desk cannot use/,
    )
    expect(() => readConfig({ DESK_DATABASE_URL: 'mysql://desk:pw@db/desk' })).not.toThrow(/pw/)
    expect(() => resolveDbPath('anything://x')).toThrow(UnsupportedDbError)
    expect(resolveDbPath('/tmp/desk.sqlite')).toBe('/tmp/desk.sqlite')
  })

  it('refuses an idle limit of 1 minute, which would sign out an active user; takes 0 and 2', () => {
    expect(() => readConfig({ DESK_SESSION_IDLE_MINUTES: '1' })).toThrow(
      /DESK_SESSION_IDLE_MINUTES: use 0 \(no limit\) or at least 2 minutes/,
    )
    expect(readConfig({ DESK_SESSION_IDLE_MINUTES: '0' }).DESK_SESSION_IDLE_MINUTES).toBe(0)
    expect(readConfig({ DESK_SESSION_IDLE_MINUTES: '2' }).DESK_SESSION_IDLE_MINUTES).toBe(2)
  })

  it('takes a postgres:// or postgresql:// URL as it is', () => {
    expect(readConfig({ DESK_DB: 'postgres://desk:pw@db/desk' }).DESK_DB).toBe(
      'postgres://desk:pw@db/desk',
    )
    expect(resolveDbPath('postgresql://db/desk')).toBe('postgresql://db/desk')
  })
})

describe('DESK_ADMIN_PASSWORD', () => {
  it('must pass the password policy at start, named in one line', () => {
    expect(() => readConfig({ DESK_ADMIN_PASSWORD: 'admin-pass-1' })).toThrow(
      /DESK_ADMIN_PASSWORD: must not contain the username/,
    )
    expect(() => readConfig({ DESK_ADMIN_PASSWORD: 'abcdefghij' })).toThrow(
      /DESK_ADMIN_PASSWORD: needs at least 2 of/,
    )
    expect(readConfig({ DESK_ADMIN_PASSWORD: 'Desk-Pass-2026' }).DESK_ADMIN_PASSWORD).toBe(
      'Desk-Pass-2026',
    )
  })
})
