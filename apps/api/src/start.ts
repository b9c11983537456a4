/**
 * `pnpm start`: builds the SPA with its output in a log file next to the database (only a failed
 * build prints it), then starts the desk (main.ts), whose framed banner is the last thing printed.
 */
import { join } from 'node:path'
import { runQuietly, tailOfLog } from './lib/quiet-run.ts'
import { REPO_ROOT, dataDirOf, resolveDbPath } from './paths.ts'

const logFile = join(dataDirOf(resolveDbPath(undefined)), 'web-build.log')
console.log(`Building the web app (output in ${logFile}) …`)
const build = await runQuietly('pnpm', ['--filter', '@desk/web', 'build'], {
  cwd: REPO_ROOT,
  logFile,
})
if (!build.ok) {
  console.error(
    `The web app's build failed (exit ${build.exitCode}). The end of ${logFile}:\n${tailOfLog(logFile)}`,
  )
  process.exit(1)
}
await import('./main.ts')
