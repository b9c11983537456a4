/**
 * `pnpm --filter @desk/api bench:load`: the desk under HTTP load. A real server (the same
 * `createServer` as `pnpm start`, on a free local port) on a temporary database of
 * BENCH_INQUIRIES (default 100,000) generated inquiries, driven by autocannon in this process:
 * 1. per route at saturation (LOAD_ROUTE_CONNECTIONS, default 50, for LOAD_ROUTE_SECONDS,
 *    default 10): health, counts, a 50-row queue page, an inquiry's detail (random ids);
 * 2. LOAD_CLIENTS (default 200) signed-in clients for LOAD_SECONDS (default 60), each cycling 20
 *    requests: 8 queue pages, 5 counts, 6 details and 1 note written with the version its detail
 *    read (the write of the "claim+reply" share; a 409 stale version is a refusal, not an
 *    error). Reports req/s, p50/p97.5/p99/max latency, errors (non-2xx other than 409, timeouts),
 *    and writes acknowledged (201) vs stored (note events counted afterwards).
 * Sessions are made directly in the database (one per client, all of the bench's manager, who sees
 * every inquiry), so login throttling and password hashing stay out of the measure. A write
 * answered after the run's end counts as stored but not acknowledged. Run with `node --cpu-prof` to see where a request's time goes.
 * Targets on a 2-core machine with the load generator on it: counts ≥ 4,000 req/s, queue page
 * ≥ 1,500, detail ≥ 1,500. The machine may be shared: the load average is printed with each line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import autocannon from 'autocannon'
import { createApp } from '../src/app.ts'
import { openDb } from '../src/db/client.ts'
import { hashToken, newToken } from '../src/lib/tokens.ts'
import { insertSession } from '../src/modules/auth/auth.repo.ts'
import { createServer } from '../src/server.ts'
import { fillDesk } from './fill.ts'
import { loadText } from './measure.ts'
import { fmtInt } from './table.ts'

const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 100_000)
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const ROUTE_CONNECTIONS = Number(process.env.LOAD_ROUTE_CONNECTIONS ?? 50)
const ROUTE_SECONDS = Number(process.env.LOAD_ROUTE_SECONDS ?? 10)
/** The bench's "now", as in run.ts: receipts fall in the 3 years before it. */
const NOW = Date.parse('2025-06-30T18:00:00+08:00')
const QUEUE = '/api/inquiries?status=pending&sort=due_asc&limit=50'
const COUNTS = '/api/inquiries/counts'

const log = (s: string) =>
  console.log(`[load ${new Date().toISOString().slice(11, 19)} load ${loadText()}] ${s}`)

function report(name: string, r: autocannon.Result, extra = '') {
  const errors = r.errors + r.timeouts + r.non2xx
  log(
    `${name.padEnd(22)} ${fmtInt(r.requests.average).padStart(6)} req/s  p50 ${r.latency.p50} ms  ` +
      `p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  ` +
      `non-2xx/errors ${errors}${extra}`,
  )
}

const dir = mkdtempSync(join(tmpdir(), 'desk-load-'))
try {
  const db = openDb(join(dir, 'desk.sqlite'))
  log(`filling ${fmtInt(INQUIRIES)} inquiries`)
  const fill = await fillDesk(db, { inquiries: INQUIRIES, now: NOW, years: 3, seed: 20250630 })
  const ids = (
    db.$client.prepare('select id from inquiries order by id').all() as { id: number }[]
  ).map((r) => r.id)
  const sessions: { cookie: string; csrf: string }[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const token = newToken()
    const csrf = newToken()
    await insertSession(db, {
      tokenHash: hashToken(token),
      // the manager sees every inquiry, so any random id answers 200 (a responder's department
      // scope would turn most into 404s); each client has its own session all the same
      userId: fill.managerId,
      csrfToken: csrf,
      createdAt: NOW,
      expiresAt: NOW + 24 * 3_600_000,
      lastSeenAt: NOW,
    })
    sessions.push({ cookie: `desk_session=${token}`, csrf })
  }
  const app = createServer(createApp({ db, now: () => NOW }), undefined)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((ok) => server.once('listening', ok))
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const randomId = () => ids[Math.floor(Math.random() * ids.length)] ?? 1
  const manager = sessions[0]!

  const routes: [string, autocannon.Request][] = [
    ['health', { path: '/api/health' }],
    ['counts', { path: COUNTS }],
    ['queue page (50)', { path: QUEUE }],
    ['detail', { setupRequest: (r) => ({ ...r, path: `/api/inquiries/${randomId()}` }) }],
  ]
  for (const [name, request] of routes) {
    const r = await autocannon({
      url: base,
      connections: ROUTE_CONNECTIONS,
      duration: ROUTE_SECONDS,
      headers: { cookie: manager.cookie },
      requests: [request],
    })
    report(name, r)
  }

  let acknowledged = 0
  const notesBefore = (
    db.$client.prepare("select count(*) n from inquiry_events where type = 'note'").get() as {
      n: number
    }
  ).n
  type Ctx = { id?: number; version?: number; session?: (typeof sessions)[number] }
  // each connection (its context) keeps one session for all its requests
  const signed = (r: autocannon.Request, ctx: Ctx): autocannon.Request => {
    ctx.session ??= sessions[Math.floor(Math.random() * sessions.length)]!
    return {
      ...r,
      headers: {
        'content-type': 'application/json',
        cookie: ctx.session.cookie,
        'x-csrf-token': ctx.session.csrf,
      },
    }
  }
  const get = (path: () => string, ctxPath?: (ctx: Ctx) => void): autocannon.Request => ({
    setupRequest: (r: autocannon.Request, ctx: Ctx) => {
      ctxPath?.(ctx)
      return signed({ ...r, path: path() }, ctx)
    },
  })
  const cycle: autocannon.Request[] = [
    ...Array.from({ length: 8 }, () => get(() => QUEUE)),
    ...Array.from({ length: 5 }, () => get(() => COUNTS)),
    ...Array.from({ length: 5 }, () => get(() => `/api/inquiries/${randomId()}`)),
    {
      setupRequest: (r: autocannon.Request, ctx: Ctx) => {
        ctx.id = randomId()
        return signed({ ...r, path: `/api/inquiries/${ctx.id}` }, ctx)
      },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (status === 200)
          ctx.version = (JSON.parse(body) as { inquiry: { version: number } }).inquiry.version
      },
    },
    {
      method: 'POST',
      setupRequest: (r: autocannon.Request, ctx: Ctx) =>
        signed(
          {
            ...r,
            path: `/api/inquiries/${ctx.id}/notes`,
            body: JSON.stringify({ version: ctx.version, text: '压力测试备注' }),
          },
          ctx,
        ),
      onResponse: (status: number) => {
        if (status === 201) acknowledged += 1
      },
    },
  ]
  const mix = await autocannon({
    url: base,
    connections: CLIENTS,
    duration: SECONDS,
    requests: cycle,
  })
  const stored =
    (
      db.$client.prepare("select count(*) n from inquiry_events where type = 'note'").get() as {
        n: number
      }
    ).n - notesBefore
  const refused = mix.statusCodeStats?.['409']?.count ?? 0
  report(
    `mix of ${CLIENTS} clients`,
    { ...mix, non2xx: mix.non2xx - refused },
    `  (409 stale ${refused})  writes acknowledged ${acknowledged}, stored ${stored}  ` +
      `statuses ${JSON.stringify(mix.statusCodeStats)}`,
  )
  server.close()
  db.$client.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
