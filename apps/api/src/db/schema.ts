/**
 * The desk's tables. Instants are integer UTC epoch milliseconds (`…At`); SQL names are
 * snake_case through drizzle's `casing` option.
 */
import {
  INQUIRY_STATUSES,
  PENDING_STATUSES,
  CHANNEL_INTAKES,
  USER_ROLES,
  DEADLINE_RULES,
  DEADLINE_STARTS,
  INQUIRY_KINDS,
  SATISFACTIONS,
  FOLLOW_UP_OUTCOMES,
  DRAFT_STATUSES,
  OUTBOX_STATUSES,
  APPLICANT_TYPES,
  RECEIPT_METHODS,
  OUTCOME_CODES,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  PROPOSAL_ROLES,
  PROPOSAL_ANSWER_CATEGORIES,
  PROPOSAL_RATINGS,
  CONSULTATION_FORMS,
  ANSWER_DOCUMENT_STATUSES,
  DELIVERY_METHOD_CODES,
} from '@desk/domain'
import { sql } from 'drizzle-orm'
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`

export const channels = sqliteTable('channels', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  intake: text({ enum: CHANNEL_INTAKES }).notNull(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  sortOrder: integer().notNull().default(0),
  createdAt: integer().notNull().default(now),
})

/** 职能处室: the sections inquiries are dispatched to; responders see their own section's items. */
export const departments = sqliteTable('departments', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: integer().notNull().default(now),
})

export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: USER_ROLES }).notNull(),
  passwordHash: text().notNull(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: integer().notNull().default(now),
  departmentId: integer().references(() => departments.id),
  /** when the password was last set (password expiry counts from here) */
  passwordChangedAt: integer().notNull().default(0),
  /** set by a password reset: the next sign-in must choose a new password before anything else */
  mustChangePassword: integer({ mode: 'boolean' }).notNull().default(false),
})

/** Earlier password hashes of a user, newest last: a new password may not repeat the last few. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text().notNull(),
    changedAt: integer().notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
)

/**
 * Failed sign-ins, counted per key: `user:<username>|<address>` (back-off for that pair) and
 * `addr:<address>` (a looser cap per address and hour). In the database, not process memory, so
 * every API process sharing it counts the same failures.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  /** start of the counting window (ms) */
  windowStart: integer().notNull(),
  /** no attempt for this key is checked before this instant (ms); 0: not locked */
  lockedUntil: integer().notNull().default(0),
})

/**
 * The public mailbox's rate limits (lib/rate-limit.ts): hits per client and scope in fixed
 * windows, kept in the database so that every API process counts the same hits.
 */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    /** `<scope>:<client address>` */
    key: text().primaryKey(),
    hits: integer().notNull(),
    /** end of the key's current window (ms): a hit at or after it starts a new window */
    resetAt: integer().notNull(),
  },
  // ended windows are pruned by their end
  (t) => [index('rate_limit_hits_reset_idx').on(t.resetAt)],
)

/**
 * Responses of state-changing requests sent with an `Idempotency-Key` header, per caller and
 * route (`scope`): a resend gets the stored answer instead of writing twice. `status` 0 marks a
 * request still running.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    /** SHA-256 of method, path and body: the key is bound to the request it was first sent with */
    fingerprint: text().notNull().default(''),
    status: integer().notNull(),
    body: text().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
)

/**
 * The notifications a user has marked read (the bell). The notifications themselves are computed
 * when the list is read (domain notification.ts); only the read marks are stored, under the key the
 * domain gives each one.
 */
export const notificationReads = sqliteTable(
  'notification_reads',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    readAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
)

/**
 * The audit log (等保 2.0 安全审计): admin actions, sign-in events and reads of personal data.
 * Append-only: triggers (migration 0012) refuse every UPDATE and DELETE, so no role can erase it.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer().notNull(),
    /** null: nobody signed in (a failed login) */
    actorId: integer().references(() => users.id),
    /** the username as it was then (the row outlives renames) */
    actorName: text(),
    action: text().notNull(),
    /** what was acted on, e.g. `user:3`, `inquiry:17`, `export` */
    target: text(),
    /** JSON object with the particulars */
    detail: text().notNull().default('{}'),
    address: text(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_at_idx').on(t.action, t.at)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    // sha256 of the cookie's token: a leaked database does not leak live sessions
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    /** last request made with it (ms): idle sessions end after the configured idle timeout */
    lastSeenAt: integer().notNull().default(0),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Per-channel bearer tokens for machine clients of the channel API. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer().primaryKey({ autoIncrement: true }),
  channelCode: text()
    .notNull()
    .references(() => channels.code),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  createdBy: integer().references(() => users.id),
  createdAt: integer().notNull(),
  revokedAt: integer(),
})

export const importBatches = sqliteTable('import_batches', {
  id: integer().primaryKey({ autoIncrement: true }),
  channelCode: text()
    .notNull()
    .references(() => channels.code),
  fileName: text().notNull(),
  format: text().notNull(),
  encoding: text(),
  createdBy: integer().references(() => users.id),
  createdAt: integer().notNull(),
  created: integer().notNull().default(0),
  duplicates: integer().notNull().default(0),
  skipped: integer().notNull().default(0),
  /** JSON array of { row, column, reason } (import wizard jobs: also `value`) */
  errors: text().notNull().default('[]'),
  /** 'import' (writes inquiries) or 'dry_run' (a wizard check of the whole file, writes none) */
  kind: text({ enum: ['import', 'dry_run'] })
    .notNull()
    .default('import'),
  /** CLI imports are written in one transaction; wizard jobs go queued -> running -> an end state */
  status: text({
    enum: ['queued', 'running', 'written', 'checked', 'rejected', 'failed', 'undone'],
  })
    .notNull()
    .default('written'),
  /** Wizard jobs: the staged upload read and the read options as JSON (preset, map, tz, sheet, skipInvalid) */
  uploadId: text(),
  options: text(),
  sheet: text(),
  preset: text(),
  /** Rows validated or written so far of rowsTotal (non-blank data rows), for the progress bar */
  phase: text({ enum: ['read', 'validate', 'write'] }),
  rowsDone: integer().notNull().default(0),
  rowsTotal: integer().notNull().default(0),
  /** Why a job failed (a database error), and what its compensation kept */
  failure: text(),
  finishedAt: integer(),
  undoneBy: integer().references(() => users.id),
  undoneAt: integer(),
})

/** Files uploaded to the import wizard, staged as files under the database's folder until imported. */
export const importUploads = sqliteTable('import_uploads', {
  id: text().primaryKey(),
  fileName: text().notNull(),
  size: integer().notNull(),
  createdBy: integer().references(() => users.id),
  createdAt: integer().notNull(),
})

/** Named column mappings saved per channel; chosen again when a file's headers are the same set. */
export const importPresets = sqliteTable(
  'import_presets',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    channelCode: text()
      .notNull()
      .references(() => channels.code),
    name: text().notNull(),
    /** JSON array of the file's header names, sorted */
    headers: text().notNull(),
    /** JSON object header -> import field */
    columns: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('import_presets_channel_name_uq').on(t.channelCode, t.name)],
)

export const inquiries = sqliteTable(
  'inquiries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    channelCode: text()
      .notNull()
      .references(() => channels.code),
    externalId: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    citizenName: text(),
    citizenPhone: text(),
    /**
     * HMAC-SHA256 (hex) of the citizen's phone in E.164, keyed by the desk's phone-search key
     * (db/phone-key.ts, a file beside the database): finds a caller's inquiries by number without
     * an index of readable numbers. Null when the phone is absent or not a valid number.
     */
    citizenPhoneHmac: text(),
    citizenEmail: text(),
    category: text(),
    assigneeId: integer().references(() => users.id),
    status: text({ enum: INQUIRY_STATUSES }).notNull().default('new'),
    receivedAt: integer().notNull(),
    dueAt: integer().notNull(),
    repliedAt: integer(),
    closedAt: integer(),
    importBatchId: integer().references(() => importBatches.id),
    version: integer().notNull().default(1),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
    /** 'disclosure' for a government-information disclosure request (依申请公开) */
    kind: text({ enum: INQUIRY_KINDS }).notNull().default('message'),
    /** The policy the due date came from (null: the built-in fallback rule) */
    deadlinePolicyId: integer().references(() => deadlinePolicies.id, { onDelete: 'set null' }),
    /** JSON snapshot of the rule used (a later policy edit does not move an open deadline) */
    deadlineRule: text(),
    /** Set while the clock is paused (补正, third-party opinion): not overdue, not counted */
    pausedAt: integer(),
    /** The department it is dispatched to (null: not yet dispatched; every responder sees it) */
    departmentId: integer().references(() => departments.id),
    /** Set when merged as a duplicate of another inquiry: replying to that one answers this one */
    duplicateOfId: integer().references((): AnySQLiteColumn => inquiries.id),
    /** The latest follow-up's satisfaction (回访), for tallies */
    satisfaction: text({ enum: SATISFACTIONS }),
    /** The handling round: 1, then one more each time a citizen's later message reopens it (重办) */
    round: integer().notNull().default(1),
    /** When the current round began (null: round 1, counted from `receivedAt`) */
    roundStartedAt: integer(),
    /** The first round's due instant once a later round began (`dueAt` is then the round's own) */
    firstDueAt: integer(),
    /** The last 催办 from the platform while pending; cleared by the next reply */
    urgedAt: integer(),
  },
  (t) => [
    // one inquiry per channel and external id in any ASCII case (domain externalIdKey; SQLite's
    // lower() folds ASCII only); lookups say the same expression (db/external-key.ts)
    uniqueIndex('inquiries_channel_external_uq').on(t.channelCode, sql`lower(${t.externalId})`),
    // serve the queue's sort orders by keyset (id is the unique tie-breaker) and the counts
    // the default queue view (pending, earliest due first) walks this in order and stops at the page's end
    index('inquiries_pending_due_idx')
      .on(t.dueAt, t.id)
      .where(sql.raw(`status in (${PENDING_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    index('inquiries_status_received_idx').on(t.status, t.receivedAt, t.id),
    // the dashboard's overdue counts by channel, category, department and assignee read from this
    // narrow index instead of the wide rows (10,000,000 inquiries: 682 ms a run by row, 140 ms here)
    index('inquiries_pending_received_cover_idx')
      .on(
        t.status,
        t.receivedAt,
        t.dueAt,
        t.pausedAt,
        t.channelCode,
        t.category,
        t.departmentId,
        t.assigneeId,
      )
      .where(sql.raw(`status in (${PENDING_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    index('inquiries_received_idx').on(t.receivedAt, t.id),
    index('inquiries_due_idx').on(t.dueAt, t.id),
    // sparse columns (imported rows have neither assignee nor department): partial indexes cost
    // nothing on the many rows without a value (import speed); `= x` implies `is not null`, so
    // the queue's assignee and department filters still use them
    index('inquiries_assignee_status_idx')
      .on(t.assigneeId, t.status)
      .where(sql`assignee_id is not null`),
    index('inquiries_department_status_idx')
      .on(t.departmentId, t.status)
      .where(sql`department_id is not null`),
    index('inquiries_batch_idx')
      .on(t.importBatchId)
      .where(sql`import_batch_id is not null`),
    index('inquiries_duplicate_of_idx')
      .on(t.duplicateOfId)
      .where(sql`duplicate_of_id is not null`),
    // the queue's urged and reopened filters: a handful of rows, so partial indexes
    index('inquiries_urged_idx')
      .on(t.urgedAt)
      .where(sql`urged_at is not null`),
    index('inquiries_reopened_idx')
      .on(t.round)
      .where(sql`round > 1`),
    // a caller's history (newest first) by the phone's HMAC; most imported rows have no phone
    index('inquiries_phone_hmac_idx')
      .on(t.citizenPhoneHmac, t.receivedAt)
      .where(sql`citizen_phone_hmac is not null`),
    // what the queue's counts and page need of each inquiry a search finds, read from this narrow
    // index instead of the wide rows: 53,419 matches of 1,000,000 cost 500-1,100 ms by row and
    // 140-220 ms by this index (machine at load 16)
    index('inquiries_search_cover_idx').on(t.id, t.channelCode, t.status, t.receivedAt),
  ],
)

/**
 * Data migrations that SQL cannot do, left by a schema migration for the code that opens the
 * database (db/search-backfill.ts): one row per job, with the last inquiry id done, so an
 * interrupted start continues where it stopped. The row is deleted when the job is done.
 */
export const pendingBackfills = sqliteTable('pending_backfills', {
  name: text().primaryKey(),
  afterId: integer().notNull().default(0),
})

/** The audit trail: appended in the same transaction as the change it records, never updated. */
export const inquiryEvents = sqliteTable(
  'inquiry_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    actorId: integer().references(() => users.id),
    type: text().notNull(),
    /** JSON object with the event's details (old/new values, reason …) */
    data: text().notNull().default('{}'),
    createdAt: integer().notNull(),
  },
  (t) => [index('inquiry_events_inquiry_idx').on(t.inquiryId, t.id)],
)

export const replies = sqliteTable(
  'replies',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    authorId: integer().references(() => users.id),
    /** 'desk' when written here, 'source' when it came with an import from the channel */
    origin: text({ enum: ['desk', 'source'] }).notNull(),
    createdAt: integer().notNull(),
    /** The manager who signed off the text (审核), when the channel requires sign-off */
    approvedBy: integer().references(() => users.id),
    /** For channels without a webhook: when it was posted on the channel's platform (UTC ms) */
    postedAt: integer(),
    postedBy: integer().references(() => users.id),
  },
  (t) => [
    index('replies_inquiry_idx').on(t.inquiryId, t.id),
    // the queue's `unposted` filter (待回填平台): only desk replies not yet marked posted, so a
    // handful of rows; imported (source) replies never enter it
    index('replies_unposted_idx')
      .on(t.inquiryId)
      .where(sql`origin = 'desk' and posted_at is null`),
  ],
)

/** Idempotency keys of public submissions: a resent form returns the first inquiry. */
export const submissionKeys = sqliteTable('submission_keys', {
  key: text().primaryKey(),
  inquiryId: integer()
    .notNull()
    .references(() => inquiries.id, { onDelete: 'cascade' }),
  createdAt: integer().notNull(),
})

/** Listed dates of the holiday notices (public holidays and make-up workdays), Asia/Shanghai. */
export const calendarDays = sqliteTable('calendar_days', {
  date: text().primaryKey(),
  isOffDay: integer({ mode: 'boolean' }).notNull(),
  name: text(),
  /** e.g. 'chinese-days@1.5.7', 'holiday-cn:2027.json', 'admin' */
  source: text().notNull(),
  updatedBy: integer().references(() => users.id),
  updatedAt: integer().notNull(),
})

/** Years whose notice is loaded; dates of other years fall back to Monday–Friday. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer().primaryKey(),
  source: text().notNull(),
  loadedAt: integer().notNull(),
  loadedBy: integer().references(() => users.id),
})

/** Deadline policies by inquiry kind, channel (null: any) and category (null: any). */
export const deadlinePolicies = sqliteTable('deadline_policies', {
  id: integer().primaryKey({ autoIncrement: true }),
  kind: text({ enum: INQUIRY_KINDS }).notNull(),
  channelCode: text().references(() => channels.code),
  category: text(),
  validFrom: text(),
  validUntil: text(),
  rule: text({ enum: DEADLINE_RULES }).notNull(),
  amount: integer().notNull(),
  start: text({ enum: DEADLINE_STARTS }).notNull(),
  endOfDay: text(),
  extensionAmount: integer(),
  source: text().notNull(),
  updatedBy: integer().references(() => users.id),
  updatedAt: integer().notNull(),
})

/** Pauses of an inquiry's clock; `resumedAt` null while paused. */
export const clockPauses = sqliteTable(
  'clock_pauses',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    pausedAt: integer().notNull(),
    pausedBy: integer().references(() => users.id),
    resumedAt: integer(),
    resumedBy: integer().references(() => users.id),
  },
  (t) => [index('clock_pauses_inquiry_idx').on(t.inquiryId, t.id)],
)

/** Extension requests (延期): asked by a responder with a reason, decided by a manager. */
export const extensionRequests = sqliteTable(
  'extension_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    status: text({ enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    requestedBy: integer().references(() => users.id),
    requestedAt: integer().notNull(),
    decidedBy: integer().references(() => users.id),
    decidedAt: integer(),
    decisionNote: text(),
    /** Due instants before and after an approval (UTC ms) */
    oldDueAt: integer(),
    newDueAt: integer(),
  },
  (t) => [index('extension_requests_inquiry_idx').on(t.inquiryId, t.id)],
)

/** Per-channel workflow settings (a missing row: no sign-off, no webhook). Kept apart from
 * `channels` so the webhook secret never rides along in a channel listing. */
export const channelSettings = sqliteTable('channel_settings', {
  channelCode: text()
    .primaryKey()
    .references(() => channels.code),
  requiresSignOff: integer({ mode: 'boolean' }).notNull().default(false),
  /** A citizen's later message on an answered inquiry reopens it for another handling round */
  reopenOnMessage: integer({ mode: 'boolean' }).notNull().default(true),
  webhookUrl: text(),
  /** HMAC-SHA256 key for the `X-Desk-Signature` header */
  webhookSecret: text(),
  updatedBy: integer().references(() => users.id),
  updatedAt: integer().notNull(),
})

/** 退单 reasons, admin-editable; a return stores the reason's label as it read then. */
export const returnReasons = sqliteTable('return_reasons', {
  id: integer().primaryKey({ autoIncrement: true }),
  label: text().notNull().unique(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  sortOrder: integer().notNull().default(0),
})

/** 答复模板 per category (null: any) with placeholders such as {citizenName} / {市民姓名}. */
export const replyTemplates = sqliteTable('reply_templates', {
  id: integer().primaryKey({ autoIncrement: true }),
  category: text(),
  title: text().notNull(),
  body: text().notNull(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  updatedBy: integer().references(() => users.id),
  updatedAt: integer().notNull(),
})

/** Reply drafts under sign-off; every submitted version is kept (`number` 1, 2, … per inquiry). */
export const replyDrafts = sqliteTable(
  'reply_drafts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    body: text().notNull(),
    status: text({ enum: DRAFT_STATUSES }).notNull().default('submitted'),
    authorId: integer().references(() => users.id),
    createdAt: integer().notNull(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: integer(),
    reviewComment: text(),
    /** The reply released from this draft on approval */
    replyId: integer().references(() => replies.id),
  },
  (t) => [
    uniqueIndex('reply_drafts_inquiry_number_uq').on(t.inquiryId, t.number),
    index('reply_drafts_status_idx').on(t.status, t.id),
  ],
)

/** Messages to channel webhooks, written in the reply's transaction and sent by the outbox worker. */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    replyId: integer()
      .notNull()
      .references(() => replies.id, { onDelete: 'cascade' }),
    channelCode: text()
      .notNull()
      .references(() => channels.code),
    /** Sent as the `Idempotency-Key` header on every attempt */
    idempotencyKey: text().notNull().unique(),
    /** The JSON body, fixed when written so every attempt sends (and signs) the same bytes */
    payload: text().notNull(),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull(),
    lastError: text(),
    lastAttemptAt: integer(),
    deliveredAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt, t.id),
    index('outbox_inquiry_idx').on(t.inquiryId, t.id),
  ],
)

/** 回访: the follow-up call's outcome. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    outcome: text({ enum: FOLLOW_UP_OUTCOMES }).notNull(),
    note: text().notNull().default(''),
    reopened: integer({ mode: 'boolean' }).notNull().default(false),
    createdBy: integer().references(() => users.id),
    createdAt: integer().notNull(),
  },
  (t) => [index('follow_ups_inquiry_idx').on(t.inquiryId, t.id)],
)

/**
 * Inquiries per (channel, status), kept exact by triggers on inquiries (migration 0006), so the
 * queue's unfiltered per-channel counts cost one small read instead of a scan of every row.
 */
export const inquiryCounts = sqliteTable(
  'inquiry_counts',
  {
    channelCode: text().notNull(),
    status: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelCode, t.status] })],
)

/*
 * Report summaries (migration 0009): inquiry counts per Asia/Shanghai day of receipt and the
 * columns the dashboard groups by, kept exact by triggers on inquiries (insert, delete, and update
 * of any column of the key), so a year's dashboard reads tens of thousands of summary rows instead
 * of every inquiry. Keys hold no NULL (SQLite's UNIQUE treats NULLs as distinct, which would defeat
 * the triggers' upserts): absent values are '' for text, 0 for ids, -1 for a day. `day` is the
 * Asia/Shanghai date of receipt as days since 1970-01-01, `(received_at + 8 h) / 1 day`, exact for
 * instants since 1991 (UTC+8 without daylight saving). Rows whose count fell to 0 stay.
 */

/**
 * Per day of receipt, channel and day of first reply (-1: none): inquiries received (`n`) and, of
 * them, pending (status new or assigned, domain PENDING_STATUSES), first replied by the first
 * round's due instant (`on_time`), rated (a satisfaction recorded) and rated 满意 or 基本满意 (domain
 * POSITIVE_SATISFACTIONS). The counts are columns rather than keys (migration
 * day_channel_counts), so a year of a desk of 10,000,000 inquiries is about 60,000 rows, not the
 * few hundred thousand one row per status and satisfaction made.
 */
export const inquiryDayChannelCounts = sqliteTable(
  'inquiry_day_channel_counts',
  {
    day: integer().notNull(),
    channelCode: text().notNull(),
    replyDay: integer().notNull(),
    n: integer().notNull(),
    pending: integer().notNull(),
    onTime: integer().notNull(),
    rated: integer().notNull(),
    satisfied: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.channelCode, t.replyDay] })],
)

/** Per day, category ('' none), department (0: not dispatched), assignee (0: none) and status. */
export const inquiryDayWorkloadStats = sqliteTable(
  'inquiry_day_workload_stats',
  {
    day: integer().notNull(),
    category: text().notNull(),
    departmentId: integer().notNull(),
    assigneeId: integer().notNull(),
    status: text({ enum: INQUIRY_STATUSES }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category, t.departmentId, t.assigneeId, t.status] })],
)

/**
 * Open inquiries with a running clock (status new or assigned, domain PENDING_STATUSES; not
 * paused) per day of receipt and Asia/Shanghai day of their due instant (`due_day`, days since
 * 1970-01-01 like `day`), counted once per dimension the dashboard breaks overdue down by:
 * `dimension` 'channel' (value: the channel code), 'category' ('' none), 'department' and
 * 'assignee' (the id in decimal, '' none). Overdue at an instant is then the rows due on a day
 * before today plus a live read of today's (dashboard.repo.ts), so a year's dashboard reads at most
 * a few rows per day and dimension value, however many items are pending. Kept by triggers on
 * inquiries (insert, delete, update of receipt, due instant, status, pause or a dimension;
 * migration open_due_days).
 */
export const inquiryOpenDueDays = sqliteTable(
  'inquiry_open_due_days',
  {
    day: integer().notNull(),
    dueDay: integer().notNull(),
    dimension: text({ enum: ['channel', 'category', 'department', 'assignee'] }).notNull(),
    value: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.dueDay, t.dimension, t.value] })],
)

/**
 * A deputy's suggestion or CPPCC proposal (建议提案): the facts of an inquiry of kind `proposal`
 * beyond the inquiry's own (title = subject, deputy = citizen name and contact, masked alike,
 * assignment date = receipt, 主办/协办 = category). Dates are Asia/Shanghai `YYYY-MM-DD`.
 */
export const proposals = sqliteTable('proposals', {
  inquiryId: integer()
    .primaryKey()
    .references(() => inquiries.id, { onDelete: 'cascade' }),
  /** 省人大, 省政协, 市人大, 市政协 or another body (data, not an enum) */
  source: text().notNull(),
  session: text().notNull(),
  number: text().notNull(),
  role: text({ enum: PROPOSAL_ROLES }).notNull(),
  /** The lead unit's name when the bureau is a co-unit */
  leadUnit: text(),
  isKey: integer({ mode: 'boolean' }).notNull().default(false),
  assignedOn: text().notNull(),
  /** The co-unit's opinion to the lead unit */
  opinionSentOn: text(),
  opinionText: text(),
  /** The answer: drafted (category, text, by), then signed off and sent */
  answerCategory: text({ enum: PROPOSAL_ANSWER_CATEGORIES }),
  answerText: text(),
  answerDraftedBy: integer().references(() => users.id),
  answerSignedOffBy: integer().references(() => users.id),
  answerSentAt: integer(),
  /** The deputy's latest rating */
  rating: text({ enum: PROPOSAL_RATINGS }),
  ratedAt: integer(),
})

/**
 * The co-units (协办单位) named with an item the bureau leads, in the order of the assignment; each
 * owes the bureau its opinion within the co-unit period (the 协办 deadline policy).
 */
export const proposalCoUnits = sqliteTable(
  'proposal_co_units',
  {
    inquiryId: integer()
      .notNull()
      .references(() => proposals.inquiryId, { onDelete: 'cascade' }),
    position: integer().notNull(),
    unit: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.position] })],
)

/** Consultations with the deputy (面商 and other forms), appended, never edited. */
export const proposalConsultations = sqliteTable(
  'proposal_consultations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    heldOn: text().notNull(),
    form: text({ enum: CONSULTATION_FORMS }).notNull(),
    participants: text().notNull(),
    note: text().notNull().default(''),
    createdBy: integer().references(() => users.id),
    createdAt: integer().notNull(),
  },
  (t) => [index('proposal_consultations_inquiry_idx').on(t.inquiryId, t.id)],
)

/**
 * What staff write into a year's annual report (sections 一, 五, 六 and section 二's table), one row
 * per year, JSON in `content`; who saved it last and when.
 */
export const annualReportTexts = sqliteTable('annual_report_texts', {
  year: integer().primaryKey(),
  content: text().notNull(),
  updatedBy: integer().references(() => users.id),
  updatedAt: integer().notNull(),
  /** optimistic locking: each save adds one; a save from an older version is refused */
  version: integer().notNull().default(1),
})

/**
 * The disclosure register (依申请公开): one row per inquiry of kind 'disclosure'. The clock's steps
 * (补正, consultation, extension, decision) are inquiry events; this row holds what the annual
 * table counts. `decidedAt`/`outcome` are the FIRST decision: a later correction after a review
 * shows in the review case, not here (the published table does not move).
 */
export const disclosureRequests = sqliteTable(
  'disclosure_requests',
  {
    inquiryId: integer()
      .primaryKey()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    applicantType: text({ enum: APPLICANT_TYPES }).notNull(),
    receiptMethod: text({ enum: RECEIPT_METHODS }).notNull(),
    /** The receipt date by 条例 第三十一条 (YYYY-MM-DD, Asia/Shanghai) */
    receivedOn: text().notNull(),
    outcome: text({ enum: OUTCOME_CODES }),
    decidedAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('disclosure_requests_received_idx').on(t.receivedOn),
    index('disclosure_requests_decided_idx').on(t.decidedAt),
  ],
)

/** 行政复议 and 行政诉讼 over a disclosure request, with the national table's result buckets. */
export const disclosureReviewCases = sqliteTable(
  'disclosure_review_cases',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => disclosureRequests.inquiryId, { onDelete: 'cascade' }),
    kind: text({ enum: REVIEW_KINDS }).notNull(),
    filedAt: integer().notNull(),
    result: text({ enum: REVIEW_RESULTS }).notNull().default('pending'),
    concludedAt: integer(),
    note: text().notNull().default(''),
    createdAt: integer().notNull(),
    createdBy: integer().references(() => users.id),
  },
  (t) => [
    index('disclosure_review_cases_inquiry_idx').on(t.inquiryId),
    index('disclosure_review_cases_filed_idx').on(t.filedAt),
  ],
)

/**
 * A disclosure request's answer document (答复书/告知书), one row per submitted version: the text as
 * composed from the register when submitted (JSON of the domain's AnswerDocument), its review, and
 * for the one `signed` version the DOCX as signed (base64: text on both engines) and its delivery
 * (送达). The signed row is never rewritten but for its delivery, so later register edits do not
 * change what was sent.
 */
export const disclosureAnswers = sqliteTable(
  'disclosure_answers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => disclosureRequests.inquiryId, { onDelete: 'cascade' }),
    number: integer().notNull(),
    status: text({ enum: ANSWER_DOCUMENT_STATUSES }).notNull().default('submitted'),
    agency: text().notNull(),
    docNumber: text().notNull().default(''),
    document: text().notNull(),
    docxBase64: text(),
    authorId: integer().references(() => users.id),
    createdAt: integer().notNull(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: integer(),
    reviewComment: text(),
    deliveryMethod: text({ enum: DELIVERY_METHOD_CODES }),
    /** The Asia/Shanghai day of delivery, as the UTC ms of its start */
    deliveredAt: integer(),
    trackingNumber: text(),
    deliveryRecordedBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('disclosure_answers_inquiry_number_uq').on(t.inquiryId, t.number)],
)

/** The outcome rows' labels as this desk prints them: seeded from the domain, edited by an admin. */
export const disclosureOutcomeLabels = sqliteTable('disclosure_outcome_labels', {
  code: text({ enum: OUTCOME_CODES }).primaryKey(),
  labelZh: text().notNull(),
  labelEn: text().notNull(),
  source: text().notNull(),
  verified: integer({ mode: 'boolean' }).notNull(),
  updatedAt: integer().notNull(),
  updatedBy: integer().references(() => users.id),
})

/**
 * Files of a message, a note, a reply or a follow-up message. The bytes live in the file store,
 * addressed by `sha256` (identical files stored once); `name` is for display only, never a path.
 * A row without `inquiryId` is an upload waiting for the message that names its `token`.
 * `type` 'link' is a URL the sender gave (stored, never fetched): `url` holds it, size 0.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer().references(() => inquiries.id, { onDelete: 'cascade' }),
    replyId: integer().references(() => replies.id, { onDelete: 'set null' }),
    messageId: integer().references(() => inquiryMessages.id, { onDelete: 'set null' }),
    /**
     * The draft awaiting sign-off that carries the file; on 签发 the file also gets the released
     * reply's `replyId` (and goes out with it), on 退回 it stays with the draft only
     */
    draftId: integer().references(() => replyDrafts.id, { onDelete: 'set null' }),
    /** 'citizen' (mailbox, channel, follow-up, manual entry of a letter) or 'staff' (notes, replies) */
    source: text({ enum: ['citizen', 'staff'] }).notNull(),
    name: text().notNull(),
    /** MIME type detected from the content, or 'link' */
    type: text().notNull(),
    size: integer().notNull(),
    sha256: text(),
    url: text(),
    /** Upload token (unguessable) until the file is bound to a message */
    token: text().unique(),
    /** Who may bind the upload: 'user:<id>', 'channel:<code>' or 'public' */
    uploader: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('attachments_inquiry_idx')
      .on(t.inquiryId, t.id)
      .where(sql`inquiry_id is not null`),
    index('attachments_sha_idx').on(t.sha256),
  ],
)

/** Messages after the first (补充, 追问, 催办), unique by the upstream message id per channel. */
export const inquiryMessages = sqliteTable(
  'inquiry_messages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    channelCode: text()
      .notNull()
      .references(() => channels.code),
    upstreamId: text().notNull(),
    kind: text({ enum: ['citizen', 'platform'] }).notNull(),
    body: text().notNull(),
    sentAt: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('inquiry_messages_upstream_uq').on(t.channelCode, t.upstreamId),
    index('inquiry_messages_inquiry_idx').on(t.inquiryId, t.id),
  ],
)

/**
 * A closed year (定稿): the report draft as it stood (JSON of the whole draft, counts included),
 * and its numbers by key for comparing with later counts. Never updated; deleted when the year is
 * reopened (the audit log keeps who closed and reopened it, and why).
 */
export const annualReportSnapshots = sqliteTable('annual_report_snapshots', {
  year: integer().primaryKey(),
  report: text().notNull(),
  numbers: text().notNull(),
  closedBy: integer().references(() => users.id),
  closedAt: integer().notNull(),
})
