/**
 * The workflow side of one inquiry, for its page: channel rules (sign-off, webhook), draft
 * versions with their files, follow-ups, deliveries to the channel, and duplicate links. NOT_FOUND outside the
 * viewer's scope. Times are ISO 8601 with +08:00.
 */
import { formatInstant } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { getChannelSettings } from '../channel-settings/channel-settings.service.ts'
import { listFollowUps } from '../follow-ups/follow-ups.service.ts'
import { draftFilesOf } from '../files/files.service.ts'
import { listDeliveries } from '../outbox/outbox.service.ts'
import { load } from './inquiries.service.ts'
import type { Viewer } from '../../lib/context.ts'
import * as workflowRepo from './workflow.repo.ts'

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms))

export async function getWorkflowView(db: Db, id: number, viewer: Viewer) {
  const row = await load(db, id, viewer)
  const settings = await getChannelSettings(db, row.channelCode)
  const draftFiles = await draftFilesOf(db, id)
  return {
    requiresSignOff: settings.requiresSignOff,
    hasWebhook: settings.webhookUrl !== null,
    duplicateOfId: row.duplicateOfId,
    duplicates: await workflowRepo.listDuplicateIds(db, id),
    drafts: (await workflowRepo.listDrafts(db, id)).map((d) => ({
      id: d.id,
      number: d.number,
      body: d.body,
      status: d.status,
      author: d.authorName,
      authorId: d.authorId,
      at: formatInstant(d.createdAt),
      reviewer: d.reviewerName,
      reviewedAt: iso(d.reviewedAt),
      reviewComment: d.reviewComment,
      replyId: d.replyId,
      attachments: draftFiles.get(d.id) ?? [],
    })),
    followUps: (await listFollowUps(db, id)).map((f) => ({
      id: f.id,
      outcome: f.outcome,
      note: f.note,
      reopened: f.reopened,
      by: f.byName,
      at: formatInstant(f.createdAt),
    })),
    deliveries: await listDeliveries(db, { inquiryId: id, limit: 100 }),
  }
}
