/**
 * A PostgreSQL database for the end-to-end specs that run the desk on a server, on the server the
 * api-pg tests use (DESK_TEST_PG, else the local socket as root: what .ci/run sets up). Without a
 * reachable server the specs are skipped with one line saying so; under CI=true that fails.
 */
import { PG_ADMIN_URL, pgAdmin, pgUrlFor, uniqueDbName } from '../../api/src/test/pg-server.ts'

/**
 * Whether the server answers; prints why not once when it does not.
 * @throws Error under CI=true when it does not (CI must run the PostgreSQL specs)
 */
export async function postgresReachable(): Promise<boolean> {
  try {
    await pgAdmin('select 1')
    return true
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    const u = new URL(PG_ADMIN_URL)
    const where = u.searchParams.get('host') ?? u.host
    if (process.env.CI)
      throw new Error(`CI: no PostgreSQL server at ${where} (${reason})`, { cause: err })
    console.warn(
      `PostgreSQL end-to-end spec skipped: no server at ${where} (${reason}); set DESK_TEST_PG to run it`,
    )
    return false
  }
}

/** A new, empty database on the server: its URL, and `drop` (ends its connections first). */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueDbName('desk_e2e')
  await pgAdmin(`create database ${name}`)
  return {
    url: pgUrlFor(name),
    drop: () => pgAdmin(`drop database if exists ${name} with (force)`),
  }
}
