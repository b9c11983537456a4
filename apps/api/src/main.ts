/**
 * Process entry: read the environment, open and migrate the database (SQLite file or PostgreSQL
 * server), bootstrap a new desk,
 * serve `/api/*` and the built SPA on one port, and print the URL and first-start logins.
 */
import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { createApp } from './app.ts'
import { bootstrapDesk } from './bootstrap.ts'
import { readConfig, securityOf, webhookNetworksOf } from './config.ts'
import { closeDatabase, openDatabase } from './db/engine.ts'
import { DbStartError, describeUrl, isPostgresUrl } from './db/postgres.ts'
import { consoleLogger } from './lib/logger.ts'
import { startOutboxWorker } from './modules/inquiries/delivery-worker.ts'
import { recoverImportJobs } from './modules/imports/import-jobs.service.ts'
import { importJobsSettled } from './modules/imports/import-workers.ts'
import { diskFileStore } from './lib/file-store.ts'
import { startUploadSweeper } from './modules/files/stale-uploads.ts'
import { REPO_ROOT, dataDirOf, fromUser, resolveDbPath, resolveFilesDir } from './paths.ts'
import { createServer } from './server.ts'
import { formatStartBanner } from './start-banner.ts'

/** The settings, or a one-line reason on stderr and exit code 1 (no stack trace for a bad setting). */
function readSettings() {
  try {
    return { config: readConfig(), dbPath: resolveDbPath(undefined) }
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  }
}
const { config, dbPath } = readSettings()
const files = diskFileStore(resolveFilesDir(config.DESK_FILES, dbPath))
const webDist = config.DESK_WEB_DIST
  ? fromUser(config.DESK_WEB_DIST)
  : resolve(REPO_ROOT, 'apps/web/dist')

/** The database, or the server's refusal in one line and exit code 1 (unreachable, login, missing database). */
async function open() {
  try {
    return await openDatabase(dbPath)
  } catch (err) {
    if (!(err instanceof DbStartError)) throw err
    console.error(err.message)
    process.exit(1)
  }
}
const db = await open()
const now = config.DESK_DEMO_NOW ? Date.parse(config.DESK_DEMO_NOW) : Date.now()
const boot = await bootstrapDesk(db, {
  adminPassword: config.DESK_ADMIN_PASSWORD,
  demo: config.DESK_DEMO,
  now,
})
// import jobs a crash left running are failed and what they wrote is removed (a job another
// process is running holds its lock and is left alone)
if (config.DESK_BACKGROUND) await recoverImportJobs(db, Date.now())

const publicLimits = {
  submitPerHour: config.DESK_MAILBOX_SUBMITS_PER_HOUR,
  trackPerHour: config.DESK_MAILBOX_TRACKS_PER_HOUR,
  trustProxy: config.DESK_TRUST_PROXY,
}
// the wizard's previews and jobs run in worker threads with their own connection to this database
const imports = {
  stagingDir: config.DESK_IMPORT_STAGING
    ? fromUser(config.DESK_IMPORT_STAGING)
    : resolve(dataDirOf(dbPath), 'import-staging'),
  workerDb: dbPath,
}
const server = createServer(
  createApp({
    db,
    files,
    logger: consoleLogger,
    publicLimits,
    trustProxy: config.DESK_TRUST_PROXY,
    imports,
    security: securityOf(config),
    webhookNetworks: webhookNetworksOf(config),
  }),
  existsSync(webDist) ? webDist : undefined,
)
// replies to channel webhooks; what a previous run left undelivered goes out now
const outbox = config.DESK_BACKGROUND
  ? startOutboxWorker(db, { logger: consoleLogger, networks: webhookNetworksOf(config) })
  : { stop: () => Promise.resolve() }
// uploads no message named within a day (a form left half-way, a bridge that failed)
const sweeper = config.DESK_BACKGROUND
  ? startUploadSweeper({ db, files, logger: consoleLogger })
  : { stop: () => Promise.resolve() }
if (!existsSync(webDist)) {
  console.warn(`No built SPA at ${webDist}: run "pnpm build" (pnpm start does it for you)`)
}

// handlers still running: one whose client went away keeps its work (and the database) after its
// socket closed, so the shutdown waits for these, not only for the sockets, before the pool ends
const handling = new Set<Promise<unknown>>()
const fetch: typeof server.fetch = (...args) => {
  const answer = Promise.resolve(server.fetch(...args))
  handling.add(answer)
  const settled = () => handling.delete(answer)
  answer.then(settled, settled)
  return answer
}

const httpServer = serve({ fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  process.stdout.write(
    formatStartBanner({
      url: `http://localhost:${info.port}`,
      dbPath: isPostgresUrl(dbPath) ? describeUrl(dbPath) : dbPath,
      admin: boot.admin,
      demoLogins: boot.demoLogins,
    }),
  )
}) as Server // no TLS or HTTP/2 options: a node:http server

// requests under way when the process is told to stop; each answer then closes its connection
const inFlight = new Set<ServerResponse>()
let stopping = false
httpServer.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
  if (stopping) res.setHeader('connection', 'close')
  inFlight.add(res)
  res.once('close', () => inFlight.delete(res))
})

/**
 * Stops the process without cutting work off (SIGTERM from systemd, docker or a deploy, SIGINT):
 * no new connections; requests under way are answered, each closing its connection (an idle
 * keep-alive connection is closed at once), and handlers whose clients went away end their work;
 * import jobs running here end as they would (an
 * import stopped half-way would be undone at the next start); the outbox and the sweeper finish
 * their current step; then the database is closed and the exit code is 0. A second signal
 * meanwhile changes nothing.
 */
async function shutdown(): Promise<void> {
  if (stopping) return
  stopping = true
  for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close')
  await new Promise<void>((done) => {
    httpServer.close(() => done())
    httpServer.closeIdleConnections()
  })
  // the sockets are gone; handlers whose clients left early may still be at the database
  while (handling.size > 0) await Promise.allSettled([...handling])
  await importJobsSettled()
  await Promise.all([outbox.stop(), sweeper.stop()])
  await closeDatabase(db)
  process.exit(0)
}
function stop(): void {
  shutdown().catch((err: unknown) => {
    console.error('Stopping failed:', err)
    process.exit(1)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
