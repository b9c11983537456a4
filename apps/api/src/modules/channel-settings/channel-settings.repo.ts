/** Per-channel workflow settings in SQL. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export type ChannelSettingsRow = typeof schema.channelSettings.$inferSelect

export async function findChannelSettings(db: Db, channelCode: string) {
  const { channelSettings } = tables(db)
  return (
    await db
      .select()
      .from(channelSettings)
      .where(eq(channelSettings.channelCode, channelCode))
      .limit(1)
  )[0]
}

export async function listChannelSettings(db: Db) {
  const { channelSettings } = tables(db)
  return await db.select().from(channelSettings)
}

export async function upsertChannelSettings(db: Db, row: ChannelSettingsRow) {
  const { channelSettings } = tables(db)
  const { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt } = row
  await db.insert(channelSettings).values(row).onConflictDoUpdate({
    target: channelSettings.channelCode,
    set: { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt },
  })
}
