/**
 * The PostgreSQL server the `api-pg` test project runs on: `DESK_TEST_PG` (a URL of any database
 * on it, used to create and drop the tests' own databases), else the local socket as root (what
 * .ci/run sets up). Tests never touch databases they did not create.
 */
import pg from 'pg'

export const PG_ADMIN_URL =
  process.env.DESK_TEST_PG ?? 'postgres://root@localhost/postgres?host=/var/run/postgresql'

/** The admin URL with another database name. */
export function pgUrlFor(database: string): string {
  const u = new URL(PG_ADMIN_URL)
  u.pathname = `/${database}`
  return u.toString()
}

/** Runs statements on the admin connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function pgAdmin(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    for (const s of statements) await client.query(s)
  } finally {
    await client.end()
  }
}

/** A database name no other run uses (lower case: PostgreSQL folds unquoted names). */
export const uniqueDbName = (prefix: string): string =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
