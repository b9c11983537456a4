import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runQuietly, tailOfLog } from './lib/quiet-run.ts'
import { formatStartBanner } from './start-banner.ts'

describe('formatStartBanner', () => {
  it('frames the URL, the admin login and every demo login, nothing after the frame', () => {
    const text = formatStartBanner({
      url: 'http://localhost:3000',
      dbPath: '/srv/desk/data/desk.sqlite',
      admin: { username: 'admin', password: 'Zq8-once', generated: true },
      demoLogins: [
        { username: 'liming', password: 'pw-1', role: 'responder' },
        { username: 'chenjing', password: 'pw-2', role: 'manager' },
      ],
    })
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^═{40,}$/)
    expect(lines.at(-1)).toBe(lines[0])
    expect(lines[1]).toBe('  Inquiry Desk · 多渠道问政答复台 is running: http://localhost:3000')
    expect(text).toContain(
      'Admin login:  admin / Zq8-once   (generated now, shown once: write it down)',
    )
    expect(lines).toContain('    liming   / pw-1   responder')
    expect(lines).toContain('    chenjing / pw-2   manager')
  })

  it('names the environment variable when the admin password was given', () => {
    const text = formatStartBanner({
      url: 'http://localhost:8080',
      dbPath: 'x',
      admin: { username: 'admin', password: 'secret-1', generated: false },
      demoLogins: [],
    })
    expect(text).toContain('admin / the password in DESK_ADMIN_PASSWORD')
    expect(text).not.toContain('secret-1')
    expect(text).not.toContain('Demo logins')
  })
})

describe('runQuietly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quiet-run-'))
  const noisy =
    'for (let i = 1; i <= 200; i++) console.log("vite line " + i); console.error("warning"); process.exit(Number(process.argv[1]))'

  it('puts the whole output of a successful command in the log file', async () => {
    const logFile = join(dir, 'ok', 'build.log')
    const r = await runQuietly(process.execPath, ['-e', noisy, '0'], { cwd: dir, logFile })
    expect(r).toEqual({ ok: true, exitCode: 0, logFile })
    const log = readFileSync(logFile, 'utf8')
    expect(log.split('\n').filter((l) => l.startsWith('vite line'))).toHaveLength(200)
    expect(log).toContain('warning')
  })

  it('reports a failure with its exit code, and the log tail to print', async () => {
    const logFile = join(dir, 'fail.log')
    const r = await runQuietly(process.execPath, ['-e', noisy, '3'], { cwd: dir, logFile })
    expect(r.ok).toBe(false)
    expect(r.exitCode).toBe(3)
    const tail = tailOfLog(logFile, 3).split('\n')
    expect(tail).toEqual(['vite line 199', 'vite line 200', 'warning'])
  })
})
