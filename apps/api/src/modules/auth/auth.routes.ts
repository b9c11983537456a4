/**
 * `/api/auth`: sign in (sets the HttpOnly session cookie), sign out, who am I, change my own
 * password. Sign-in and who-am-I answer `passwordChange` ('reset' | 'expired' | null): while it
 * is set, these routes are the only ones that answer the session.
 */
import { changePasswordSchema, loginSchema } from '@desk/domain'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps, requireSession, sessionCookieName } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { clientAddress } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { changeOwnPassword } from '../users/users.service.ts'
import { SESSION_TTL_MS, login, logout } from './auth.service.ts'

export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginSchema), async (c) => {
    const { token, csrfToken, user, passwordChange } = await login(
      c.var.db,
      c.req.valid('json'),
      c.var.now(),
      clientAddress(c, c.var.trustProxy),
      c.var.security,
    )
    setCookie(c, sessionCookieName(c), token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c),
      maxAge: SESSION_TTL_MS / 1000,
    })
    return c.json({ user, csrfToken, passwordChange }, 200)
  })
  .post('/logout', requireSession, async (c) => {
    const name = sessionCookieName(c)
    const token = getCookie(c, name)
    if (token) await logout(c.var.db, token)
    deleteCookie(c, name, { path: '/', secure: isHttps(c) })
    return c.json({ ok: true }, 200)
  })
  .get('/me', requireSession, (c) => {
    const caller = c.var.caller
    const staff = caller?.kind === 'staff' ? caller : undefined
    return c.json(
      {
        user: c.var.user,
        csrfToken: staff?.csrfToken ?? '',
        passwordChange: staff?.passwordChange ?? null,
      },
      200,
    )
  })
  .post('/password', requireSession, validate('json', changePasswordSchema), async (c) => {
    const caller = c.var.caller
    await changeOwnPassword(
      c.var.db,
      c.var.user.id,
      c.req.valid('json'),
      c.var.now(),
      c.var.security.passwordPolicy,
      {
        tokenHash: caller?.kind === 'staff' ? caller.tokenHash : '',
        address: clientAddress(c, c.var.trustProxy),
      },
    )
    return c.json({ ok: true }, 200)
  })
