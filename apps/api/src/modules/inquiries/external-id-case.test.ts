/**
 * External ids without ASCII case (domain externalIdKey), on either engine: the queue's search
 * finds `MX-T7-1` typed as `mx-t7-1` through the unique (channel, folded id) index, the ingest path
 * takes `abc-1` for the `ABC-1` it holds, and the migration keeps inquiries an earlier version let
 * differ only in case.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { engineOf, tables } from '../../db/engine.ts'
import { isExternalId } from '../../db/external-key.ts'
import { textPredicate } from '../../db/inquiry-filter.ts'
import { withTransaction } from '../../db/transaction.ts'
import { runMigration, runSql } from '../../test/migrations.ts'
import { SEARCH_MANAGER, searchAll } from '../../test/search-data.ts'
import { T0, addInquiries, setupDesk } from '../../test/setup.ts'
import { getQueueCounts } from './queue.service.ts'

/**
 * The plan of `select id from inquiries where <where>`, as one string. On PostgreSQL sequential
 * scans are made dear for the statement, so a test table of a few rows still shows whether the
 * index can serve the condition at all (its expression matches the index's).
 */
async function planOf(db: Db, where: SQL | undefined): Promise<string> {
  const { inquiries } = tables(db)
  const query = db.select({ id: inquiries.id }).from(inquiries).where(where)
  if (engineOf(db) === 'sqlite') {
    const rows = await dialectOf(db).rows<{ detail: string }>(
      db,
      sql`explain query plan ${query.getSQL()}`,
    )
    return rows.map((r) => r.detail).join('\n')
  }
  return await withTransaction(db, async (tx) => {
    await dialectOf(tx).rows(tx, sql`set local enable_seqscan = off`)
    const rows = await dialectOf(tx).rows<{ 'QUERY PLAN': string }>(
      tx,
      sql`explain ${query.getSQL()}`,
    )
    return rows.map((r) => r['QUERY PLAN']).join('\n')
  })
}

describe('external ids without ASCII case', () => {
  it('the search finds an external id typed in another case, in the list and the counts, by the (channel, id) index', async () => {
    const desk = await setupDesk()
    await addInquiries(desk.db, [
      { externalId: 'MX-T7-1', subject: '噪音扰民', body: '夜间施工' },
      { externalId: 'MX-T7-10', subject: '路灯不亮', body: '请尽快修复' },
      { externalId: '市长信箱-7', channelCode: 'mayor_mailbox', subject: '咨询', body: '请答复' },
    ])
    const found = async (q: string) => ({
      q,
      list: await searchAll(desk.db, q),
      total: (await getQueueCounts(desk.db, { status: 'all', q }, SEARCH_MANAGER, T0)).total,
    })
    for (const q of ['mx-t7-1', 'MX-T7-1', 'Mx-T7-1', 'ｍｘ－ｔ７－１'])
      expect(await found(q)).toEqual({ q, list: ['MX-T7-1'], total: 1 })
    // whole ids still: mx-t7 is no id; Chinese compares as written
    expect(await found('mx-t7')).toEqual({ q: 'mx-t7', list: [], total: 0 })
    expect(await found('市长信箱-7')).toEqual({ q: '市长信箱-7', list: ['市长信箱-7'], total: 1 })

    const index = 'inquiries_channel_external_uq'
    // the search's id lookup and the channel's own lookup each read the unique index
    expect(await planOf(desk.db, textPredicate(desk.db, 'mx-t7-1'))).toContain(index)
    expect(await planOf(desk.db, isExternalId(desk.db, 'hotline_12345', 'mx-t7-1'))).toContain(
      index,
    )
  })

  it('takes `abc-1` on a channel for the `ABC-1` it holds; another channel has its own', async () => {
    const desk = await setupDesk()
    const [first] = await addInquiries(desk.db, [{ externalId: 'ABC-1' }])
    const again = await addInquiries(desk.db, [
      { externalId: 'abc-1' },
      { externalId: 'Abc-1', channelCode: 'mayor_mailbox' },
      { externalId: 'aBC-1', channelCode: 'mayor_mailbox' },
    ])
    expect(again.map((r) => [r.externalId, r.created])).toEqual([
      ['abc-1', false],
      ['Abc-1', true],
      ['aBC-1', false],
    ])
    expect(again[0]!.id).toBe(first!.id)
    expect(again[2]!.id).toBe(again[1]!.id)
    const { inquiries } = tables(desk.db)
    const stored = await desk.db
      .select({ channel: inquiries.channelCode, id: inquiries.externalId })
      .from(inquiries)
      .orderBy(asc(inquiries.id))
    // stored as the platform first wrote it
    expect(stored).toEqual([
      { channel: 'hotline_12345', id: 'ABC-1' },
      { channel: 'mayor_mailbox', id: 'Abc-1' },
    ])
  })

  it('the migration keeps inquiries that differed only in case, renames all but the oldest and reports each in the audit log', async () => {
    const desk = await setupDesk()
    const { auditLog, inquiries } = tables(desk.db)
    // the index as an earlier version built it (exact ids), and what it let in
    await runSql(
      desk.db,
      `drop index inquiries_channel_external_uq;
      create unique index inquiries_channel_external_uq on inquiries (channel_code, external_id)`,
    )
    const ids = await addInquiries(desk.db, [
      { externalId: 'GD-1' },
      { externalId: 'X-2' },
      { externalId: 'X-3' },
      { externalId: 'gd-1', channelCode: 'mayor_mailbox' },
    ])
    await runSql(
      desk.db,
      `update inquiries set external_id = 'gd-1' where id = ${ids[1]!.id};
      update inquiries set external_id = 'Gd-1' where id = ${ids[2]!.id}`,
    )
    await runMigration(desk.db, '_external_id_case.sql')

    const after = await desk.db
      .select({
        id: inquiries.id,
        channel: inquiries.channelCode,
        externalId: inquiries.externalId,
      })
      .from(inquiries)
      .orderBy(asc(inquiries.id))
    const [, second, third] = after
    expect(after.map((r) => r.externalId)).toEqual([
      'GD-1',
      `gd-1-${second!.id}`,
      `Gd-1-${third!.id}`,
      'gd-1',
    ])
    const renamed = await desk.db
      .select({ target: auditLog.target, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'external_id_renamed'))
      .orderBy(asc(auditLog.id))
    expect(
      renamed.map((r) => ({ target: r.target, detail: JSON.parse(r.detail ?? '{}') })),
    ).toEqual([
      {
        target: `inquiry:${second!.id}`,
        detail: {
          channel: 'hotline_12345',
          from: 'gd-1',
          to: `gd-1-${second!.id}`,
          reason: 'case_clash',
        },
      },
      {
        target: `inquiry:${third!.id}`,
        detail: {
          channel: 'hotline_12345',
          from: 'Gd-1',
          to: `Gd-1-${third!.id}`,
          reason: 'case_clash',
        },
      },
    ])
    // the rebuilt index holds: another spelling of GD-1 is the oldest one
    const [dup] = await addInquiries(desk.db, [{ externalId: 'gD-1' }])
    expect(dup).toMatchObject({ id: after[0]!.id, created: false })
  })
})
