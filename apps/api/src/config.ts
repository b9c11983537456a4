/** The process's settings, from the environment, parsed once. The only file that reads process.env. */
import { passwordProblems, type PasswordPolicy } from '@desk/domain'
import { z } from 'zod'
import type { SecuritySettings } from './lib/security-settings.ts'
import type { WebhookNetworks } from './lib/webhook-address.ts'
import { dbSettingProblem } from './paths.ts'

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

const dbSetting = z
  .string()
  .min(1)
  .superRefine((v, ctx) => {
    const problem = dbSettingProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const configSchema = z
  .object({
    /** SQLite file (relative to where the command was typed) or a postgres:// URL. Default: <repo>/data/desk.sqlite */
    DESK_DB: dbSetting.optional(),
    /** The same as DESK_DB (the name hosting platforms set); DESK_DB wins when both are set */
    DESK_DATABASE_URL: dbSetting.optional(),
    /**
     * This process delivers the outbox, recovers import jobs left by a crash and sweeps stale
     * uploads. Several API processes on one PostgreSQL database may all do it (messages and jobs
     * are claimed); 0 leaves a process to answer requests only.
     */
    DESK_BACKGROUND: flag.default(true),
    /**
     * On PostgreSQL, the folder of the desk's own files: the phone-search key, and by default
     * `files/` and `import-staging/` (on SQLite: the database file's folder). Default: <repo>/data
     */
    DESK_DATA_DIR: z.string().min(1).optional(),
    /** Folder of attachment files (content-addressed). Default: `files/` in the data folder */
    DESK_FILES: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DESK_ADMIN_PASSWORD: z.string().min(8).optional(),
    DESK_DEMO: flag.default(true),
    /** Folder of the built SPA (vite build output). */
    DESK_WEB_DIST: z.string().optional(),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits). */
    DESK_TRUST_PROXY: flag.default(false),
    /**
     * Channel webhooks may reach hosts in private network ranges (10/8, 172.16/12, 192.168/16,
     * 100.64/10, fc00::/7): a government intranet's platforms. Off: public addresses only.
     * Loopback, link-local and cloud metadata addresses stay refused (lib/webhook-address.ts).
     */
    DESK_WEBHOOK_PRIVATE_NETWORKS: flag.default(false),
    /** Webhooks may reach this machine (127.0.0.1, localhost): for trying the desk on one machine only. */
    DESK_WEBHOOK_LOOPBACK: flag.default(false),
    /** Public mailbox limits per client address and hour. */
    DESK_MAILBOX_SUBMITS_PER_HOUR: z.coerce.number().int().positive().default(10),
    DESK_MAILBOX_TRACKS_PER_HOUR: z.coerce.number().int().positive().default(60),
    /** Folder of the import wizard's staged uploads. Default: import-staging/ beside the database file */
    DESK_IMPORT_STAGING: z.string().min(1).optional(),
    /** Login throttling: failures of one (username, address) before back-off; first back-off and longest lock (ms); failures per address and hour. */
    DESK_LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
    DESK_LOGIN_BACKOFF_MS: z.coerce.number().int().min(1).default(1000),
    DESK_LOGIN_MAX_LOCK_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60_000),
    DESK_LOGIN_ADDRESS_FAILURES_PER_HOUR: z.coerce.number().int().min(1).default(100),
    /**
     * Sessions end after this many minutes without a request (0: never). Not 1: a session's last
     * request is written at most once a minute (auth.service), so 1 would sign out an active user.
     */
    DESK_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .refine((m) => m !== 1, 'use 0 (no limit) or at least 2 minutes')
      .default(30),
    /** Password policy: length, character classes (of lower, upper, digits, other), expiry (0: never), how many earlier passwords may not be reused. */
    DESK_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(128).default(8),
    DESK_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(2),
    DESK_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(90),
    DESK_PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
    /** Fixed "now" (ISO 8601) for demo data; tests only. */
    DESK_DEMO_NOW: z.iso.datetime({ offset: true }).optional(),
  })
  // the first admin's password must pass the same policy as every later one (checked at start,
  // so a weak DESK_ADMIN_PASSWORD is one line naming the rule, not a crash while seeding)
  .superRefine((c, ctx) => {
    if (c.DESK_ADMIN_PASSWORD === undefined) return
    const problems = passwordProblems(c.DESK_ADMIN_PASSWORD, passwordPolicyOf(c), 'admin')
    if (problems.length > 0)
      ctx.addIssue({ code: 'custom', path: ['DESK_ADMIN_PASSWORD'], message: problems.join('; ') })
  })
export type Config = z.infer<typeof configSchema>

/** The sign-in, session and password rules the settings give. */
export function securityOf(config: Config): SecuritySettings {
  return {
    loginFreeFailures: config.DESK_LOGIN_FREE_FAILURES,
    loginBackoffMs: config.DESK_LOGIN_BACKOFF_MS,
    loginMaxLockMs: config.DESK_LOGIN_MAX_LOCK_MS,
    loginAddressFailuresPerHour: config.DESK_LOGIN_ADDRESS_FAILURES_PER_HOUR,
    sessionIdleMs: config.DESK_SESSION_IDLE_MINUTES * 60_000,
    passwordPolicy: passwordPolicyOf(config),
  }
}

/** Where channel webhooks may be delivered (lib/webhook-address.ts). */
export function webhookNetworksOf(config: Config): WebhookNetworks {
  return {
    privateNetworks: config.DESK_WEBHOOK_PRIVATE_NETWORKS,
    loopback: config.DESK_WEBHOOK_LOOPBACK,
  }
}

function passwordPolicyOf(
  config: Pick<
    Config,
    | 'DESK_PASSWORD_MIN_LENGTH'
    | 'DESK_PASSWORD_MIN_CLASSES'
    | 'DESK_PASSWORD_MAX_AGE_DAYS'
    | 'DESK_PASSWORD_HISTORY'
  >,
): PasswordPolicy {
  return {
    minLength: config.DESK_PASSWORD_MIN_LENGTH,
    minClasses: config.DESK_PASSWORD_MIN_CLASSES,
    maxAgeDays: config.DESK_PASSWORD_MAX_AGE_DAYS,
    historyCount: config.DESK_PASSWORD_HISTORY,
  }
}

/** @throws Error naming each bad variable */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Bad environment:\n${lines.join('\n')}`)
  }
  return result.data
}
