/**
 * The SQL that must spell statuses out (partial indexes, trigger bodies: SQLite can use a partial
 * index only when the query repeats its literals) keeps the lifecycle's one source: every status
 * list in the migrated schema of the inquiries table is the domain's pending set, and every status it names is one of the
 * domain's statuses.
 */
import { INQUIRY_STATUSES, PENDING_STATUSES } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { createTestDb } from './client.ts'

const schemaSql = async () =>
  (await createTestDb()).$client
    .prepare(`select name, sql from sqlite_master where tbl_name = 'inquiries' and sql is not null`)
    .all() as { name: string; sql: string }[]

describe('status literals in the schema', () => {
  it('list exactly the pending statuses wherever a status list is spelled', async () => {
    const lists = (await schemaSql()).flatMap(({ name, sql }) =>
      [...sql.matchAll(/\bstatus\s+in\s*\(([^)]*)\)/gi)].map((m) => ({
        name,
        statuses: [...m[1]!.matchAll(/'([^']*)'/g)].map((q) => q[1]),
      })),
    )
    expect(lists.map((l) => l.name)).toContain('inquiries_pending_due_idx')
    for (const l of lists)
      expect(l, l.name).toEqual({ name: l.name, statuses: [...PENDING_STATUSES] })
  })

  it('name no status the domain does not know', async () => {
    const named = (await schemaSql()).flatMap(({ sql }) =>
      [...sql.matchAll(/\bstatus\s*(?:=|<>|!=)\s*'([^']*)'/gi)].map((m) => m[1]),
    )
    for (const s of named) expect(INQUIRY_STATUSES).toContain(s)
  })
})
