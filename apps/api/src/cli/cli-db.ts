/** Opens the database a CLI command works on (`--db`, else DESK_DB, else <repo>/data/desk.sqlite) with the default channels present. */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { openDb, type Db } from '../db/client.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { resolveDbPath } from '../paths.ts'

export function openCliDb(dbOption: string | undefined): { db: Db; path: string } {
  const path = resolveDbPath(dbOption)
  const db = openDb(path)
  ensureChannels(db, DEFAULT_CHANNELS, Date.now())
  return { db, path }
}
