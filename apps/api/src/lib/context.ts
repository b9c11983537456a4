/** The Hono environment every route sees: injected dependencies and the signed-in user. */
import type { UserRole } from '@desk/domain'
import type { Db } from '../db/client.ts'
import type { Logger } from './logger.ts'

/** `departmentId`: the user's department (null: none); a responder sees that department's inquiries. */
export type SessionUser = { id: number; username: string; displayName: string; role: UserRole; departmentId: number | null }

/** Who is calling: a staff session, or a channel's API token (machine client). */
export type Caller =
  | { kind: 'staff'; user: SessionUser; csrfToken: string }
  | { kind: 'channel_token'; channelCode: string; tokenId: number }

export type AppEnv = {
  Variables: {
    db: Db
    logger: Logger
    now: () => number
    caller: Caller | undefined
  }
}
