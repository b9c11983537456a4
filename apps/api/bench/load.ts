/**
 * `pnpm --filter @desk/api bench:load`: the desk under HTTP load. Real API processes (`src/main.ts`,
 * as `pnpm start` runs it, each on a free local port) on a temporary database of BENCH_INQUIRIES
 * (default 100,000) generated inquiries, driven by autocannon in this process:
 * 1. per route at saturation (LOAD_ROUTE_CONNECTIONS, default 50, for LOAD_ROUTE_SECONDS,
 *    default 10): health, counts, a 50-row queue page, an inquiry's detail (random ids);
 * 2. LOAD_CLIENTS (default 200) signed-in clients for LOAD_SECONDS (default 60), each cycling 20
 *    requests: 8 queue pages, 5 counts, 6 details and 1 note written with the version its detail
 *    read (the write of the issue's "claim+reply" share; a 409 stale version is a refusal, not an
 *    error), the write third in the cycle. Reports req/s, p50/p97.5/p99/max latency, the CPU per
 *    answered request of each API process and (PostgreSQL) of the server's backends, errors
 *    (non-2xx other than 409, timeouts), and writes acknowledged (201) vs stored (note events
 *    counted afterwards).
 * LOAD_ENGINE=sqlite (default: one process on a SQLite file) or postgres (LOAD_PROCESSES, default
 * 2, on one database of the local server, as README's "two API processes" runs them: the
 * background work in the first only, DESK_BACKGROUND=0 in the others); autocannon spreads its
 * connections round-robin over the processes.
 * Sessions are made directly in the database (one per client, all of the bench's manager, who sees
 * every inquiry), so login throttling and password hashing stay out of the measure. A write
 * answered after the run's end counts as stored but not acknowledged. LOAD_PROFILE=<dir> starts
 * the API processes with `--cpu-prof` into that folder.
 * Targets on a 2-core machine with the load generator on it: counts ≥ 4,000 req/s, queue page
 * ≥ 1,500, detail ≥ 1,500. The machine may be shared: the load average is printed with each line.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import type pg from 'pg'
import { openDb } from '../src/db/client.ts'
import { dialectOf } from '../src/db/dialect.ts'
import { closeDatabase, openDatabase, type Engine } from '../src/db/engine.ts'
import { hashToken, newToken } from '../src/lib/tokens.ts'
import { insertSession } from '../src/modules/auth/auth.repo.ts'
import { copyDesk, createBenchDatabase } from './engines.ts'
import { fillDesk } from './fill.ts'
import { loadText } from './measure.ts'
import { fmtInt } from './table.ts'

const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 100_000)
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const ROUTE_CONNECTIONS = Number(process.env.LOAD_ROUTE_CONNECTIONS ?? 50)
const ROUTE_SECONDS = Number(process.env.LOAD_ROUTE_SECONDS ?? 10)
const ENGINE = (process.env.LOAD_ENGINE ?? 'sqlite') as Engine
const PROCESSES = Number(process.env.LOAD_PROCESSES ?? (ENGINE === 'postgres' ? 2 : 1))
/** The bench's "now", as in run.ts: receipts fall in the 3 years before it. */
const NOW = Date.parse('2025-06-30T18:00:00+08:00')
const QUEUE = '/api/inquiries?status=pending&sort=due_asc&limit=50'
const COUNTS = '/api/inquiries/counts'
/** Kernel clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = 100
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))

if (ENGINE !== 'sqlite' && ENGINE !== 'postgres')
  throw new Error(`LOAD_ENGINE must be sqlite or postgres, not "${String(ENGINE)}"`)

const log = (s: string) =>
  console.log(`[load ${new Date().toISOString().slice(11, 19)} load ${loadText()}] ${s}`)

const PROFILE = process.env.LOAD_PROFILE
/**
 * Each phase's start and end on the monotonic clock in µs (`process.hrtime`), the clock of a
 * `.cpuprofile`'s startTime and samples: written beside the profiles as phases.json, so the
 * samples can be split by phase.
 */
const profiledPhases: { name: string; from: bigint; to: bigint }[] = []

/**
 * utime + stime of the process `pid` so far (ms), from /proc/<pid>/stat (Linux); 0 when it has
 * exited (a database backend whose connection closed).
 */
function cpuMsOf(pid: number): number {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return 0
  }
  // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

/**
 * The CPU (ms) each process in `pids()` spent between `start()` and `end()`; a process that
 * appears in between counts from its own start, one that ends in between is left out (its last
 * reading is gone), so for short-lived processes it is a lower bound.
 */
function cpuMeter(pids: () => Promise<readonly number[]> | readonly number[]) {
  let before = new Map<number, number>()
  return {
    async start() {
      before = new Map((await pids()).map((p) => [p, cpuMsOf(p)]))
    },
    async end(): Promise<number[]> {
      return (await pids()).map((p) => cpuMsOf(p) - (before.get(p) ?? 0))
    },
  }
}

/**
 * Runs autocannon with `options` and reports its line: req/s and latencies, then the CPU time
 * per answered request of each API process (`pids`; what the server spends on a request, which
 * other work on a shared machine barely moves, unlike req/s), of the database server's
 * processes serving them (`serverPids`, PostgreSQL's backends; none on SQLite) and of this
 * process (the load generator), and when the errors (timeouts, resets) happened, in seconds
 * from the start.
 */
async function phase(
  name: string,
  pids: readonly number[],
  serverPids: () => Promise<number[]>,
  options: autocannon.Options,
  extra: () => Promise<string> | string = () => '',
): Promise<autocannon.Result> {
  const apiCpu = cpuMeter(() => pids)
  const serverCpu = cpuMeter(serverPids)
  await apiCpu.start()
  await serverCpu.start()
  const ownBefore = process.cpuUsage()
  const started = Date.now()
  const from = process.hrtime.bigint()
  const errorsAt: number[] = []
  const kinds = new Map<string, number>()
  const r = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(options, (err, result) => (err ? reject(err as Error) : resolve(result))).on(
      'reqError',
      (err: Error) => {
        errorsAt.push((Date.now() - started) / 1000)
        kinds.set(err.message, (kinds.get(err.message) ?? 0) + 1)
      },
    ),
  )
  if (PROFILE)
    profiledPhases.push({ name, from: from / 1000n, to: process.hrtime.bigint() / 1000n })
  const answered = Math.max(1, r.requests.total)
  const perProcess = (await apiCpu.end()).map((ms) => ms / answered)
  const api = perProcess.reduce((a, b) => a + b, 0)
  const server = (await serverCpu.end()).reduce((a, b) => a + b, 0) / answered
  const own = process.cpuUsage(ownBefore)
  const generator = (own.user + own.system) / 1000 / answered
  // a timeout counts in both r.errors and r.timeouts; a 409 (stale version) is a refusal, not an error
  const refused = r.statusCodeStats?.['409']?.count ?? 0
  const errors = r.errors + r.non2xx - refused
  const when =
    errorsAt.length === 0
      ? ''
      : `  errors at ${errorsAt[0]!.toFixed(1)}–${errorsAt.at(-1)!.toFixed(1)} s, per 10 s ` +
        `[${Array.from({ length: Math.ceil((r.duration || 1) / 10) }, (_, i) => errorsAt.filter((t) => t >= i * 10 && t < (i + 1) * 10).length).join(' ')}] ` +
        JSON.stringify(Object.fromEntries(kinds))
  log(
    `${name.padEnd(22)} ${fmtInt(r.requests.average).padStart(6)} req/s  ` +
      `CPU ${api.toFixed(2)} ms/req` +
      (perProcess.length > 1 ? ` (${perProcess.map((ms) => ms.toFixed(2)).join(' + ')})` : '') +
      (ENGINE === 'postgres' ? `, PostgreSQL ${server.toFixed(2)}` : '') +
      ` (generator ${generator.toFixed(2)})  p50 ${r.latency.p50} ms  ` +
      `p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  ` +
      `non-2xx/errors ${errors} (timeouts ${r.timeouts})${refused ? `  (409 stale ${refused})` : ''}` +
      `${await extra()}  statuses ${JSON.stringify(r.statusCodeStats)}${when}`,
  )
  return r
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1')
  await once(s, 'listening')
  const { port } = s.address() as { port: number }
  s.close()
  return port
}

/** Starts `src/main.ts` on `setting` and a free port; resolves when `/api/health` answers. */
async function startApi(
  setting: string,
  background: boolean,
  dir: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), '--import', 'tsx', MAIN],
    {
      env: {
        ...process.env,
        DESK_DB: setting,
        PORT: String(port),
        HOST: '127.0.0.1',
        DESK_DEMO: '0',
        DESK_BACKGROUND: background ? '1' : '0',
        DESK_FILES: join(dir, 'files'),
        DESK_WEB_DIST: join(dir, 'no-web-build'),
        DESK_ADMIN_PASSWORD: 'Load-Bench-2025!',
        // the fill's staff set their passwords at the bench's "now" of 2025: no expiry on the real clock
        DESK_PASSWORD_MAX_AGE_DAYS: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`)
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, child }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the API process did not answer /api/health within 150 s')
}

const dir = mkdtempSync(join(tmpdir(), 'desk-load-'))
// PostgreSQL desks keep their phone-search key in the data folder: the run's (the API processes inherit it)
process.env.DESK_DATA_DIR = dir
const children: ChildProcess[] = []
let dropDatabase = async () => {}
try {
  const file = join(dir, 'desk.sqlite')
  log(`filling ${fmtInt(INQUIRIES)} inquiries`)
  const filling = openDb(file)
  const fill = await fillDesk(filling, { inquiries: INQUIRIES, now: NOW, years: 3, seed: 20250630 })
  filling.$client.close()
  let setting = file
  if (ENGINE === 'postgres') {
    const target = await createBenchDatabase('postgres', dir, 'load')
    dropDatabase = () => target.drop()
    const db = await target.open()
    log('copying to PostgreSQL')
    const copyStarted = Date.now()
    await copyDesk(file, db)
    log(`copied in ${((Date.now() - copyStarted) / 1000).toFixed(0)} s`)
    // statistics and the visibility map, as autovacuum keeps them on a desk in use
    await (db.$client as unknown as pg.Pool).query('vacuum analyze')
    await closeDatabase(db)
    setting = target.setting
  }
  const db = await openDatabase(setting)
  const ids = (
    await dialectOf(db).rows<{ id: number }>(db, sql`select id from inquiries order by id`)
  ).map((r) => Number(r.id))
  const sessions: { cookie: string; csrf: string }[] = []
  // the API processes run on the real clock, so the sessions do too
  const now = Date.now()
  for (let i = 0; i < CLIENTS; i++) {
    const token = newToken()
    const csrf = newToken()
    await insertSession(db, {
      tokenHash: hashToken(token),
      // the manager sees every inquiry, so any random id answers 200 (a responder's department
      // scope would turn most into 404s); each client has its own session all the same
      userId: fill.managerId,
      csrfToken: csrf,
      createdAt: now,
      expiresAt: now + 24 * 3_600_000,
      lastSeenAt: now,
    })
    sessions.push({ cookie: `desk_session=${token}`, csrf })
  }
  const apis = []
  for (let p = 0; p < PROCESSES; p++) {
    const api = await startApi(setting, p === 0, dir)
    children.push(api.child)
    apis.push(api.url)
  }
  log(`${PROCESSES} API process(es) on ${ENGINE}: ${apis.join(' ')}`)
  // autocannon takes a list of URLs at run time (connections spread round-robin), not in its types
  const url = (apis.length === 1 ? apis[0] : apis) as string
  const randomId = () => ids[Math.floor(Math.random() * ids.length)] ?? 1
  const manager = sessions[0]!

  const routes: [string, autocannon.Request][] = [
    ['health', { path: '/api/health' }],
    ['counts', { path: COUNTS }],
    ['queue page (50)', { path: QUEUE }],
    ['detail', { setupRequest: (r) => ({ ...r, path: `/api/inquiries/${randomId()}` }) }],
  ]
  const pids = children.map((c) => c.pid!)
  // PostgreSQL's backends serving the API processes (the bench's own connection left out)
  const serverPids = async () =>
    ENGINE === 'postgres'
      ? (
          await dialectOf(db).rows<{ pid: number }>(
            db,
            sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
          )
        ).map((r) => Number(r.pid))
      : []
  for (const [name, request] of routes) {
    await phase(name, pids, serverPids, {
      url,
      connections: ROUTE_CONNECTIONS,
      duration: ROUTE_SECONDS,
      headers: { cookie: manager.cookie },
      requests: [request],
    })
  }

  let acknowledged = 0
  const notes = async () =>
    Number(
      (
        await dialectOf(db).rows<{ n: number }>(
          db,
          sql`select count(*) as n from inquiry_events where type = 'note'`,
        )
      )[0]?.n,
    )
  const notesBefore = await notes()
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
  const get = (path: () => string): autocannon.Request => ({
    setupRequest: (r: autocannon.Request, ctx: Ctx) => signed({ ...r, path: path() }, ctx),
  })
  // the write comes third, so that every client writes even when a slow run gives each fewer than
  // the cycle's 20 requests (at the end of the cycle no write was made in a 60-second run at 42 req/s)
  const cycle: autocannon.Request[] = [
    get(() => QUEUE),
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
    ...Array.from({ length: 7 }, () => get(() => QUEUE)),
    ...Array.from({ length: 5 }, () => get(() => COUNTS)),
    ...Array.from({ length: 5 }, () => get(() => `/api/inquiries/${randomId()}`)),
  ]
  await phase(
    `mix of ${CLIENTS} clients`,
    pids,
    serverPids,
    { url, connections: CLIENTS, duration: SECONDS, requests: cycle },
    async () => {
      // let answers still on their way land before counting what was stored
      await new Promise((r) => setTimeout(r, 2000))
      const stored = (await notes()) - notesBefore
      return `  writes acknowledged ${acknowledged}, stored ${stored}`
    },
  )
  await closeDatabase(db)
} finally {
  for (const c of children) {
    if (c.exitCode === null) {
      c.kill('SIGTERM')
      await once(c, 'exit')
    }
  }
  await dropDatabase()
  if (PROFILE) {
    writeFileSync(
      join(PROFILE, 'phases.json'),
      JSON.stringify(profiledPhases.map((p) => ({ ...p, from: Number(p.from), to: Number(p.to) }))),
    )
  }
  rmSync(dir, { recursive: true, force: true })
}
