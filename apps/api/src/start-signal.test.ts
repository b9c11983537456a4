/**
 * `pnpm start` as systemd, Docker or a terminal runs it: a SIGTERM sent to pnpm (the process they
 * started) must reach the API process, which drains and exits, instead of pnpm exiting alone and
 * leaving the API running without its parent; a bad setting stops it before anything is built.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT } from './paths.ts'
import { refused } from './test/ports.ts'

let dir = ''
let group = 0
afterEach(() => {
  // pnpm runs in a process group of its own: whatever a failed run left in it goes too
  if (group) {
    try {
      process.kill(-group, 'SIGKILL')
    } catch {
      // the group is already empty
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** `pnpm start` in the workspace, in a process group of its own, on a desk file in `dir`. */
function startPnpm(env: Record<string, string>) {
  const pnpm = spawn('pnpm', ['--silent', 'start'], {
    cwd: REPO_ROOT,
    detached: true,
    env: { ...process.env, DESK_DB: join(dir, 'desk.sqlite'), ...env },
  })
  group = pnpm.pid ?? 0
  return pnpm
}

describe('pnpm start and SIGTERM', () => {
  it('passes the signal to the API, which drains, closes the database and ends before pnpm does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-start-'))
    const started = startPnpm({
      DESK_DEMO: '0',
      DESK_ADMIN_PASSWORD: 'start-signal-Pass-42',
      // a folder of its own: the workspace's apps/web/dist is neither built nor served here
      DESK_WEB_DIST: join(dir, 'no-spa'),
      PORT: '0',
      HOST: '127.0.0.1',
    })
    const apiPort = await new Promise<number>((done, fail) => {
      let out = ''
      started.stdout?.on('data', (b: Buffer) => {
        out += b.toString()
        const port = /http:\/\/localhost:(\d+)/.exec(out)?.[1]
        if (port) done(Number(port))
      })
      started.once('exit', (code) => fail(new Error(`pnpm start exited with ${code}: ${out}`)))
    })
    expect(await refused(apiPort)).toBe(false)

    const exited = new Promise<number | null>((done) => started.once('exit', done))
    started.kill('SIGTERM')
    await exited
    // pnpm waits for its child: once pnpm is gone, so is the API, and its drain closed the
    // database (SQLite removes the write-ahead log when the last connection closes cleanly)
    expect(await refused(apiPort)).toBe(true)
    expect(existsSync(join(dir, 'desk.sqlite-wal'))).toBe(false)
    expect(existsSync(join(dir, 'desk.sqlite'))).toBe(true)
  }, 120_000)

  it('stops on a bad setting with its one line and exit 1, before building the web app', async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-start-'))
    const pnpm = startPnpm({ DESK_ADMIN_PASSWORD: 'Admin-Pass-2026!', DESK_WEB_DIST: '' })
    let out = ''
    pnpm.stdout?.on('data', (b: Buffer) => (out += b.toString()))
    pnpm.stderr?.on('data', (b: Buffer) => (out += b.toString()))
    const code = await new Promise<number | null>((done) => pnpm.once('exit', done))
    expect(code).toBe(1)
    expect(out).toContain('DESK_ADMIN_PASSWORD: must not contain the username')
    expect(out).not.toContain('Building the web app')
    expect(existsSync(join(dir, 'desk.sqlite'))).toBe(false)
  }, 120_000)
})
