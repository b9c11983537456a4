/**
 * The desk's tables. Instants are integer UTC epoch milliseconds (`…At`); SQL names are
 * snake_case through drizzle's `casing` option.
 */
import {
  INQUIRY_STATUSES,
  CHANNEL_INTAKES,
  USER_ROLES,
  DEADLINE_RULES,
  DEADLINE_STARTS,
  INQUIRY_KINDS,
} from '@desk/domain'
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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

export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: USER_ROLES }).notNull(),
  passwordHash: text().notNull(),
  isActive: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: integer().notNull().default(now),
})

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
  /** JSON array of { row, column, reason } */
  errors: text().notNull().default('[]'),
})

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
  },
  (t) => [
    uniqueIndex('inquiries_channel_external_uq').on(t.channelCode, t.externalId),
    // serve the queue's sort orders by keyset (id is the unique tie-breaker) and the counts
    index('inquiries_status_due_idx').on(t.status, t.dueAt, t.id),
    index('inquiries_status_received_idx').on(t.status, t.receivedAt, t.id),
    index('inquiries_received_idx').on(t.receivedAt, t.id),
    index('inquiries_due_idx').on(t.dueAt, t.id),
    index('inquiries_status_channel_idx').on(t.status, t.channelCode),
    index('inquiries_assignee_status_idx').on(t.assigneeId, t.status),
    index('inquiries_batch_idx').on(t.importBatchId),
  ],
)

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
  },
  (t) => [index('replies_inquiry_idx').on(t.inquiryId, t.id)],
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
    status: text({ enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
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
