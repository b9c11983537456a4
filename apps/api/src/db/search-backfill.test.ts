import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, openDb } from './client.ts'
import { PHONE_KEY_FILE, phoneHmac } from './phone-key.ts'
import * as schema from './schema.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A desk file migrated up to the migration before the bigram search, with `n` inquiries in it. */
function deskBeforeBigrams(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-backfill-'))
  dirs.push(dir)
  const migrations = join(dir, 'migrations')
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true })
  const journal = join(migrations, 'meta', '_journal.json')
  const meta = JSON.parse(readFileSync(journal, 'utf8')) as { entries: { tag: string }[] }
  // every migration from the bigram search on: drizzle applies only migrations newer than the
  // last one applied, so a later one left in would make the search migration count as skipped
  meta.entries = meta.entries.slice(
    0,
    meta.entries.findIndex((e) => e.tag.endsWith('_bigram_search')),
  )
  writeFileSync(journal, JSON.stringify(meta))
  const path = join(dir, 'desk.sqlite')
  const sqlite = new Database(path)
  migrate(drizzle({ client: sqlite, schema }), { migrationsFolder: migrations })
  sqlite
    .prepare(
      `insert into channels (code, name_zh, name_en, intake, created_at) values ('hotline_12345', '12345', '12345', 'api', 0)`,
    )
    .run()
  const insert = sqlite.prepare(`insert into inquiries (channel_code, external_id, subject, body,
    citizen_phone, received_at, due_at, created_at, updated_at) values ('hotline_12345', ?, ?, ?, ?, 0, 0, 0, 0)`)
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      insert.run(
        `E${i}`,
        i % 2 ? '路灯不亮' : '噪音扰民',
        `第${i}号`,
        i % 3 ? '138 1234 5678' : null,
      )
    }
  })()
  sqlite.close()
  return path
}

describe('the search backfill of the bigram_search migration', () => {
  it('indexes the text and phone of every inquiry stored before it, once', () => {
    const path = deskBeforeBigrams(4500)
    const db = openDb(path)
    const match = (q: string) =>
      (
        db.$client
          .prepare('select count(*) as n from inquiry_search where inquiry_search match ?')
          .get(q) as { n: number }
      ).n
    expect([match('"路灯"'), match('"噪音"'), match('"4499 号" *'), match('"号"')]).toEqual([
      2250, 2250, 1, 4500,
    ])
    const hmac = phoneHmac(db, '13812345678')
    const withPhone = db.$client
      .prepare('select count(*) as n from inquiries where citizen_phone_hmac = ?')
      .get(hmac) as { n: number }
    expect(withPhone.n).toBe(3000)
    expect(db.$client.prepare('select * from pending_backfills').all()).toEqual([])
    db.$client.close()

    // the key stays in the file beside the database (owner-only), and the HMACs stay valid
    const keyFile = join(path, '..', PHONE_KEY_FILE)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const again = openDb(path)
    expect(phoneHmac(again, '+86 138-1234-5678')).toBe(hmac)
    expect(
      (
        again.$client
          .prepare('select count(*) as n from inquiry_search where inquiry_search match ?')
          .get('"路灯"') as {
          n: number
        }
      ).n,
    ).toBe(2250)
    again.$client.close()
  })

  it('refuses to start with a key file that holds no key', () => {
    const path = deskBeforeBigrams(0)
    writeFileSync(join(path, '..', PHONE_KEY_FILE), 'not a key')
    expect(() => openDb(path)).toThrow(/phone-search.key does not hold a phone-search key/)
  })
})
