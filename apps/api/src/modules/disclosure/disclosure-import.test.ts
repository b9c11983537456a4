import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, T0, type Session, type Desk } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'

type Table = { sectionThree: { row: string; cells: { column: string; count: number }[] }[] }

function upload(d: Desk, s: Session, bytes: Uint8Array, name: string, dryRun = false) {
  const form = new FormData()
  form.set('file', new File([bytes], name))
  return d.app.request(`/disclosure/import${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  })
}

async function counts(d: Desk, s: Session, year = 2024) {
  const t = (await (await call(d, s, 'GET', `/reports/disclosure?year=${year}`)).json()) as Table
  const out: Record<string, number> = {}
  for (const r of t.sectionThree)
    for (const c of r.cells)
      if (c.count > 0 && c.column !== 'total') out[`${r.row}|${c.column}`] = c.count
  return out
}

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  for (const r of rows) ws.addRow(r)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const HEADERS = [
  '登记编号',
  '收到申请日',
  '申请人',
  '申请人类型',
  '提交方式',
  '申请公开的信息',
  '办理结果',
  '答复日期',
]

describe("importing a year's disclosure register from a spreadsheet", () => {
  it('imports the sample the desk generates (dry run first: nothing written), counts it in its cells, and skips it the second time', async () => {
    const d = await setupDesk(() => T0)
    const m = await signIn(d, 'manager')
    const sample = await call(d, m, 'GET', '/disclosure/import/sample.xlsx')
    expect(sample.status).toBe(200)
    expect(sample.headers.get('content-disposition')).toContain('attachment')
    const bytes = new Uint8Array(await sample.arrayBuffer())

    const dry = await upload(d, m, bytes, '台账.xlsx', true)
    expect(await dry.json()).toEqual({
      dryRun: true,
      rows: 4,
      created: 0,
      existing: 0,
      differing: [],
    })
    expect(await counts(d, m)).toEqual({})

    const res = await upload(d, m, bytes, '台账.xlsx')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      dryRun: false,
      rows: 4,
      created: 4,
      existing: 0,
      differing: [],
    })
    expect(await counts(d, m)).toEqual({
      'new|natural_person': 2,
      'new|commercial': 1,
      'new|legal_service': 1,
      'decided_total|natural_person': 2,
      'decided_total|commercial': 1,
      'decided_total|legal_service': 1,
      'grant|natural_person': 1,
      'partial|commercial': 1,
      'withhold.process_information|legal_service': 1,
      'unable.needs_creation|natural_person': 1,
    })
    const again = await upload(d, m, bytes, '台账.xlsx')
    expect(await again.json()).toEqual({
      dryRun: false,
      rows: 4,
      created: 0,
      existing: 4,
      differing: [],
    })
  })

  it("names each known request whose outcome or decision day differs from the file, and keeps the desk's", async () => {
    const d = await setupDesk(() => T0)
    const m = await signIn(d, 'manager')
    const first = await workbook([
      HEADERS,
      ['C-1', '2024-03-04', '王某', '自然人', '当面提交', '规划批复', '予以公开', '2024-03-20'],
      ['C-2', '2024-03-05', '张某', '自然人', '传真', '用地批复', '予以公开', '2024-03-22'],
      ['C-3', '2024-03-06', '赵某', '自然人', '传真', '许可', '予以公开', '2024-03-25'],
    ])
    expect((await upload(d, m, first, '台账.xlsx')).status).toBe(200)
    const corrected = await workbook([
      HEADERS,
      [
        'C-1',
        '2024-03-04',
        '王某',
        '自然人',
        '当面提交',
        '规划批复',
        '不予公开·属于国家秘密',
        '2024-03-20',
      ],
      ['c-2', '2024-03-05', '张某', '自然人', '传真', '用地批复', '予以公开', '2024-03-21'],
      ['C-3', '2024-03-06', '赵某', '自然人', '传真', '许可', '予以公开', '2024-03-25'],
    ])
    const res = await upload(d, m, corrected, '台账.xlsx')
    expect(res.status).toBe(200)
    const summary = (await res.json()) as {
      created: number
      existing: number
      differing: { row: number; column: string; code: string; params: { id: string } }[]
    }
    expect([summary.created, summary.existing]).toEqual([0, 3])
    expect(summary.differing.map((i) => [i.row, i.column, i.code, i.params.id])).toEqual([
      [2, '办理结果', 'differs_from_desk', 'C-1'],
      [3, '答复日期', 'differs_from_desk', 'c-2'],
    ])
    expect((await counts(d, m))['grant|natural_person']).toBe(3)
  })

  it('refuses a receipt date before the 条例 came into force or after today on its column, by the rule entering a request follows', async () => {
    const d = await setupDesk(() => T0)
    const m = await signIn(d, 'manager')
    const bytes = await workbook([
      HEADERS,
      ['B-1', '2008-04-30', '王某', '自然人', '当面提交', '规划批复', '予以公开', '2008-05-20'],
      ['B-2', '2024-09-28', '张某', '自然人', '当面提交', '规划许可', '', ''],
      ['B-3', '2024-03-05', '赵某', '自然人', '传真', '用地批复', '予以公开', '2024-03-22'],
    ])
    const res = await upload(d, m, bytes, '台账.xlsx')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { details: unknown[] } }
    expect(body.error.details).toEqual([
      {
        row: 2,
        column: '收到申请日',
        code: 'before_regulation',
        reason: 'before 2008-05-01, when the 条例 (国务院令第492号) came into force',
      },
      { row: 3, column: '收到申请日', code: 'in_future', reason: 'in the future' },
    ])
    expect(await counts(d, m)).toEqual({})
  })

  it('rejects the whole file for a row error, naming row and column, and writes nothing', async () => {
    const d = await setupDesk(() => T0)
    const m = await signIn(d, 'manager')
    const bytes = await workbook([
      HEADERS,
      ['A-1', '2024-03-04', '王某', '自然人', '当面提交', '规划批复', '予以公开', '2024-03-20'],
      ['A-2', '2024-03-05', '张某', '个人', '当面提交', '规划许可', '予以公开', '2024-03-21'],
      [
        'A-3',
        '2024-13-01',
        '赵某',
        '自然人',
        '传真',
        '用地批复',
        '不予公开·属于外星信息',
        '2024-03-22',
      ],
      // the same number in another case is the same request (domain externalIdKey)
      ['a-1', '2024-03-06', '钱某', '自然人', '传真', '用地批复', '予以公开', '2024-03-22'],
    ])
    const res = await upload(d, m, bytes, '台账.xlsx')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { message: string; details: unknown[] } }
    expect(body.error.details).toEqual([
      {
        row: 3,
        column: '申请人类型',
        code: 'unknown_label',
        params: { value: '个人' },
        reason: 'unknown label: 个人',
      },
      {
        row: 4,
        column: '收到申请日',
        code: 'not_a_date',
        params: { value: '2024-13-01' },
        reason: 'not a date: 2024-13-01',
      },
      {
        row: 4,
        column: '办理结果',
        code: 'unknown_label',
        params: { value: '不予公开·属于外星信息' },
        reason: 'unknown label: 不予公开·属于外星信息',
      },
      {
        row: 5,
        column: '登记编号',
        code: 'repeated_in_file',
        params: { id: 'a-1' },
        reason: 'a-1 is on an earlier row too',
      },
    ])
    expect(body.error.message).toBe('row 3, 申请人类型: unknown label: 个人 (and 3 more)')
    expect(await counts(d, m)).toEqual({})

    const missing = await upload(d, m, await workbook([HEADERS.slice(0, 7)]), 'x.xlsx')
    expect(((await missing.json()) as { error: { details: unknown[] } }).error.details).toEqual([
      { row: 1, column: '答复日期', code: 'column_missing', reason: 'the column is missing' },
    ])
    const s = await signIn(d)
    expect((await upload(d, s, bytes, '台账.xlsx')).status).toBe(403)
  })

  it('imports a request still open at year end (no outcome, no date) open, with its clock; counts it carried over; refuses half a decision', async () => {
    // the 2023 register, imported in 2024
    const d = await setupDesk(() => T0)
    await ensureDeadlineSetup(d.db, T0)
    const m = await signIn(d, 'manager')
    const carriedIn = [
      'B-1',
      '2022-12-20',
      '王某',
      '自然人',
      '当面提交',
      '批复',
      '予以公开',
      '2023-01-10',
    ]
    const open = ['B-2', '2023-12-25', '某公司', '商业企业', '互联网渠道', '用地批复', '', '']
    const half = await upload(
      d,
      m,
      await workbook([
        HEADERS,
        carriedIn,
        open,
        ['B-3', '2023-03-01', '张某', '自然人', '传真', '规划许可', '予以公开', ''],
        ['B-4', '2023-03-02', '李某', '自然人', '传真', '规划许可', '', '2023-03-20'],
      ]),
      '台账.xlsx',
    )
    expect(half.status).toBe(422)
    const issues = ((await half.json()) as { error: { details: Record<string, unknown>[] } }).error
      .details
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, '答复日期', 'outcome_without_date'],
      [5, '办理结果', 'date_without_outcome'],
    ])
    expect(await counts(d, m, 2023)).toEqual({})

    const res = await upload(d, m, await workbook([HEADERS, carriedIn, open]), '台账.xlsx')
    expect(await res.json()).toEqual({
      dryRun: false,
      rows: 2,
      created: 2,
      existing: 0,
      differing: [],
    })
    expect(await counts(d, m, 2023)).toEqual({
      'new|commercial': 1,
      'carried_in|natural_person': 1,
      'grant|natural_person': 1,
      'decided_total|natural_person': 1,
      'carried_out|commercial': 1,
    })
    // the next year's table starts with it carried in, undecided, and carries it out again
    expect(await counts(d, m, 2024)).toEqual({
      'carried_in|commercial': 1,
      'carried_out|commercial': 1,
    })
    const register = (await (
      await call(d, m, 'GET', '/disclosure/register?year=2023&row=carried_out&column=total')
    ).json()) as { requests: { items: { id: number }[] } }
    const [item] = register.requests.items
    type Detail = { inquiry: { status: string; dueAt: string; repliedAt: string | null } }
    const { inquiry } = (await (await call(d, m, 'GET', `/inquiries/${item!.id}`)).json()) as Detail
    // 20 working days from Mon 2023-12-25 (元旦 off): 12-26 … 12-29 4, 01-02 … 01-05 8, … 01-23 20
    expect([inquiry.status, inquiry.repliedAt, inquiry.dueAt]).toEqual([
      'new',
      null,
      '2024-01-23T17:00:00.000+08:00',
    ])
    const view = (await (await call(d, m, 'GET', `/disclosure/requests/${item!.id}`)).json()) as {
      clock: { state: string; due: { date: string } | null }
    }
    expect([view.clock.state, view.clock.due?.date]).toEqual(['running', '2024-01-23'])
  })
})
