/** The Hono environment every route sees: injected dependencies and the signed-in user. */
import type { PasswordChangeReason, UserRole } from '@desk/domain'
import type { Db } from '../db/client.ts'
import type { FileStore } from './file-store.ts'
import type { Logger } from './logger.ts'
import type { SecuritySettings } from './security-settings.ts'
import type { WebhookNetworks } from './webhook-address.ts'

/** `departmentId`: the user's department (null: none); a responder sees that department's inquiries. */
export type SessionUser = {
  id: number
  username: string
  displayName: string
  role: UserRole
  departmentId: number | null
}

/**
 * What a service needs to act: the database, who acts (null: the system, e.g. the CLI) and the
 * current instant (UTC ms, injected so tests fix the clock).
 */
export type Ctx<U extends SessionUser | null = SessionUser> = { db: Db; user: U; now: number }

/** The staff route's `Ctx`: its database, signed-in user and the request's instant. */
export function ctxOf(c: { var: { db: Db; user: SessionUser; now: () => number } }): Ctx {
  return { db: c.var.db, user: c.var.user, now: c.var.now() }
}

/** Who is looking: lists, counts, detail, actions and exports all show only what this user may see. */
export type Viewer = Pick<SessionUser, 'id' | 'role' | 'departmentId'>

/** Who is calling: a staff session, or a channel's API token (machine client). */
export type Caller =
  | {
      kind: 'staff'
      user: SessionUser
      csrfToken: string
      /** set while the user must replace their password: only the auth routes answer then */
      passwordChange: PasswordChangeReason | null
      /** the session's token hash (to keep this session when the password changes) */
      tokenHash: string
    }
  | { kind: 'channel_token'; channelCode: string; tokenId: number }

/** Where the import wizard stages uploads and where its previews and jobs run (config, main.ts). */
export type ImportSettings = {
  /** folder of staged uploads (created on demand) */
  stagingDir: string
  /**
   * the database (SQLite file or PostgreSQL URL) that worker threads open their own connection to, so previews and jobs run
   * off the request thread; null runs them in this thread (an in-memory database, which a second
   * connection cannot see: tests)
   */
  workerDb: string | null
}

export type AppEnv = {
  Variables: {
    db: Db
    files: FileStore
    imports: ImportSettings
    logger: Logger
    now: () => number
    caller: Caller | undefined
    /** DESK_TRUST_PROXY: the client address and scheme come from X-Forwarded-For / X-Forwarded-Proto */
    trustProxy: boolean
    security: SecuritySettings
    /** Where channel webhooks may be delivered (DESK_WEBHOOK_*) */
    webhookNetworks: WebhookNetworks
  }
}
