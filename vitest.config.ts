import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Every API test file also runs on PostgreSQL (project api-pg), besides the *.pg.test.ts files
// that run only there, except these, each with its reason.
const NOT_ON_POSTGRES = [
  // SQLite by nature: the file's online backup, the FTS5 backfill of an old desk file, SQLite's
  // query plans and transaction queue, a desk file opened by path
  'apps/api/src/db/backup.test.ts', // SQLite online backup of the desk file
  'apps/api/src/db/file-modes.test.ts', // modes of the desk file and its -wal/-shm
  'apps/api/src/db/search-backfill.test.ts', // FTS5 backfill of a desk file from before it
  'apps/api/src/db/status-sql.test.ts', // SQLite's EXPLAIN QUERY PLAN of the partial indexes
  'apps/api/src/db/transaction.test.ts', // the in-process BEGIN IMMEDIATE queue (postgres.pg.test.ts covers PostgreSQL's)
  'apps/api/src/modules/inquiries/unposted-filter.test.ts', // asserts SQLite's query plan
  'apps/api/src/cli/disclosure.command.test.ts', // the CLI on a desk file by path
  'apps/api/src/modules/imports/import-cli.test.ts', // the CLI on a desk file by path
  'apps/api/src/cli/desk-bin.test.ts', // `pnpm desk` on a desk file by path
  'apps/api/src/start-banner.test.ts', // prints the file's path; no queries
  'apps/api/src/shutdown.test.ts', // the server on a desk file by path, read back after it exits
  'apps/api/src/start-signal.test.ts', // `pnpm start` on a desk file by path, signalled through pnpm
  // two desks in one test (api-pg gives one database per file)
  'apps/api/src/modules/inquiries/history-rows.test.ts', // bulk writer vs services on two desks
  'apps/api/src/modules/seed/demo.test.ts', // reseeds a second desk and compares (SQLite's client too)
  // no database at all: a second run proves nothing
  'apps/api/src/lib/errors.test.ts',
  'apps/api/src/lib/turns.test.ts',
  'apps/api/src/db/search-pg.test.ts',
  'apps/api/src/modules/seed/generate-inquiries.test.ts',
  // not yet moved: read or write through SQLite's client
  'apps/api/src/modules/imports/import-kill.test.ts',
  'apps/api/src/modules/imports/import-pipeline.test.ts',
  'apps/api/src/modules/imports/imports.real-data.test.ts',
  'apps/api/src/modules/imports/imports.routes.test.ts',
  'apps/api/src/modules/imports/imports.test.ts',
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
          include: ['apps/api/src/**/*.test.ts'],
          exclude: NOT_ON_POSTGRES,
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
