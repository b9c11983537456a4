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

/** The database file: an explicit path (flag or DESK_DB) is the user's; the default is the repo's `data/desk.sqlite`. */
export function resolveDbPath(explicit: string | undefined): string {
  const given = explicit ?? process.env.DESK_DB
  return given ? fromUser(given) : resolve(REPO_ROOT, 'data/desk.sqlite')
}
