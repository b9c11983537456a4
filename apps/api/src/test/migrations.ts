/** Test helper: a migration run again on a migrated test desk, as an older desk would meet it. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS_DIR, type Db } from '../db/client.ts'
import { engineOf } from '../db/engine.ts'
import { PG_MIGRATIONS_DIR } from '../db/postgres.ts'

/** Runs again the engine's own migration whose file name ends with `suffix`. */
export async function runMigration(db: Db, suffix: string): Promise<void> {
  const dir = engineOf(db) === 'postgres' ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR
  const file = readdirSync(dir).find((f) => f.endsWith(suffix))
  await runSql(db, readFileSync(join(dir, file ?? 'missing'), 'utf8'))
}

/** Runs `text` (statements, DDL too) on the engine's own client, as a migration runs. */
export async function runSql(db: Db, text: string): Promise<void> {
  if (engineOf(db) === 'postgres')
    await (db.$client as unknown as { query(text: string): Promise<unknown> }).query(text)
  else db.$client.exec(text)
}
