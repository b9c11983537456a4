/** `/api/auth`: sign in (sets the HttpOnly session cookie), sign out, who am I. */
import { USER_ROLES, loginSchema } from '@desk/domain'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps, requireStaff, sessionCookieName } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { clientAddress } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { SESSION_TTL_MS, login, logout } from './auth.service.ts'

export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginSchema), async (c) => {
    const { token, csrfToken, user } = await login(
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
    return c.json({ user, csrfToken }, 200)
  })
  .post('/logout', requireStaff(...USER_ROLES), (c) => {
    const name = sessionCookieName(c)
    const token = getCookie(c, name)
    if (token) logout(c.var.db, token)
    deleteCookie(c, name, { path: '/', secure: isHttps(c) })
    return c.json({ ok: true }, 200)
  })
  .get('/me', requireStaff(...USER_ROLES), (c) => {
    const caller = c.var.caller
    const csrfToken = caller?.kind === 'staff' ? caller.csrfToken : ''
    return c.json({ user: c.var.user, csrfToken }, 200)
  })
