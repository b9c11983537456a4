/** Channels and their API tokens in SQL. */
import type { CreateChannelInput, UpdateChannelInput } from '@desk/domain'
import { asc, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { apiTokens, channels } from '../../db/schema.ts'

export function listChannels(db: Db) {
  return db.select().from(channels).orderBy(asc(channels.sortOrder), asc(channels.code)).all()
}

export function findChannel(db: Db, code: string) {
  return db.select().from(channels).where(eq(channels.code, code)).get()
}

export function insertChannel(db: Db, input: CreateChannelInput, now: number) {
  const last = db
    .select({ n: max(channels.sortOrder) })
    .from(channels)
    .get()
  db.insert(channels)
    .values({ ...input, sortOrder: (last?.n ?? 0) + 1, createdAt: now })
    .run()
}

export function updateChannel(db: Db, code: string, patch: UpdateChannelInput) {
  return db.update(channels).set(patch).where(eq(channels.code, code)).run().changes
}

export function insertApiToken(
  db: Db,
  row: {
    channelCode: string
    name: string
    tokenHash: string
    createdBy: number
    createdAt: number
  },
) {
  return db.insert(apiTokens).values(row).returning({ id: apiTokens.id }).get().id
}
