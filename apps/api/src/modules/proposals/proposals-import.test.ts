import { formatInstant } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { call, setupDesk, signIn, T0, type Desk, type Session } from '../../test/setup.ts'

function upload(d: Desk, s: Session, bytes: Uint8Array, name: string, dryRun = false) {
  const form = new FormData()
  form.set('file', new File([bytes], name))
  return d.app.request(`/proposals/import${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  })
}

const due = (ms: number) => formatInstant(ms)

type Listed = {
  proposals: {
    reference: string
    source: string
    role: string
    isKey: boolean
    leadUnit: string | null
    coUnits: string[]
    dueAt: number
  }[]
}

describe("importing a year's assignment list (交办清单)", () => {
  it('imports the generated sample after a dry run that writes nothing, and leaves registered items alone', async () => {
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const m = await signIn(d, 'manager')
    const sample = await call(d, m, 'GET', '/proposals/import/sample.xlsx')
    expect(sample.status).toBe(200)
    const bytes = new Uint8Array(await sample.arrayBuffer())
    expect(await (await upload(d, m, bytes, '交办清单.xlsx', true)).json()).toEqual({
      dryRun: true,
      rows: 3,
      created: 0,
      existing: 0,
    })
    const list = async () =>
      ((await (await call(d, m, 'GET', '/proposals?year=2024')).json()) as Listed).proposals
    expect(await list()).toEqual([])
    expect(await (await upload(d, m, bytes, '交办清单.xlsx')).json()).toEqual({
      dryRun: false,
      rows: 3,
      created: 3,
      existing: 0,
    })
    expect(
      (await list())
        .map((p) => [p.reference, p.source, p.role, p.isKey, p.leadUnit, p.coUnits, due(p.dueAt)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      // 2024-03-15 + 3 months = 06-15, a Saturday: the policy's date moves to Monday 06-17
      [
        '市十六届人大二次会议第0123号',
        '市人大',
        'lead',
        false,
        null,
        ['市住建局', '市财政局'],
        '2024-06-17T17:00:00.000+08:00',
      ],
      // a co-unit's opinion: one month
      [
        '市十六届人大二次会议第0188号',
        '市人大',
        'co',
        false,
        '市交通局',
        [],
        '2024-04-15T17:00:00.000+08:00',
      ],
      // the list's own 办理期限, not the policy's 06-20
      [
        '市政协十四届三次会议第0042号',
        '市政协',
        'lead',
        true,
        null,
        [],
        '2024-06-28T17:00:00.000+08:00',
      ],
    ])
    expect(await (await upload(d, m, bytes, '交办清单.xlsx')).json()).toEqual({
      dryRun: false,
      rows: 3,
      created: 0,
      existing: 3,
    })
  })

  it('rejects the file for a row error, naming row and column, and writes nothing', async () => {
    const d = await setupDesk(() => T0)
    const m = await signIn(d, 'manager')
    const csv = [
      '会议,编号,标题,代表委员,来源,承办方式,主办单位,协办单位,重点,交办日期,办理期限',
      '市人大二次会议,0001,关于停车的建议,张某,市人大,主办,,,,2024-03-15,',
      '市人大二次会议,0002,关于绿地的建议,李某,市人大,协办,,,,2024-03-15,',
      '市人大二次会议,0003,关于路灯的建议,王某,市人大,牵头,,,也许,2024-02-30,2024-06-30',
      '市人大二次会议,0004,关于公厕的建议,赵某,市人大,主办,,,,2024-03-15,三个月内',
      '市人大二次会议,0005,关于公园的建议,钱某,市人大,主办,,,,2024-03-15,2024-03-01',
    ].join('\n')
    const res = await upload(d, m, new TextEncoder().encode(csv), '交办清单.csv')
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { details: unknown[] } }).error.details).toEqual([
      {
        row: 3,
        column: '主办单位',
        code: 'lead_unit_required',
        reason: 'a co-unit item names the lead unit',
      },
      {
        row: 4,
        column: '承办方式',
        code: 'unknown_label',
        params: { value: '牵头' },
        reason: 'unknown label: 牵头',
      },
      {
        row: 4,
        column: '重点',
        code: 'unknown_label',
        params: { value: '也许' },
        reason: 'unknown label: 也许',
      },
      {
        row: 4,
        column: '交办日期',
        code: 'not_a_date',
        params: { value: '2024-02-30' },
        reason: 'not a date: 2024-02-30',
      },
      {
        row: 5,
        column: '办理期限',
        code: 'not_a_date',
        params: { value: '三个月内' },
        reason: 'not a date: 三个月内',
      },
      {
        row: 6,
        column: '办理期限',
        code: 'due_not_after_assignment',
        reason: 'not after the assignment date',
      },
    ])
    const listed = (await (await call(d, m, 'GET', '/proposals?year=2024')).json()) as Listed
    expect(listed.proposals).toEqual([])
  })
})
