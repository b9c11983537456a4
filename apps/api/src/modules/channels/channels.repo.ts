/** Channels and their API tokens in SQL. */
import type { CreateChannelInput, UpdateChannelInput } from '@desk/domain'
import { asc, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'
import { changedRows } from '../../db/dialect.ts'
import { runPrepared } from '../../db/prepared.ts'

/** Every channel in the desk's order (prepared once: the queue's counts ask on each call). */
export async function listChannels(db: Db) {
  return await runPrepared(db, 'channels_all', () => {
    const { channels } = tables(db)
    return db.select().from(channels).orderBy(asc(channels.sortOrder), asc(channels.code))
  })
}

export async function findChannel(db: Db, code: string) {
  const { channels } = tables(db)
  return (await db.select().from(channels).where(eq(channels.code, code)).limit(1))[0]
}

export async function insertChannel(db: Db, input: CreateChannelInput, now: number) {
  const { channels } = tables(db)
  const last = (
    await db
      .select({ n: max(channels.sortOrder) })
      .from(channels)
      .limit(1)
  )[0]
  await db.insert(channels).values({ ...input, sortOrder: (last?.n ?? 0) + 1, createdAt: now })
}

export async function updateChannel(db: Db, code: string, patch: UpdateChannelInput) {
  const { channels } = tables(db)
  return changedRows(await db.update(channels).set(patch).where(eq(channels.code, code)))
}

export async function insertApiToken(
  db: Db,
  row: {
    channelCode: string
    name: string
    tokenHash: string
    createdBy: number
    createdAt: number
  },
) {
  const { apiTokens } = tables(db)
  return returnedRow(await db.insert(apiTokens).values(row).returning({ id: apiTokens.id })).id
}
