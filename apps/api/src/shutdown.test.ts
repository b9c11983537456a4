/**
 * The API process stopping on SIGTERM, as a real server (main.ts in a child process on a desk
 * file): it stops accepting connections, answers the request under way, lets the import job it
 * is running end, closes the database and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from './db/client.ts'
import { refused } from './test/ports.ts'

const API_DIR = resolve(import.meta.dirname, '..')
const PASSWORD = 'drain-test-Pass-42'
const ROWS = 20_000

let dir = ''
let child: ChildProcess | undefined
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Starts the API on a new desk file in `dir`; resolves with its port once it listens. */
function startApi(): Promise<number> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DESK_DB: join(dir, 'desk.sqlite'),
      DESK_DEMO: '0',
      DESK_ADMIN_PASSWORD: PASSWORD,
      DESK_WEB_DIST: join(dir, 'no-spa'),
      PORT: '0',
      HOST: '127.0.0.1',
    },
  })
  const started = child
  return new Promise((done, fail) => {
    let out = ''
    started.stdout?.on('data', (b: Buffer) => {
      out += b.toString()
      const port = /http:\/\/localhost:(\d+)/.exec(out)?.[1]
      if (port) done(Number(port))
    })
    started.once('exit', (code) => fail(new Error(`the API exited with ${code} before listening`)))
  })
}

/** A file of `ROWS` messages with the 问政 headers the wizard maps by itself. */
function messagesCsv(): Uint8Array {
  const lines = ['留言编号,留言用户,留言主题,留言时间,留言详情']
  for (let i = 0; i < ROWS; i++) {
    const day = (i % 28) + 1
    lines.push(
      `D${i},市民${i % 97},小区路灯不亮 ${i},2019/3/${day} 9:${String(i % 60).padStart(2, '0')}:00,第 ${i} 号楼前的路灯已坏多日，请尽快修复。`,
    )
  }
  return new TextEncoder().encode(lines.join('\r\n'))
}

/** Reads from `socket` until `text` has arrived; resolves with all that arrived. */
function readUntil(socket: Socket, text: string): Promise<string> {
  return new Promise((done, fail) => {
    let got = ''
    const onData = (b: Buffer) => {
      got += b.toString()
      if (got.includes(text)) {
        socket.off('data', onData)
        done(got)
      }
    }
    socket.on('data', onData)
    socket.once('error', fail)
  })
}

describe('the API process on SIGTERM', () => {
  it('answers the request under way, ends the running import job, closes the database, exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-drain-'))
    const port = await startApi()
    const base = `http://127.0.0.1:${port}/api`

    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
    expect(login.status).toBe(200)
    const { csrfToken, passwordChange } = (await login.json()) as {
      csrfToken: string
      passwordChange: string | null
    }
    expect(passwordChange).toBeNull()
    const headers = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': csrfToken,
    }
    const staged = await fetch(`${base}/imports/uploads?name=letters.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: messagesCsv(),
    })
    expect(staged.status).toBe(201)
    const uploadId = ((await staged.json()) as { upload: { id: string } }).upload.id
    const start = await fetch(`${base}/imports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'import', uploadId, channel: 'hotline_12345' }),
    })
    expect(start.status).toBe(202)
    const jobId = ((await start.json()) as { job: { id: number } }).job.id
    let status = 'queued'
    while (status === 'queued') {
      const res = await fetch(`${base}/imports/${jobId}`, { headers })
      status = ((await res.json()) as { job: { status: string } }).job.status
    }
    expect(status).toBe('running')

    // a request under way: its headers are read and handed to the app (the server's
    // "100 Continue" says so), its body not sent yet
    const body = JSON.stringify({ username: 'admin', password: 'not-the-password' })
    const socket = connect(port, '127.0.0.1')
    const continued = readUntil(socket, '100 Continue')
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    )
    await continued
    const exited = new Promise<number | null>((done) => child?.once('exit', done))
    child?.kill('SIGTERM')
    while (!(await refused(port))) {
      // until the server has closed its listening socket
    }

    const answered = new Promise<string>((done) => {
      let got = ''
      socket.on('data', (b: Buffer) => (got += b.toString()))
      socket.once('close', () => done(got))
    })
    socket.write(body)
    const answer = await answered
    expect(answer).toMatch(/^HTTP\/1\.1 401 /)
    expect(answer.toLowerCase()).toContain('connection: close')

    expect(await exited).toBe(0)
    // closed: SQLite removes the write-ahead log when the last connection closes cleanly
    expect(existsSync(join(dir, 'desk.sqlite-wal'))).toBe(false)
    const file = openDb(join(dir, 'desk.sqlite')).$client
    try {
      const job = file
        .prepare('select status, created from import_batches where id = ?')
        .get(jobId) as { status: string; created: number }
      expect(job).toEqual({ status: 'written', created: ROWS })
      const n = file.prepare('select count(*) as n from inquiries').get() as { n: number }
      expect(n.n).toBe(ROWS)
    } finally {
      file.close()
    }
  }, 240_000)
})
