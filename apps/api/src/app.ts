/**
 * createApp(deps): the Hono app with every `/api` route, no listening. The chained result's type
 * is `AppType`, which the SPA's typed client imports (types only).
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import type { Db } from './db/client.ts'
import { identify } from './lib/auth.ts'
import type { AppEnv, ImportSettings } from './lib/context.ts'
import { diskFileStore, type FileStore } from './lib/file-store.ts'
import { auditTrail } from './lib/audit-trail.ts'
import { idempotent } from './lib/idempotency.ts'
import { DEFAULT_SECURITY, type SecuritySettings } from './lib/security-settings.ts'
import { PUBLIC_ONLY, type WebhookNetworks } from './lib/webhook-address.ts'
import { auditRoutes } from './modules/audit/audit.routes.ts'
import { AppError, handleError } from './lib/errors.ts'
import { silentLogger, type Logger } from './lib/logger.ts'
import {
  attachmentRoutes,
  inquiryAttachmentRoutes,
} from './modules/attachments/attachments.routes.ts'
import { messageRoutes } from './modules/messages/messages.routes.ts'
import { authRoutes } from './modules/auth/auth.routes.ts'
import { calendarRoutes } from './modules/calendar/calendar.routes.ts'
import { deadlineRoutes } from './modules/deadlines/deadlines.routes.ts'
import { channelRoutes } from './modules/channels/channels.routes.ts'
import { channelSettingsRoutes } from './modules/channel-settings/channel-settings.routes.ts'
import { departmentRoutes } from './modules/departments/departments.routes.ts'
import { disclosureReportRoutes, disclosureRoutes } from './modules/disclosure/disclosure.routes.ts'
import { workflowRoutes } from './modules/inquiries/workflow.routes.ts'
import { channelIntakeRoutes } from './modules/inquiries/channel-intake.routes.ts'
import { replyFileRoutes } from './modules/outbox/reply-files.routes.ts'
import { clockRoutes, extensionDecisionRoutes } from './modules/inquiries/clock.routes.ts'
import { openDeadlinesRecompute } from './modules/inquiries/recompute.service.ts'
import { disclosureDueAt } from './modules/disclosure/disclosure.service.ts'
import { outboxRoutes } from './modules/outbox/outbox.routes.ts'
import { returnReasonRoutes } from './modules/return-reasons/return-reasons.routes.ts'
import { templateRoutes } from './modules/templates/templates.routes.ts'
import { inquiryRoutes } from './modules/inquiries/inquiries.routes.ts'
import { reportRoutes } from './modules/reports/reports.routes.ts'
import { mailboxRoutes, type PublicLimits } from './modules/mailbox/mailbox.routes.ts'
import { manualEntryRoutes } from './modules/manual-entry/manual-entry.routes.ts'
import { proposalRoutes } from './modules/proposals/proposals.routes.ts'
import { annualReportRoutes } from './modules/annual-report/annual-report.routes.ts'
import { importRoutes } from './modules/imports/imports.routes.ts'
import { userRoutes } from './modules/users/users.routes.ts'
import { notificationRoutes } from './modules/notifications/notifications.routes.ts'
import { databaseRateLimitStore } from './modules/rate-limits/rate-limits.service.ts'
import { openApiRoutes } from './modules/openapi/openapi.routes.ts'

export type AppDeps = {
  db: Db
  /** Where attachments are stored (default: a fresh folder under the OS temp dir, for tests). */
  files?: FileStore
  logger?: Logger
  now?: () => number
  publicLimits?: PublicLimits
  /** Behind a TLS-terminating reverse proxy (DESK_TRUST_PROXY): believe its X-Forwarded-* headers. */
  trustProxy?: boolean
  /** Where the import wizard stages uploads and runs its previews and jobs. */
  imports?: ImportSettings
  /** Sign-in, session and password rules; default DEFAULT_SECURITY */
  security?: SecuritySettings
  /** Where channel webhooks may be delivered; default PUBLIC_ONLY */
  webhookNetworks?: WebhookNetworks
}

/** Without settings (tests): uploads staged in the OS temp folder, previews and jobs in this thread. */
const DEFAULT_IMPORTS: ImportSettings = {
  stagingDir: join(tmpdir(), 'desk-import-staging'),
  workerDb: null,
}

/** Per client address and hour, on the public mailbox pages. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  submitPerHour: 10,
  trackPerHour: 60,
  trustProxy: false,
}

/** Request bodies above this are refused with 413 before they are read whole (bytes). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024

export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
  const files = deps.files ?? diskFileStore(join(tmpdir(), `desk-files-${randomUUID()}`))
  api.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('files', files)
    c.set('imports', deps.imports ?? DEFAULT_IMPORTS)
    c.set('logger', deps.logger ?? silentLogger)
    c.set('now', deps.now ?? Date.now)
    c.set('trustProxy', deps.trustProxy ?? false)
    c.set('security', deps.security ?? DEFAULT_SECURITY)
    c.set('webhookNetworks', deps.webhookNetworks ?? PUBLIC_ONLY)
    await next()
  })
  api.use(
    // uploads (import files, attachments) are read under their own limits, refused as soon as they
    // pass them; GET and HEAD carry no body (Fetch), and asking for one would build the whole Fetch
    // Request from node's message on every read (a tenth of a GET's CPU time at saturation)
    except(
      (c) =>
        c.req.method === 'GET' ||
        c.req.method === 'HEAD' ||
        (c.req.method === 'POST' && c.req.path.endsWith('/uploads')),
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new AppError('PAYLOAD_TOO_LARGE', `Request body over ${MAX_BODY_BYTES} bytes`)
        },
      }),
    ),
  )
  api.use(identify)
  api.use(auditTrail)
  api.use(idempotent)
  api.onError(handleError)
  api.notFound(() => {
    throw new AppError('NOT_FOUND', 'No such API route')
  })
  const app = api
    .get('/health', (c) => c.json({ ok: true }, 200))
    .route('/auth', authRoutes)
    .route('/channels', channelRoutes)
    .route('/channels', messageRoutes)
    .route('/channels', channelIntakeRoutes)
    .route('/channels', replyFileRoutes)
    .route('/inquiries', inquiryRoutes)
    .route('/inquiries', workflowRoutes)
    .route('/inquiries', inquiryAttachmentRoutes)
    .route('/attachments', attachmentRoutes)
    .route('/inquiries', clockRoutes)
    .route('/departments', departmentRoutes)
    .route('/return-reasons', returnReasonRoutes)
    .route('/templates', templateRoutes)
    .route('/channel-settings', channelSettingsRoutes)
    .route('/outbox', outboxRoutes)
    .route('/reports/annual', annualReportRoutes)
    .route('/reports/disclosure', disclosureReportRoutes)
    .route('/reports', reportRoutes)
    .route('/disclosure', disclosureRoutes)
    .route('/users', userRoutes)
    .route('/audit', auditRoutes)
    .route('/notifications', notificationRoutes)
    .route('/calendar', calendarRoutes(openDeadlinesRecompute(disclosureDueAt)))
    .route('/deadlines', deadlineRoutes)
    .route('/deadlines', extensionDecisionRoutes)
    .route('/manual-entries', manualEntryRoutes)
    .route('/proposals', proposalRoutes)
    .route('/imports', importRoutes)
    .route(
      '/public/mailbox',
      mailboxRoutes(deps.publicLimits ?? DEFAULT_PUBLIC_LIMITS, () =>
        databaseRateLimitStore(deps.db, deps.now),
      ),
    )
  // read when first asked for, so the document lists these two routes as well
  return app.route(
    '/',
    openApiRoutes(() => app.routes),
  )
}

export type AppType = ReturnType<typeof createApp>
