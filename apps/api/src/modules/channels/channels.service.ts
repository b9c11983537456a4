/**
 * Channels: list, add, rename, (de)activate; per-channel API tokens for machine clients.
 * Errors: NOT_FOUND (unknown code), CONFLICT (code taken; ingest into a deactivated channel),
 * VALIDATION (messages into a channel of another kind).
 */
import {
  messageChannelRefusal,
  type CreateChannelInput,
  type UpdateChannelInput,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { hashToken, newToken } from '../../lib/tokens.ts'
import * as repo from './channels.repo.ts'

export async function listChannels(db: Db) {
  return await repo.listChannels(db)
}

/** Every channel code, active or not, in display order. */
export async function listChannelCodes(db: Db): Promise<string[]> {
  return (await repo.listChannels(db)).map((c) => c.code)
}

/** The channel, or NOT_FOUND. */
export async function getChannel(db: Db, code: string) {
  const channel = await repo.findChannel(db, code)
  if (!channel) throw new AppError('NOT_FOUND', `Unknown channel: ${code}`)
  return channel
}

/** The channel when it accepts new inquiries: NOT_FOUND if unknown, CONFLICT if deactivated. */
export async function getActiveChannel(db: Db, code: string) {
  const channel = await getChannel(db, code)
  if (!channel.isActive) throw new AppError('CONFLICT', `Channel ${code} is deactivated`)
  return channel
}

/**
 * The channel when ordinary messages may go into it (the channel API, manual entry, the message
 * import): as getActiveChannel, and VALIDATION naming `channel` when the channel holds another
 * kind (proposals, disclosure requests: the domain's messageChannelRefusal), whose registers
 * would never list a message put there. The detail carries `refusal: 'message_channel'`, the kind,
 * and the page and route where such items are entered.
 */
export async function getMessageChannel(db: Db, code: string) {
  const channel = await getActiveChannel(db, code)
  const refusal = messageChannelRefusal(code)
  if (refusal) {
    const where = `enter them on ${refusal.page} or by ${refusal.route}`
    throw new AppError(
      'VALIDATION',
      `Channel ${code} holds ${refusal.kind} items, not messages: ${where}, which keeps their register`,
      [
        {
          path: ['channel'],
          message: `holds ${refusal.kind} items, not messages; ${where}`,
          refusal: 'message_channel',
          channel: code,
          ...refusal,
        },
      ],
    )
  }
  return channel
}

export async function createChannel(db: Db, input: CreateChannelInput, now: number) {
  if (await repo.findChannel(db, input.code))
    throw new AppError('CONFLICT', `Channel ${input.code} exists already`)
  await repo.insertChannel(db, input, now)
  return await getChannel(db, input.code)
}

export async function updateChannel(db: Db, code: string, patch: UpdateChannelInput) {
  if ((await repo.updateChannel(db, code, patch)) === 0)
    throw new AppError('NOT_FOUND', `Unknown channel: ${code}`)
  return await getChannel(db, code)
}

/** Makes a bearer token for the channel's API. The token is returned once; only its hash is kept. */
export async function createApiToken(
  db: Db,
  code: string,
  name: string,
  userId: number,
  now: number,
) {
  await getChannel(db, code)
  const token = newToken()
  const id = await repo.insertApiToken(db, {
    channelCode: code,
    name,
    tokenHash: hashToken(token),
    createdBy: userId,
    createdAt: now,
  })
  return { id, name, token }
}

/** Seeds channels that are missing (first start). Existing rows are left as the admin set them. */
export async function ensureChannels(db: Db, defaults: readonly CreateChannelInput[], now: number) {
  for (const c of defaults)
    if (!(await repo.findChannel(db, c.code))) await repo.insertChannel(db, c, now)
}
