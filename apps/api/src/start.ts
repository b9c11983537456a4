/**
 * `pnpm start`: makes sure the SPA in apps/web/dist is built from the current sources (building
 * it, with its output in a log file next to the database, only when it is not; only a failed
 * build prints that output), then starts the desk (main.ts), whose framed banner is the last
 * thing printed. The build never empties the served folder in place, so starting a second
 * process beside a running one does not make the first answer 404s (lib/web-build.ts). With
 * `DESK_WEB_DIST` set the desk serves that folder instead, so nothing is built.
 *
 * Both `start` scripts (the workspace's and apps/api's) `exec` their command, so the shell pnpm
 * runs is replaced and the SIGTERM pnpm passes on reaches this process and its drain (main.ts).
 */
import { join, resolve } from 'node:path'
import { readConfig } from './config.ts'
import { runQuietly, tailOfLog } from './lib/quiet-run.ts'
import { ensureWebBuild, stampOfSources } from './lib/web-build.ts'
import { REPO_ROOT, dataDirOf, resolveDbPath } from './paths.ts'

/** Builds apps/web/dist when it is not built from the current sources; exits 1 when that fails. */
async function ensureSpa(): Promise<void> {
  const logFile = join(dataDirOf(resolveDbPath(undefined)), 'web-build.log')
  // what the built SPA depends on: its own sources and config, the domain it bundles, and the
  // locked dependency versions
  const stamp = stampOfSources(REPO_ROOT, [
    resolve(REPO_ROOT, 'apps/web'),
    resolve(REPO_ROOT, 'packages/domain'),
    resolve(REPO_ROOT, 'pnpm-lock.yaml'),
  ])
  const outcome = await ensureWebBuild({
    dist: resolve(REPO_ROOT, 'apps/web/dist'),
    stamp,
    build: (outDir) => {
      console.log(`Building the web app (output in ${logFile}) …`)
      return runQuietly('pnpm', ['--filter', '@desk/web', 'build', '--outDir', outDir], {
        cwd: REPO_ROOT,
        logFile,
      })
    },
  })
  if (outcome.kind === 'current') console.log('The web app is built from the current sources.')
  if (outcome.kind === 'failed') {
    console.error(
      `The web app's build failed (exit ${outcome.exitCode}). The end of ${logFile}:\n${tailOfLog(logFile)}`,
    )
    process.exit(1)
  }
}

/**
 * Whether the desk serves its own build (no `DESK_WEB_DIST`). A bad setting stops the start here,
 * with main.ts's one line, before a build the desk would not run with.
 */
function servesOwnBuild(): boolean {
  try {
    return !readConfig().DESK_WEB_DIST
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  }
}

if (servesOwnBuild()) await ensureSpa()
await import('./main.ts')
