/**
 * `api-pg` project, once per run: checks the PostgreSQL server and builds a migrated template
 * database that every test file clones (CREATE DATABASE … TEMPLATE takes ~0.3 s; migrating from
 * scratch per file would take longer). Without a server the project's tests are skipped with one
 * line saying so; under CI=true a missing server fails the run.
 */
import type { TestProject } from 'vitest/node'
import { openPostgres } from '../db/postgres.ts'
import { closeDatabase } from '../db/engine.ts'
import { PG_ADMIN_URL, pgAdmin, pgUrlFor, uniqueDbName } from './pg-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** the migrated template database, or null when there is no server (tests skip) */
    pgTemplate: string | null
  }
}

// Every test starts from empty tables with sequences at 1, as a fresh SQLite file would. With
// session_replication_role = replica no trigger fires (foreign keys, the audit log's refusal):
// this function exists only in the tests' databases.
const RESET = `
CREATE FUNCTION desk_test_reset() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  PERFORM set_config('session_replication_role', 'replica', true);
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DELETE FROM %I', r.tablename);
  END LOOP;
  FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER SEQUENCE %I RESTART', r.sequencename);
  END LOOP;
END $$`

export default async function setup(project: TestProject) {
  try {
    await pgAdmin('select 1')
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    const where = new URL(PG_ADMIN_URL).searchParams.get('host') ?? new URL(PG_ADMIN_URL).host
    if (process.env.CI)
      throw new Error(`CI: no PostgreSQL server at ${where} (${reason})`, { cause: err })
    console.warn(
      `PostgreSQL suites (api-pg) skipped: no server at ${where} (${reason}); set DESK_TEST_PG to run them`,
    )
    project.provide('pgTemplate', null)
    return
  }
  const template = uniqueDbName('desk_tpl')
  await pgAdmin(`create database ${template}`)
  const db = await openPostgres(pgUrlFor(template), { max: 1 })
  await (db.$client as unknown as { query(s: string): Promise<unknown> }).query(RESET)
  await closeDatabase(db)
  project.provide('pgTemplate', template)
  return async () => {
    await pgAdmin(`drop database if exists ${template} with (force)`)
  }
}
