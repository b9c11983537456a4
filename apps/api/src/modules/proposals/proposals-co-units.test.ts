import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, type Db } from '../../db/client.ts'
import { engineOf } from '../../db/engine.ts'
import { PG_MIGRATIONS_DIR } from '../../db/postgres.ts'
import { call, setupDesk, signIn } from '../../test/setup.ts'

/** A lead item as an import before the co-unit table registered it. */
const imported = (number: string, body: string) => ({
  source: '市人大',
  session: '市人大十六届二次会议',
  number,
  role: 'lead',
  title: '关于加快老旧小区改造的建议',
  body,
  deputyName: '王建国',
  assignedOn: '2024-03-15',
})

/** Runs again the engine's own migration whose file name ends with `suffix`. */
async function runMigration(db: Db, suffix: string) {
  const pg = engineOf(db) === 'postgres'
  const dir = pg ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR
  const file = readdirSync(dir).find((f) => f.endsWith(suffix))
  const text = readFileSync(join(dir, file ?? 'missing'), 'utf8')
  if (pg) await (db.$client as unknown as { query(text: string): Promise<unknown> }).query(text)
  else db.$client.exec(text)
}

describe('the co-units data migration', () => {
  it('moves the co-units an earlier import wrote into the text (协办单位：…) into their table', async () => {
    const d = await setupDesk()
    const s = await signIn(d)
    const listed = imported('0123', '协办单位：市住建局、市财政局，市交通局 市住建局')
    const { id } = (await (await call(d, s, 'POST', '/proposals', listed)).json()) as { id: number }
    const other = await call(d, s, 'POST', '/proposals', imported('0124', '建议加快改造。'))
    await runMigration(d.db, '_proposal_co_units_data.sql')
    const units = async (inquiryId: number) =>
      (
        (await (await call(d, s, 'GET', `/proposals/${inquiryId}`)).json()) as {
          proposal: { coUnits: string[] }
        }
      ).proposal.coUnits
    expect(await units(id)).toEqual(['市住建局', '市财政局', '市交通局'])
    expect(await units(((await other.json()) as { id: number }).id)).toEqual([])
  })
})
