/**
 * Runs a command with its output going to a log file instead of the terminal, so a long build
 * does not bury what the user needs to read (the start-up banner). On failure the caller prints
 * the log's last lines.
 */
import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { PRIVATE_FILE_MODE, makePrivateDirSync } from './private-files.ts'

export type QuietRunResult = { ok: boolean; exitCode: number | null; logFile: string }

/**
 * Runs `command args` in `cwd` with stdout and stderr appended to `logFile` (its folder is
 * created 0700 when missing; a new file is 0600; the file is truncated first).
 * @returns ok when the exit code is 0
 * @throws Error when the command cannot be started (e.g. not on the PATH)
 */
export function runQuietly(
  command: string,
  args: readonly string[],
  opts: { cwd: string; logFile: string },
): Promise<QuietRunResult> {
  // the build log goes to data/ on first start: made 0700 here, as the database would make it
  makePrivateDirSync(dirname(opts.logFile))
  const fd = openSync(opts.logFile, 'w', PRIVATE_FILE_MODE)
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: opts.cwd, stdio: ['ignore', fd, fd] })
    child.once('error', (error) => {
      closeSync(fd)
      fail(error)
    })
    child.once('exit', (exitCode) => {
      closeSync(fd)
      ok({ ok: exitCode === 0, exitCode, logFile: opts.logFile })
    })
  })
}

/** The last `n` lines of a log file (for a failure message). */
export function tailOfLog(logFile: string, n = 40): string {
  return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-n).join('\n')
}
