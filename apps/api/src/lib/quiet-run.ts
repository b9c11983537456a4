/**
 * Runs a command with its output going to a log file instead of the terminal, so a long build
 * does not bury what the user needs to read (the start-up banner). On failure the caller prints
 * the log's last lines.
 */
import { spawn } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type QuietRunResult = { ok: boolean; exitCode: number | null; logFile: string }

/**
 * Runs `command args` in `cwd` with stdout and stderr appended to `logFile` (its folder is
 * created; the file is truncated first).
 * @returns ok when the exit code is 0
 * @throws Error when the command cannot be started (e.g. not on the PATH)
 */
export function runQuietly(
  command: string,
  args: readonly string[],
  opts: { cwd: string; logFile: string },
): Promise<QuietRunResult> {
  mkdirSync(dirname(opts.logFile), { recursive: true })
  const fd = openSync(opts.logFile, 'w')
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
