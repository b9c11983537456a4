/** Per-channel workflow settings in SQL. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { channelSettings } from '../../db/schema.ts'

export type ChannelSettingsRow = typeof channelSettings.$inferSelect

export async function findChannelSettings(db: Db, channelCode: string) {
  return (
    await db
      .select()
      .from(channelSettings)
      .where(eq(channelSettings.channelCode, channelCode))
      .limit(1)
  )[0]
}

export async function listChannelSettings(db: Db) {
  return await db.select().from(channelSettings)
}

export async function upsertChannelSettings(db: Db, row: ChannelSettingsRow) {
  const { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt } = row
  await db.insert(channelSettings).values(row).onConflictDoUpdate({
    target: channelSettings.channelCode,
    set: { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt },
  })
}
