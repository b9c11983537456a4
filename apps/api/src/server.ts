/**
 * The whole HTTP surface on one port: security headers on every response, `/api/*` (the app),
 * a JSON 404 for every other `/api` method and path, and the built SPA (static files, and
 * index.html for client-side routes such as /queue or /inquiries/12).
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Schema } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { relative } from 'node:path'
import type { AppEnv } from './lib/context.ts'
import { errorBody } from './lib/errors.ts'
import { takeTurns } from './lib/turns.ts'

/**
 * Content-Security-Policy the SPA runs under (checked in Chromium by the e2e suite): scripts
 * only from the desk itself; inline styles allowed because antd (cssinjs) and ECharts inject
 * them at run time; images also from blob: and data: URLs (ECharts' saveAsImage, antd icons);
 * no framing anywhere (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** `webDist`: the built SPA's folder (absolute), or undefined to serve the API alone. */
export function createServer(api: Hono<AppEnv, Schema, string>, webDist: string | undefined) {
  const server = new Hono()
  // a saturated desk still lets new connections in within milliseconds (lib/turns.ts)
  server.use(takeTurns)
  server.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
      xContentTypeOptions: 'nosniff',
    }),
  )
  server.route('/api', api)
  // a mounted app's notFound is not consulted by its parent: without this the SPA's index.html
  // would answer unknown API paths (and known paths with the wrong method) with a 200
  server.all('/api/*', (c) =>
    c.json(errorBody('NOT_FOUND', `No such API route: ${c.req.method} ${c.req.path}`), 404),
  )
  if (webDist) {
    const root = relative(process.cwd(), webDist) || '.'
    server.use('/*', serveStatic({ root }))
    server.get('*', serveStatic({ root, path: 'index.html' }))
  }
  return server
}
