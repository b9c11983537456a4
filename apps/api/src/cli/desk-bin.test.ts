import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../paths.ts'

/** `pnpm desk …` as a person types it at the repository root. */
function desk(...args: string[]) {
  const r = spawnSync('pnpm', ['desk', ...args], { cwd: REPO_ROOT, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('pnpm desk', () => {
  it('fails with only its own message and a non-zero exit code, without pnpm lifecycle lines', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'desk-bin-')), 'desk.sqlite')
    const r = desk('user', 'set-role', 'nobody', '--role', 'admin', '--db', db)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('No user nobody')
    expect(r.stdout).toBe('')
  })

  it('passes its options through and exits 0 on success', () => {
    const r = desk('calendar', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: desk calendar/)
    expect(r.stderr).not.toContain('ELIFECYCLE')
  })
})
