/**
 * Opens the database a CLI command works on (`--db`, else DESK_DB, else <repo>/data/desk.sqlite):
 * the SQLite file, or the PostgreSQL server of a `postgres://` URL, with the default channels
 * present. Commands close it with `closeDatabase`.
 */
import { DEFAULT_CHANNELS } from '@desk/domain'
import type { Db } from '../db/client.ts'
import { openDatabase } from '../db/engine.ts'
import { describeUrl, isPostgresUrl } from '../db/postgres.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { resolveDbPath, UnsupportedDbError } from '../paths.ts'

/**
 * `path`: the file or URL opened; `where`: the same for messages (a URL without its password).
 * @throws UnsupportedDbError for a URL of another engine; DbStartError (postgres.ts) when the
 *   server cannot be used — desk.ts prints either as one line and exits 1
 */
export async function openCliDb(
  dbOption: string | undefined,
): Promise<{ db: Db; path: string; where: string }> {
  const path = resolveDbPath(dbOption)
  const db = await openDatabase(path)
  await ensureChannels(db, DEFAULT_CHANNELS, Date.now())
  return { db, path, where: isPostgresUrl(path) ? describeUrl(path) : path }
}

/**
 * The SQLite file of a command that works on files only (backup, migrate-to's source).
 * @throws UnsupportedDbError naming `instead` when the setting is a PostgreSQL URL
 */
export function sqliteFileOnly(dbOption: string | undefined, instead: string): string {
  const path = resolveDbPath(dbOption)
  if (isPostgresUrl(path)) throw new UnsupportedDbError(instead)
  return path
}
