/**
 * `desk migrate-to <url> [--db <path>]`: copies a SQLite desk (`--db`, else DESK_DB, else
 * data/desk.sqlite) into an empty PostgreSQL database, migrated first; checks row counts and the
 * per-channel counts; refuses a target that holds any row; then writes PostgreSQL's search index
 * and the phone HMACs under the key in its data folder (DESK_DATA_DIR). Stop the desk first:
 * writes made during the copy would not be in it. Attachment files stay where they are (DESK_FILES).
 */
import type { Command } from 'commander'
import type { Pool } from 'pg'
import { copyToPostgres } from '../db/copy-to-postgres.ts'
import { closeDatabase } from '../db/engine.ts'
import { phoneKeyOf } from '../db/phone-key.ts'
import { DbStartError, describeUrl, isPostgresUrl, openPostgres } from '../db/postgres.ts'
import { runSearchBackfillPg } from '../db/search-backfill.ts'
import { AppError } from '../lib/errors.ts'
import { dataDirOf } from '../paths.ts'
import { openCliDb, sqliteFileOnly } from './cli-db.ts'

/** Adds `migrate-to` to the `desk` program. */
export function registerMigrateToCommand(program: Command): void {
  program
    .command('migrate-to')
    .description('Copy this SQLite desk into an empty PostgreSQL database and check the counts')
    .argument('<url>', 'postgres://user:password@host:port/database')
    .option('--db <path>', 'SQLite file to copy (default: DESK_DB or data/desk.sqlite)')
    .action(async (url: string, opts: { db?: string }) => {
      if (!isPostgresUrl(url)) fail(`migrate-to needs a postgres:// URL, not ${url.split(':')[0]}`)
      const { db: source, path } = await openCliDb(
        sqliteFileOnly(opts.db, 'migrate-to copies a SQLite desk: give its file with --db'),
      )
      try {
        const target = await openPostgres(url, { max: 1, dataDir: dataDirOf(url) }).catch(
          (err: unknown) => fail(err instanceof DbStartError ? err.message : String(err)),
        )
        const pool = target.$client as unknown as Pool
        try {
          const client = await pool.connect()
          const phoneKey = phoneKeyOf(target) as Buffer
          const report = await copyToPostgres(
            source,
            client,
            (name, rows) => console.log(`${name}: ${rows} rows`),
            { phoneKey },
          ).finally(() => client.release())
          console.log(
            `Copied ${path} to ${describeUrl(url)}: ${report.tables.length} tables, ${report.inquiries} inquiries; row counts and per-channel counts match.`,
          )
          const indexed = await runSearchBackfillPg(pool, phoneKey)
          console.log(`Search index and phone search: ${indexed} inquiries indexed.`)
        } catch (err) {
          if (err instanceof AppError || err instanceof Error) fail(err.message)
          throw err
        } finally {
          await closeDatabase(target)
        }
      } finally {
        await closeDatabase(source)
      }
    })
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}
