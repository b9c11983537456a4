/**
 * The database a test runs on: `await testDb()` gives a fresh, migrated, empty database of the
 * engine under test (today SQLite in memory). Tests take their database from here, never from
 * the engine's own opener, so the same suite can run on every engine.
 */
import { createTestDb, type Db } from '../db/client.ts'

export async function testDb(): Promise<Db> {
  return createTestDb()
}
