/**
 * The desk's tables. Instants are integer UTC epoch milliseconds (`…At`); SQL names are
 * snake_case through drizzle's `casing` option.
 */
import { INQUIRY_STATUSES, CHANNEL_INTAKES, USER_ROLES } from '@desk/domain'
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
