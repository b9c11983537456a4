/**
 * Where the desk's files are. Relative paths a user types are relative to the folder they typed
 * the command in (pnpm runs scripts inside the package, so INIT_CWD, not cwd); the defaults are
 * relative to the repository root.
 */
import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** The folder the user ran the command in. */
export const userCwd = (): string => process.env.INIT_CWD ?? process.cwd()

/** A path the user gave, made absolute against the folder they ran the command in. */
export const fromUser = (p: string): string => (isAbsolute(p) ? p : resolve(userCwd(), p))

/** A database setting the desk cannot use; its message is meant for the person starting it. */
export class UnsupportedDbError extends Error {}

// `postgres://…`, `mysql://…`: an engine URL rather than a file path (a Windows `C:\…` has no `//`)
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/**
 * Why `value` cannot be the database setting, or undefined when it can. The message names the
 * scheme only: a URL may carry a password.
 */
export function dbSettingProblem(value: string): string | undefined {
  const scheme = URL_SCHEME.exec(value)?.[1]
  if (scheme === undefined) return undefined
  return `DESK_DB (or --db) names a ${scheme}:// URL, which is not supported yet: the desk runs on one SQLite file for now (PostgreSQL support is planned). Set it to a file path such as data/desk.sqlite.`
}

/**
 * The database file: an explicit path (flag or DESK_DB) is the user's; the default is the repo's `data/desk.sqlite`.
 * @throws UnsupportedDbError for a URL (postgres://…), instead of creating a folder named after its scheme
 */
export function resolveDbPath(explicit: string | undefined): string {
  const given = explicit ?? process.env.DESK_DB
  const problem = given === undefined ? undefined : dbSettingProblem(given)
  if (problem) throw new UnsupportedDbError(problem)
  return given ? fromUser(given) : resolve(REPO_ROOT, 'data/desk.sqlite')
}

/** The attachment files' folder: an explicit path (flag or DESK_FILES), else `files/` beside the database file. */
export function resolveFilesDir(explicit: string | undefined, dbPath: string): string {
  const given = explicit ?? process.env.DESK_FILES
  return given ? fromUser(given) : resolve(dirname(dbPath), 'files')
}
