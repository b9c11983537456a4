/**
 * Starts the real desk for end-to-end tests: `node --import tsx src/main.ts` in apps/api (where
 * `tsx` resolves; the repo root has no tsx), not through pnpm, which would orphan the child; on a
 * temporary SQLite file and a free port, with a known admin password and no demo data. The API
 * serves the built SPA (apps/web/dist). `startDesk({ database })` runs it on another database
 * instead, e.g. a `postgres://` URL (pg-desk.ts makes and drops one).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const ADMIN_PASSWORD = 'E2e-Desk-Pass-2026'

/** `dbPath`: the desk's database, its SQLite file or URL (for the `desk` command on the server, e.g. `desk user add`). */
export type DeskServer = { baseUrl: string; dbPath: string; stop: () => Promise<void> }

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => ok(port))
    })
  })
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`desk exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`desk not healthy after ${timeoutMs} ms:\n${output()}`)
}

/**
 * @param options.database the desk's DESK_DB (default: a new SQLite file in a temporary folder,
 *   which also holds its data folder and attachments)
 * @throws Error when the SPA is not built or the desk does not answer /api/health within 60 s
 */
export async function startDesk(options: { database?: string } = {}): Promise<DeskServer> {
  if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('No built SPA in apps/web/dist: run `pnpm --filter @desk/web build` first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-'))
  const port = await freePort()
  const dbPath = options.database ?? join(dir, 'e2e.sqlite')
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(REPO_ROOT, 'apps/api'),
    env: {
      ...process.env,
      DESK_DB: dbPath,
      // a desk on a server keeps its data folder (phone-search key, files) in `dir` too
      DESK_DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DESK_DEMO: '0',
      // the workflow spec's webhook receiver listens on 127.0.0.1
      DESK_WEBHOOK_LOOPBACK: '1',
      INIT_CWD: REPO_ROOT,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(baseUrl, child, () => log)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, dbPath, stop }
}
