/**
 * Per-channel workflow settings: whether replies need a manager's sign-off (审核), whether a
 * citizen's later message on an answered inquiry reopens it (default: yes), and the webhook
 * (URL + HMAC secret) replies are delivered to. A channel without a row: no sign-off, no webhook
 * (replies are marked "posted on the platform" by hand).
 * Errors: NOT_FOUND (unknown channel), VALIDATION (a webhook URL without a secret, or one whose
 * host is an address webhooks may not reach: lib/webhook-address.ts).
 */
import type { ChannelSettingsInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import {
  PUBLIC_ONLY,
  checkWebhookUrl,
  type LookupAll,
  type WebhookNetworks,
  type WebhookUrlCheck,
} from '../../lib/webhook-address.ts'
import { getChannel, listChannelCodes } from '../channels/channels.service.ts'
import * as repo from './channel-settings.repo.ts'

export type ChannelSettings = {
  requiresSignOff: boolean
  reopenOnMessage: boolean
  webhookUrl: string | null
  webhookSecret: string | null
}

/** The settings in force for the channel (defaults when never set). */
export async function getChannelSettings(db: Db, channelCode: string): Promise<ChannelSettings> {
  const row = await repo.findChannelSettings(db, channelCode)
  return {
    requiresSignOff: row?.requiresSignOff ?? false,
    reopenOnMessage: row?.reopenOnMessage ?? true,
    webhookUrl: row?.webhookUrl ?? null,
    webhookSecret: row?.webhookSecret ?? null,
  }
}

/** The public view: the secret is write-only, shown as `hasWebhookSecret`. */
export type ChannelSettingsView = ReturnType<typeof toView>

/** A saved setting the admin should look at again (a webhook host the desk cannot resolve now). */
export type ChannelSettingsWarning = {
  path: ['webhookUrl']
  reason: 'webhook_unresolved'
  host: string
  message: string
}

function toView(channelCode: string, s: ChannelSettings) {
  return {
    channel: channelCode,
    requiresSignOff: s.requiresSignOff,
    reopenOnMessage: s.reopenOnMessage,
    webhookUrl: s.webhookUrl,
    hasWebhookSecret: s.webhookSecret !== null,
  }
}

/** Every channel's settings, in channel order. */
export async function listChannelSettingsView(db: Db) {
  const views = []
  for (const code of await listChannelCodes(db))
    views.push(toView(code, await getChannelSettings(db, code)))
  return views
}

/**
 * Applies `patch` (absent fields keep their value); a webhook URL needs a secret to sign with,
 * and a host `networks` lets webhooks reach (loopback, link-local and metadata never), literally
 * or as its name resolves now through `lookup` (the system's resolver by default). A name that
 * does not resolve is saved with a warning; delivery checks again.
 * @throws AppError NOT_FOUND, VALIDATION (details on `webhookSecret` or `webhookUrl`)
 */
export async function updateChannelSettings(
  db: Db,
  channelCode: string,
  patch: ChannelSettingsInput,
  userId: number,
  now: number,
  networks: WebhookNetworks = PUBLIC_ONLY,
  lookup?: LookupAll,
): Promise<{ settings: ChannelSettingsView; warnings: ChannelSettingsWarning[] }> {
  await getChannel(db, channelCode)
  const next = { ...(await getChannelSettings(db, channelCode)), ...patch }
  if (next.webhookUrl !== null && next.webhookSecret === null) {
    throw new AppError(
      'VALIDATION',
      'A webhook URL needs a webhook secret (for the HMAC signature)',
      [{ path: ['webhookSecret'], message: 'required with webhookUrl' }],
    )
  }
  const check: WebhookUrlCheck = patch.webhookUrl
    ? await checkWebhookUrl(patch.webhookUrl, networks, lookup)
    : {}
  const refused = check.refusal
  if (refused) {
    throw new AppError('VALIDATION', `webhookUrl: ${refused.message}`, [
      {
        path: ['webhookUrl'],
        message: refused.message,
        reason: 'webhook_address',
        address: refused.address,
        kind: refused.kind,
      },
    ])
  }
  await repo.upsertChannelSettings(db, { channelCode, ...next, updatedBy: userId, updatedAt: now })
  const warnings: ChannelSettingsWarning[] = check.unresolvedHost
    ? [
        {
          path: ['webhookUrl'],
          reason: 'webhook_unresolved',
          host: check.unresolvedHost,
          message: `${check.unresolvedHost} does not resolve from the desk now; saved, and each delivery checks the address it resolves to then`,
        },
      ]
    : []
  return { settings: toView(channelCode, next), warnings }
}
