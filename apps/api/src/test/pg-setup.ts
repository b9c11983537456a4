/**
 * `api-pg` project, per test file: a database of its own cloned from the run's migrated template
 * (dropped after the file), handed to the tests by createTestDb, which empties it on each call
 * as SQLite's would be new: a desk made in `beforeAll` keeps its rows through the file's tests,
 * as it does on SQLite, and a test that makes desks one after another starts each empty (two
 * desks in use at once share the one database).
 */
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { useTestDatabase, type Db } from '../db/client.ts'
import { closeDatabase } from '../db/engine.ts'
import { openPostgres } from '../db/postgres.ts'
import { pgAdmin, pgUrlFor, uniqueDbName } from './pg-server.ts'

const template = inject('pgTemplate')
const name = uniqueDbName('desk_test')
let db: Db | undefined

beforeAll(async () => {
  if (template === null) return
  await pgAdmin(`create database ${name} template ${template}`)
  db = await openPostgres(pgUrlFor(name), { max: 4 })
  const opened = db
  useTestDatabase(async () => {
    await (opened.$client as unknown as { query(s: string): Promise<unknown> }).query(
      'select desk_test_reset()',
    )
    return opened
  })
})

beforeEach((ctx) => {
  if (db === undefined) ctx.skip()
})

afterAll(async () => {
  useTestDatabase(undefined)
  if (db === undefined) return
  await closeDatabase(db)
  await pgAdmin(`drop database if exists ${name} with (force)`)
})
