/**
 * The SPA build that `pnpm start` runs, made safe for a desk of several processes on one checkout:
 * a process that starts while another serves must never leave the served folder empty or
 * half-written. Vite's emptyOutDir clears its output folder first, so the build goes into a
 * fresh sibling folder and replaces the served one by rename(2) only when it is complete; and a
 * folder already built from the same sources (a stamp of their contents inside it) is kept as it
 * is, so a second process normally builds nothing at all. The new build also keeps the previous
 * build's hashed assets (one generation back), so a page loaded before the swap can still fetch
 * the chunks its old index.html names instead of getting 404s until it is reloaded.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative } from 'node:path'

/** The file inside a built folder that records which sources it was built from. */
export const BUILD_STAMP_FILE = '.desk-build-stamp'

/** The file inside a built folder listing the asset files its own build wrote (one name a line). */
export const OWN_ASSETS_FILE = '.desk-build-assets'
const ASSETS_DIR = 'assets'

// folders beside the served one: builds in progress and old builds being removed
const BUILD_PREFIX = '.dist-build-'
const OLD_PREFIX = '.dist-old-'
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git'])

/**
 * A sha256 (hex) of every file under `inputs` (folders walked recursively, skipping
 * node_modules, dist and the build's own temporary folders), paths taken relative to `base`, so
 * the same sources give the same stamp in any checkout. Contents, not times: a `git checkout`
 * that restores a file changes its mtime but not what Vite would build.
 */
export function stampOfSources(base: string, inputs: readonly string[]): string {
  const files: string[] = []
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (!statSync(path).isDirectory()) {
      files.push(path)
      return
    }
    for (const name of readdirSync(path)) {
      if (SKIPPED_DIRS.has(name) || name.startsWith('.dist-')) continue
      walk(join(path, name))
    }
  }
  for (const input of inputs) walk(input)
  const hash = createHash('sha256')
  for (const file of files.map((f) => relative(base, f)).sort()) {
    hash.update(file.split('\\').join('/') + '\0')
    hash.update(readFileSync(join(base, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Whether `dist` holds a complete build of the sources whose stamp is `stamp`. */
export function isBuildCurrent(dist: string, stamp: string): boolean {
  const stampFile = join(dist, BUILD_STAMP_FILE)
  if (!existsSync(join(dist, 'index.html')) || !existsSync(stampFile)) return false
  return readFileSync(stampFile, 'utf8').trim() === stamp
}

export type WebBuildOutcome =
  { kind: 'current' } | { kind: 'built' } | { kind: 'failed'; exitCode: number | null }

/**
 * Makes `dist` a build of the current sources without ever emptying it in place.
 *
 * - When `dist` already carries `stamp`, nothing is built (`current`).
 * - Otherwise `build(outDir)` writes into a new folder beside `dist`; on success the stamp is
 *   written into it and it takes `dist`'s place by two renames (the old folder moves aside, the
 *   new one moves in, the old one is deleted), so a request sees either the whole old build or
 *   the whole new one, never a folder being filled. On failure `dist` is untouched and the new
 *   folder is removed (`failed`).
 * Two processes building at once each rename their own complete folder in; the last one stays.
 * Temporary folders of builds whose process is gone are removed first.
 * @param build runs the build into the given absolute folder; resolves with its exit code
 */
export async function ensureWebBuild(opts: {
  dist: string
  stamp: string
  build: (outDir: string) => Promise<{ ok: boolean; exitCode: number | null }>
}): Promise<WebBuildOutcome> {
  const { dist, stamp } = opts
  if (isBuildCurrent(dist, stamp)) return { kind: 'current' }
  removeAbandonedFolders(dirname(dist))
  const fresh = join(
    dirname(dist),
    `${BUILD_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`,
  )
  const result = await opts.build(fresh)
  if (!result.ok || !existsSync(join(fresh, 'index.html'))) {
    rmSync(fresh, { recursive: true, force: true })
    return { kind: 'failed', exitCode: result.exitCode }
  }
  keepPreviousAssets(dist, fresh)
  writeFileSync(join(fresh, BUILD_STAMP_FILE), stamp + '\n')
  swapIn(fresh, dist)
  return { kind: 'built' }
}

/**
 * Records the assets `fresh`'s own build wrote, then copies into it the served build's own assets
 * that it lacks. Only the served build's own files are carried (its list, or all of its assets
 * for a build made before lists were written), so old chunks do not pile up release after release.
 */
function keepPreviousAssets(dist: string, fresh: string) {
  const own = listAssets(fresh)
  writeFileSync(join(fresh, OWN_ASSETS_FILE), own.map((name) => name + '\n').join(''))
  const listFile = join(dist, OWN_ASSETS_FILE)
  const previous = existsSync(listFile)
    ? readFileSync(listFile, 'utf8').split('\n').filter(Boolean)
    : listAssets(dist)
  const ownSet = new Set(own)
  for (const name of previous) {
    const from = join(dist, ASSETS_DIR, name)
    // a name with a path in it did not come from a build of ours: never copy from outside assets/
    if (ownSet.has(name) || name.includes('/') || name.includes('\\') || !existsSync(from)) continue
    mkdirSync(join(fresh, ASSETS_DIR), { recursive: true })
    copyFileSync(from, join(fresh, ASSETS_DIR, name))
  }
}

/** The file names directly inside `folder`/assets (none when it has no such folder). */
function listAssets(folder: string): string[] {
  const dir = join(folder, ASSETS_DIR)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
}

/** Moves the complete folder `fresh` to `dist`, replacing what is there. */
function swapIn(fresh: string, dist: string) {
  // rename(2) will not replace a non-empty folder: move the old one aside first. Another
  // process may rename its own build in between; then move that aside too and try again.
  for (let attempt = 0; ; attempt += 1) {
    const old = join(dirname(dist), `${OLD_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`)
    let moved = false
    try {
      renameSync(dist, old)
      moved = true
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err
    }
    try {
      renameSync(fresh, dist)
      return
    } catch (err) {
      if (!isCode(err, 'ENOTEMPTY') && !isCode(err, 'EEXIST')) throw err
      if (attempt >= 5) throw err
    } finally {
      if (moved) rmSync(old, { recursive: true, force: true })
    }
  }
}

/** Removes build folders left by processes that no longer run (a start killed mid-build). */
function removeAbandonedFolders(parent: string) {
  for (const name of readdirSync(parent)) {
    const prefix = [BUILD_PREFIX, OLD_PREFIX].find((p) => name.startsWith(p))
    if (!prefix) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue
    rmSync(join(parent, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return isCode(err, 'EPERM')
  }
}

function isCode(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code
}
