import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// API test files that also run on PostgreSQL (project api-pg), besides the *.pg.test.ts files
// that run only there. The list grows as modules move to the engine-neutral data layer; the
// goal is every API test file.
const API_ON_POSTGRES = [
  'apps/api/src/db/schema.test.ts',
  'apps/api/src/db/dialect.test.ts',
  'apps/api/src/modules/rate-limits/rate-limits.test.ts',
  'apps/api/src/modules/auth/login-processes.test.ts',
  'apps/api/src/modules/imports/import-processes.test.ts',
  'apps/api/src/modules/outbox/outbox-processes.test.ts',
  'apps/api/src/modules/channels/channels.test.ts',
  'apps/api/src/modules/auth/auth.test.ts',
  'apps/api/src/modules/inquiries/ingest-atomic.test.ts',
  'apps/api/src/modules/inquiries/satisfaction-filter.test.ts',
  'apps/api/src/modules/inquiries/visibility.test.ts',
  'apps/api/src/modules/inquiries/workflow.test.ts',
  'apps/api/src/modules/users/users.test.ts',
  'apps/api/src/modules/users/accounts.test.ts',
  'apps/api/src/modules/channels/text-roundtrip.test.ts',
  'apps/api/src/server.test.ts',
  'apps/api/src/modules/inquiries/inquiries.test.ts',
  'apps/api/src/modules/auth/login-security.test.ts',
  'apps/api/src/modules/inquiries/search.test.ts',
  'apps/api/src/modules/inquiries/caller-history.test.ts',
  'apps/api/src/modules/attachments/attachments.test.ts',
  'apps/api/src/modules/audit/audit.test.ts',
  'apps/api/src/modules/calendar/calendar.test.ts',
  'apps/api/src/modules/channel-settings/channel-settings.test.ts',
  'apps/api/src/modules/deadlines/deadlines.test.ts',
  'apps/api/src/modules/departments/departments.test.ts',
  'apps/api/src/modules/disclosure/disclosure.test.ts',
  'apps/api/src/modules/disclosure/disclosure-answer.test.ts',
  'apps/api/src/modules/disclosure/disclosure-import.test.ts',
  'apps/api/src/modules/files/stale-uploads.test.ts',
  'apps/api/src/modules/follow-ups/follow-ups.test.ts',
  'apps/api/src/modules/mailbox/mailbox.test.ts',
  'apps/api/src/modules/mailbox/mailbox-files.test.ts',
  'apps/api/src/modules/manual-entry/manual-entry.test.ts',
  'apps/api/src/modules/messages/messages.test.ts',
  'apps/api/src/modules/notifications/notifications.test.ts',
  'apps/api/src/modules/proposals/proposals.test.ts',
  'apps/api/src/modules/proposals/proposals-co-units.test.ts',
  'apps/api/src/modules/proposals/proposals-import.test.ts',
  'apps/api/src/modules/reports/dashboard.test.ts',
  'apps/api/src/modules/reports/export.test.ts',
  'apps/api/src/modules/reports/reply-days.test.ts',
  'apps/api/src/modules/reports/tally.test.ts',
  'apps/api/src/modules/return-reasons/return-reasons.test.ts',
  'apps/api/src/modules/templates/templates.test.ts',
  'apps/api/src/modules/annual-report/annual-report.test.ts',
  'apps/api/src/modules/disclosure/disclosure-2017.test.ts',
  'apps/api/src/cli/tally.command.test.ts',
]

// Domain tests run twice, under TZ=UTC and TZ=Asia/Shanghai: days are counted in Asia/Shanghai
// whatever the server's zone, and these runs prove it.
export default defineConfig({
  test: {
    // CI also writes a JSON report, from which .ci/run prints its "N passed, N failed" line
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.ci-results.json' }]]
      : ['default'],
    projects: [
      {
        test: { name: 'domain', include: ['packages/*/src/**/*.test.ts'], env: { TZ: 'UTC' } },
      },
      {
        test: {
          name: 'domain-shanghai',
          include: ['packages/*/src/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          exclude: ['apps/api/src/**/*.pg.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
        },
      },
      {
        // the API on a PostgreSQL server: each file gets a database of its own (see
        // apps/api/src/test/pg-setup.ts); without a server these are skipped with one line
        test: {
          name: 'api-pg',
          include: [...API_ON_POSTGRES, 'apps/api/src/**/*.pg.test.ts'],
          env: { TZ: 'UTC' },
          globalSetup: ['apps/api/src/test/pg-global-setup.ts'],
          setupFiles: ['apps/api/src/test/pg-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // the lint rules themselves: fixtures that break each boundary must be reported
        test: { name: 'tooling', include: ['tooling/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['apps/web/src/testing/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
