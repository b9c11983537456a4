/**
 * A proposal's identity (domain proposalIdentity: source body, session, number normalised) on
 * either engine: another body's same number is another item, a respelt number is the same one
 * (409 naming it), a future assignment date is refused, and the migration rewrites older ids.
 */
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { runMigration, runSql } from '../../test/migrations.ts'
import { T0, call, setupDesk, signIn } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'

const item = (extra: Record<string, unknown> = {}) => ({
  source: '市人大',
  session: '十六届五次',
  number: '101',
  role: 'lead',
  title: '关于加快老旧小区改造的建议',
  deputyName: '王代表',
  assignedOn: '2024-09-20',
  ...extra,
})

async function desk() {
  const d = await setupDesk()
  await ensureDeadlineSetup(d.db, T0)
  return { d, s: await signIn(d, 'manager') }
}

type Conflict = {
  error: { message: string; details: { reason: string; id: number; reference: string } }
}

describe('POST /proposals: the identity of an item', () => {
  it("registers another body's item of the same session and number as its own", async () => {
    const { d, s } = await desk()
    expect((await call(d, s, 'POST', '/proposals', item())).status).toBe(201)
    const other = await call(
      d,
      s,
      'POST',
      '/proposals',
      item({ source: '区人大', title: '区人大的第101号' }),
    )
    expect(other.status).toBe(201)
  })

  it('answers 409 naming the existing item for the same number respelt: leading zeros, spaces, full-width', async () => {
    const { d, s } = await desk()
    const first = await call(d, s, 'POST', '/proposals', item({ number: '0101' }))
    const { id } = (await first.json()) as { id: number }
    for (const respelt of [
      { number: '101' },
      { number: '１０１' },
      { session: '十六届 五次', number: '0101' },
      { source: ' 市人大', number: '00101' },
    ]) {
      const res = await call(d, s, 'POST', '/proposals', item({ ...respelt, title: '又一次' }))
      expect(res.status).toBe(409)
      const { error } = (await res.json()) as Conflict
      expect(error.details).toEqual({
        reason: 'duplicate',
        id,
        reference: '市人大 十六届五次第0101号',
      })
      expect(error.message).toContain(
        `registered already as 市人大 十六届五次第0101号 (inquiry ${id})`,
      )
    }
    const { proposal } = (await (await call(d, s, 'GET', `/proposals/${id}`)).json()) as {
      proposal: { number: string; reference: string }
    }
    // the number is kept as the body prints it
    expect([proposal.number, proposal.reference]).toEqual(['0101', '十六届五次第0101号'])
  })

  it('refuses an assignment date after today with 422 naming assignedOn, writing nothing', async () => {
    const { d, s } = await desk()
    // the desk's today is 2024-09-27 (Beijing)
    const res = await call(d, s, 'POST', '/proposals', item({ assignedOn: '2024-09-28' }))
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { details: { path: string[]; message: string }[] }
    }
    expect(error.details).toEqual([{ path: ['assignedOn'], message: 'in the future' }])
    expect(
      (await call(d, s, 'POST', '/proposals', item({ assignedOn: '2024-09-27' }))).status,
    ).toBe(201)
    const { proposals } = tables(d.db)
    expect(await d.db.select({ id: proposals.inquiryId }).from(proposals)).toHaveLength(1)
  })

  it('the migration gives older items their identity, keeps one let in twice under <identity>-<id> and reports it', async () => {
    const { d, s } = await desk()
    const ids: number[] = []
    for (const number of ['0123', '0124', '0200'])
      ids.push(
        (
          (await (await call(d, s, 'POST', '/proposals', item({ number }))).json()) as {
            id: number
          }
        ).id,
      )
    const [a, b, c] = ids as [number, number, number]
    // as an earlier version stored them: <session>第<number>号 as written, and 123 let in beside 0123
    await runSql(
      d.db,
      `update proposals set number = '123', session = '十六届 五次' where inquiry_id = ${b};
      update inquiries set external_id = '十六届五次第0123号' where id = ${a};
      update inquiries set external_id = '十六届 五次第123号' where id = ${b};
      update inquiries set external_id = '十六届五次第0200号' where id = ${c}`,
    )
    await runMigration(d.db, '_proposal_identity.sql')
    const { auditLog, inquiries } = tables(d.db)
    const after = await d.db
      .select({ externalId: inquiries.externalId })
      .from(inquiries)
      .orderBy(asc(inquiries.id))
    expect(after.map((r) => r.externalId)).toEqual([
      '市人大·十六届五次第123号',
      `市人大·十六届五次第123号-${b}`,
      '市人大·十六届五次第200号',
    ])
    const renamed = await d.db
      .select({ target: auditLog.target, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'external_id_renamed'))
    expect(renamed.map((r) => [r.target, JSON.parse(r.detail ?? '{}')])).toEqual([
      [
        `inquiry:${b}`,
        {
          channel: 'proposals',
          from: '十六届 五次第123号',
          to: `市人大·十六届五次第123号-${b}`,
          reason: 'proposal_identity',
        },
      ],
    ])
    // a new entry of the same item meets the oldest
    const again = await call(d, s, 'POST', '/proposals', item({ number: '123', title: '再录一次' }))
    expect([again.status, ((await again.json()) as Conflict).error.details.id]).toEqual([409, a])
  })
})
