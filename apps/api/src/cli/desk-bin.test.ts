import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
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

  it('says an option out of range or a path the file system refuses in one line, without a stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-bin-'))
    const db = join(dir, 'desk.sqlite')
    const year = desk('tally', '--year', 'abc', '--db', db)
    expect([year.code, year.stderr.trim()]).toEqual([
      1,
      '--year must be a four-digit year, got "abc"',
    ])
    writeFileSync(join(dir, 'x.csv'), '')
    const backup = desk('backup', join(dir, 'x.csv', 'sub'), '--db', db)
    expect(backup.code).toBe(1)
    expect(backup.stderr.trim()).toMatch(/^ENOTDIR: not a directory, mkdir '.*x\.csv\/sub'$/)
  })

  it('backs up into a new or empty folder and refuses one that holds anything, in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-bin-'))
    const db = join(dir, 'desk.sqlite')
    const copy = join(dir, 'copy')
    mkdirSync(copy)
    const first = desk('backup', copy, '--db', db)
    expect(first.code).toBe(0)
    const before = readFileSync(join(copy, 'desk.sqlite'))
    const again = desk('backup', copy, '--db', db)
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      `The folder ${copy} is not empty; back up into a new or empty folder so no earlier backup is overwritten`,
    ])
    expect(readFileSync(join(copy, 'desk.sqlite')).equals(before)).toBe(true)
    const other = join(dir, 'other')
    mkdirSync(other)
    writeFileSync(join(other, 'notes.txt'), 'keep')
    expect(desk('backup', other, '--db', db).code).toBe(1)
    expect(readdirSync(other)).toEqual(['notes.txt'])
  })

  it('passes its options through and exits 0 on success', () => {
    const r = desk('calendar', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: desk calendar/)
    expect(r.stderr).not.toContain('ELIFECYCLE')
  })
})
