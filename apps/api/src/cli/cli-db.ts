/** Opens the database a CLI command works on (`--db`, else DESK_DB, else <repo>/data/desk.sqlite) with the default channels present. */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { openDb, type Db } from '../db/client.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { resolveDbPath } from '../paths.ts'

export async function openCliDb(dbOption: string | undefined): Promise<{ db: Db; path: string }> {
  const path = resolveDbPath(dbOption)
  const db = openDb(path)
  await ensureChannels(db, DEFAULT_CHANNELS, Date.now())
  return { db, path }
}
