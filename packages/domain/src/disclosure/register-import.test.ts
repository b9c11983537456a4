import { describe, expect, it } from 'vitest'
import { readDisclosureRegister } from './register-import.ts'

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
const rows = (...cells: string[][]) => cells.map((c, i) => ({ row: i + 2, cells: c }))

describe('reading a disclosure register', () => {
  it('reads a row with neither outcome nor answer date as a request still open', () => {
    const read = readDisclosureRegister(
      HEADERS,
      rows(
        ['C-1', '2024-12-23', '某公司', '商业企业', '互联网渠道', '用地批复', '', ''],
        ['C-2', '2024-12-02', '王某', '自然人', '当面提交', '规划批复', '部分公开', '2024-12-20'],
      ),
      '2025-01-06',
    )
    expect(read.issues).toEqual([])
    expect(read.items.map((i) => [i.value.externalId, i.value.outcome, i.value.decidedOn])).toEqual(
      [
        ['C-1', null, null],
        ['C-2', 'partial', '2024-12-20'],
      ],
    )
  })

  it('refuses half a decision on the empty column, and still checks the half that is there', () => {
    const read = readDisclosureRegister(
      HEADERS,
      rows(
        ['C-3', '2024-03-01', '张某', '自然人', '传真', '规划许可', '不予公开·属于外星信息', ''],
        ['C-4', '2024-03-02', '李某', '自然人', '传真', '规划许可', '', '2024-02-20'],
      ),
      '2025-01-06',
    )
    expect(read.items).toEqual([])
    expect(read.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '答复日期', 'outcome_without_date'],
      [2, '办理结果', 'unknown_label'],
      [3, '办理结果', 'date_without_outcome'],
      [3, '答复日期', 'before_receipt'],
    ])
  })

  it('refuses a receipt before the 条例 came into force (2008-05-01) and dates after today, on their columns', () => {
    const read = readDisclosureRegister(
      HEADERS,
      rows(
        ['C-5', '2008-04-30', '赵某', '自然人', '传真', '规划许可', '予以公开', '2008-05-06'],
        ['C-6', '2008-05-01', '钱某', '自然人', '传真', '规划许可', '予以公开', '2008-05-06'],
        ['C-7', '2025-01-06', '孙某', '自然人', '传真', '规划许可', '予以公开', '2025-01-07'],
        ['C-8', '2025-01-07', '李某', '自然人', '传真', '规划许可', '', ''],
      ),
      '2025-01-06',
    )
    expect(read.items.map((i) => i.value.externalId)).toEqual(['C-6'])
    expect(read.issues.map((i) => [i.row, i.column, i.code, i.reason])).toEqual([
      [
        2,
        '收到申请日',
        'before_regulation',
        'before 2008-05-01, when the 条例 (国务院令第492号) came into force',
      ],
      [4, '答复日期', 'in_future', 'in the future'],
      [5, '收到申请日', 'in_future', 'in the future'],
    ])
  })
})
