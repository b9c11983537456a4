/** Per-channel workflow settings in SQL. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { channelSettings } from '../../db/schema.ts'

export type ChannelSettingsRow = typeof channelSettings.$inferSelect

export function findChannelSettings(db: Db, channelCode: string) {
  return db.select().from(channelSettings).where(eq(channelSettings.channelCode, channelCode)).get()
}

export function listChannelSettings(db: Db) {
  return db.select().from(channelSettings).all()
}

export function upsertChannelSettings(db: Db, row: ChannelSettingsRow) {
  const { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt } = row
  db.insert(channelSettings)
    .values(row)
    .onConflictDoUpdate({
      target: channelSettings.channelCode,
      set: { requiresSignOff, webhookUrl, webhookSecret, updatedBy, updatedAt },
    })
    .run()
}
