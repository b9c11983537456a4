/**
 * Where the desk's files are. Relative paths a user types are relative to the folder they typed
 * the command in (pnpm runs scripts inside the package, so INIT_CWD, not cwd); the defaults are
 * relative to the repository root.
 */
import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isPostgresUrl } from './db/postgres.ts'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** The folder the user ran the command in. */
export const userCwd = (): string => process.env.INIT_CWD ?? process.cwd()

/** A path the user gave, made absolute against the folder they ran the command in. */
export const fromUser = (p: string): string => (isAbsolute(p) ? p : resolve(userCwd(), p))

/** A database setting the desk cannot use; its message is meant for the person starting it. */
export class UnsupportedDbError extends Error {}

// `mysql://…`, `sqlserver://…`: an engine URL rather than a file path (a Windows `C:\…` has no `//`)
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/**
 * Why `value` cannot be the database setting, or undefined when it can: a file path or a
 * `postgres://` (`postgresql://`) URL. The message names the scheme only: a URL may carry a password.
 */
export function dbSettingProblem(value: string): string | undefined {
  if (isPostgresUrl(value)) return undefined
  const scheme = URL_SCHEME.exec(value)?.[1]
  if (scheme === undefined) return undefined
  return `DESK_DB (or --db) names a ${scheme}:// URL, which the desk cannot use: set it to a SQLite file path such as data/desk.sqlite, or to a postgres:// URL.`
}

/**
 * The database: a PostgreSQL URL as given, or the SQLite file (an explicit path, from the flag,
 * DESK_DB or DESK_DATABASE_URL, is the user's; the default is the repo's `data/desk.sqlite`).
 * @throws UnsupportedDbError for a URL of another engine (mysql://…), instead of creating a folder named after its scheme
 */
export function resolveDbPath(explicit: string | undefined): string {
  const given = explicit ?? process.env.DESK_DB ?? process.env.DESK_DATABASE_URL
  const problem = given === undefined ? undefined : dbSettingProblem(given)
  if (problem) throw new UnsupportedDbError(problem)
  if (given && isPostgresUrl(given)) return given
  return given ? fromUser(given) : resolve(REPO_ROOT, 'data/desk.sqlite')
}

/**
 * The desk's data folder, for its own files (the phone-search key; by default the attachment
 * files and staged imports): the SQLite file's folder; on PostgreSQL, which has no file,
 * DESK_DATA_DIR, else the repo's `data/`. Every process of one desk must see the same folder.
 */
export function dataDirOf(dbPath: string): string {
  if (!isPostgresUrl(dbPath)) return dirname(dbPath)
  const given = process.env.DESK_DATA_DIR
  return given ? fromUser(given) : resolve(REPO_ROOT, 'data')
}

/** The attachment files' folder: an explicit path (flag or DESK_FILES), else `files/` in the data folder. */
export function resolveFilesDir(explicit: string | undefined, dbPath: string): string {
  const given = explicit ?? process.env.DESK_FILES
  return given ? fromUser(given) : resolve(dataDirOf(dbPath), 'files')
}
