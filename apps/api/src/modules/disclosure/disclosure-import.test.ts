import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, T0, type Session, type Desk } from '../../test/setup.ts'

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

async function counts(d: Desk, s: Session) {
  const t = (await (await call(d, s, 'GET', '/reports/disclosure?year=2024')).json()) as Table
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
    expect(await dry.json()).toEqual({ dryRun: true, rows: 4, created: 0, existing: 0 })
    expect(await counts(d, m)).toEqual({})

    const res = await upload(d, m, bytes, '台账.xlsx')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ dryRun: false, rows: 4, created: 4, existing: 0 })
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
    expect(await again.json()).toEqual({ dryRun: false, rows: 4, created: 0, existing: 4 })
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
})
