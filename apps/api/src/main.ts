/**
 * Process entry: read the environment, open and migrate the SQLite file, bootstrap a new desk,
 * serve `/api/*` and the built SPA on one port, and print the URL and first-start logins.
 */
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { Hono } from 'hono'
import { createApp } from './app.ts'
import { bootstrapDesk } from './bootstrap.ts'
import { readConfig } from './config.ts'
import { openDb } from './db/client.ts'
import { consoleLogger } from './lib/logger.ts'
import { startOutboxWorker } from './modules/inquiries/delivery-worker.ts'
import { recoverImportJobs } from './modules/imports/import-jobs.service.ts'
import { REPO_ROOT, fromUser, resolveDbPath } from './paths.ts'
import { formatStartBanner } from './start-banner.ts'

const config = readConfig()
const dbPath = resolveDbPath(undefined)
const webDist = config.DESK_WEB_DIST ? fromUser(config.DESK_WEB_DIST) : resolve(REPO_ROOT, 'apps/web/dist')

const db = openDb(dbPath)
const now = config.DESK_DEMO_NOW ? Date.parse(config.DESK_DEMO_NOW) : Date.now()
const boot = await bootstrapDesk(db, { adminPassword: config.DESK_ADMIN_PASSWORD, demo: config.DESK_DEMO, now })
// import jobs a crash left running are failed and what they wrote is removed
recoverImportJobs(db, Date.now())

const server = new Hono()
const publicLimits = {
  submitPerHour: config.DESK_MAILBOX_SUBMITS_PER_HOUR,
  trackPerHour: config.DESK_MAILBOX_TRACKS_PER_HOUR,
  trustProxy: config.DESK_TRUST_PROXY,
}
server.route('/api', createApp({ db, logger: consoleLogger, publicLimits }))
// replies to channel webhooks; what a previous run left undelivered goes out now
const outbox = startOutboxWorker(db, { logger: consoleLogger })
if (existsSync(webDist)) {
  const root = relative(process.cwd(), webDist) || '.'
  server.use('/*', serveStatic({ root }))
  // client-side routes (/queue, /inquiries/12 …) get the SPA's index.html
  server.get('*', serveStatic({ root, path: 'index.html' }))
} else {
  console.warn(`No built SPA at ${webDist}: run "pnpm build" (pnpm start does it for you)`)
}

const httpServer = serve({ fetch: server.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  process.stdout.write(formatStartBanner({ url: `http://localhost:${info.port}`, dbPath, admin: boot.admin, demoLogins: boot.demoLogins }))
})

function shutdown() {
  httpServer.close(() => {
    void outbox.stop().then(() => {
      db.$client.close()
      process.exit(0)
    })
  })
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
