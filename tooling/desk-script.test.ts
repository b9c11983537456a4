/**
 * `pnpm --silent desk …` prints only what the command prints: scripts pipe its last line (the
 * import's JSON summary) into other tools, so pnpm's own `$ node …` echo of the nested script must
 * not come first.
 */
import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

describe('pnpm --silent desk', () => {
  it('prints the command’s own output, without pnpm’s echo of the script', () => {
    const out = execFileSync('pnpm', ['--silent', 'desk', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(out.split('\n')[0]).toBe('Usage: desk [options] [command]')
  })
})
