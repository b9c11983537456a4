import { parse } from 'csv-parse/sync'
import { formatInstant } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { T0, call, setupDesk, signIn } from '../../test/setup.ts'
import { recordAudit } from './audit.service.ts'

describe('/audit/export.csv', () => {
  it('streams every entry of the filter across its pages of 1000, newest first, once each', async () => {
    const desk = await setupDesk()
    const auditor = await signIn(desk, 'auditor')
    for (let i = 0; i < 2345; i++) {
      await recordAudit(desk.db, {
        at: T0 + i * 1000,
        action: 'contact_revealed',
        actor: { id: 1, username: i % 2 ? 'li' : 'wang' },
        target: `inquiry:${i}`,
      })
    }
    const res = await call(
      desk,
      auditor,
      'GET',
      '/audit/export.csv?action=contact_revealed&actor=li',
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('audit-')
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][]
    // Chinese headers and events, as the other exports and the audit page have them
    expect(rows[0]).toEqual(['编号', '时间（北京时间）', '事件', '操作人', '对象', '地址', '详情'])
    expect(rows[1]!.slice(1, 4)).toEqual([formatInstant(T0 + 2343 * 1000), '查看联系方式', 'li'])
    const targets = rows.slice(1).map((r) => r[4])
    expect(targets).toHaveLength(1172) // the odd i of 0..2344
    expect(new Set(targets).size).toBe(1172)
    expect([targets[0], targets.at(-1)]).toEqual(['inquiry:2343', 'inquiry:1'])
  })

  it('refuses a date outside the supported range with 422 before any byte of CSV', async () => {
    const desk = await setupDesk()
    const auditor = await signIn(desk, 'auditor')
    const res = await call(desk, auditor, 'GET', '/audit/export.csv?from=0001-01-01')
    expect(res.status).toBe(422)
    expect(res.headers.get('content-disposition')).toBeNull()
  })
})
