/**
 * Two API processes on one database, as tests build them: two connections of their own (two
 * pools to the test's PostgreSQL database in the api-pg project; two connections to one SQLite
 * file otherwise, since an in-memory database cannot be shared), each migrated and with the
 * default channels. Apps or workers built on each act as two processes would.
 */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { createTestDb, openDb, type Db } from '../db/client.ts'
import { closeDatabase, engineOf } from '../db/engine.ts'
import { openPostgres } from '../db/postgres.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'

export type TwoProcesses = { a: Db; b: Db; close: () => Promise<void> }

/** The test's database twice; `close` ends the connections opened here. */
export async function twoProcesses(now: number): Promise<TwoProcesses> {
  const first = await createTestDb()
  let pair: TwoProcesses
  if (engineOf(first) === 'postgres') {
    const url = (first.$client as unknown as pg.Pool).options.connectionString as string
    const b = await openPostgres(url, { max: 4 })
    pair = { a: first, b, close: () => closeDatabase(b) }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'desk-two-'))
    const a = openDb(join(dir, 'desk.sqlite'))
    const b = openDb(join(dir, 'desk.sqlite'))
    pair = {
      a,
      b,
      close: async () => {
        a.$client.close()
        b.$client.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  await ensureChannels(pair.a, DEFAULT_CHANNELS, now)
  return pair
}
