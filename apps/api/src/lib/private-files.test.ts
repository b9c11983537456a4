import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makePrivateDir, makePrivateDirSync } from './private-files.ts'

let root = ''
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
  root = ''
})

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('makePrivateDir', () => {
  it('makes every missing folder 0700 and leaves an existing one as it is', async () => {
    root = mkdtempSync(join(tmpdir(), 'desk-private-'))
    chmodSync(root, 0o755)
    makePrivateDirSync(join(root, 'a', 'b'))
    await makePrivateDir(join(root, 'c', 'd'))
    await makePrivateDir(join(root, 'c', 'd'))
    expect(['a', 'a/b', 'c', 'c/d'].map((p) => modeOf(join(root, p)))).toEqual([
      0o700, 0o700, 0o700, 0o700,
    ])
    expect(modeOf(root)).toBe(0o755)
  })

  it('fails at once where a folder cannot be made, naming it, instead of retrying', async () => {
    root = mkdtempSync(join(tmpdir(), 'desk-private-'))
    writeFileSync(join(root, 'file'), '')
    expect(() => makePrivateDirSync(join(root, 'file', 'sub'))).toThrow(/ENOTDIR.*file\/sub/)
    await expect(makePrivateDir(join(root, 'file', 'sub'))).rejects.toThrow(/ENOTDIR/)
  })

  it.runIf(existsSync('/proc/self'))('fails under /proc, which answers ENOENT', async () => {
    // /proc answers ENOENT for a folder under it: Node's recursive mkdir loops on that for ever
    await expect(makePrivateDir('/proc/desk-backup/x')).rejects.toThrow(
      /ENOENT.*\/proc\/desk-backup/,
    )
    expect(() => makePrivateDirSync('/proc/desk-backup/x')).toThrow(/ENOENT/)
  })
})
