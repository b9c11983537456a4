import { describe, expect, it } from 'vitest'
import {
  fillTemplate,
  fillTemplateForComposer,
  formatChineseDate,
  replyUnfilled,
  templatePlaceholderProblems,
  templateSegments,
  unfillRecordValues,
} from './reply-template.ts'

const values = {
  citizenName: '张**',
  receivedDate: '2024年9月27日',
  trackingNumber: 'GD20240927001',
  department: '规划处',
}

describe('fillTemplate', () => {
  it('fills Chinese placeholder names', () => {
    const r = fillTemplate(
      '{市民姓名}您好：您于{来件日期}反映的问题（工单号{工单编号}）已由{承办单位}办理。',
      values,
    )
    expect(r.text).toBe(
      '张**您好：您于2024年9月27日反映的问题（工单号GD20240927001）已由规划处办理。',
    )
    expect(r).toMatchObject({ unknown: [], missing: [] })
  })

  it('fills English names and repeated placeholders alike', () => {
    const r = fillTemplate('{citizenName}/{citizenName}/{市民姓名} {trackingNumber}', values)
    expect(r.text).toBe('张**/张**/张** GD20240927001')
  })

  it('leaves unknown names and missing values in place and reports them once', () => {
    const r = fillTemplate('{市民姓名}：{办理结果}{办理结果}，{承办单位}', { citizenName: null })
    expect(r.text).toBe('{市民姓名}：{办理结果}{办理结果}，{承办单位}')
    expect(r.unknown).toEqual(['办理结果'])
    expect(r.missing).toEqual(['citizenName', 'department'])
    expect(r.unfilled).toEqual(['市民姓名', '办理结果', '承办单位'])
  })

  it('does not treat braces with spaces or empty braces as placeholders', () => {
    expect(fillTemplate('{ 市民姓名 } {} {{工单编号}}', values).text).toBe(
      '{ 市民姓名 } {} {GD20240927001}',
    )
  })
})

describe('formatChineseDate', () => {
  it('writes month and day without leading zeros', () => {
    expect(formatChineseDate('2025-01-05')).toBe('2025年1月5日')
  })
})

describe('fillTemplateForComposer', () => {
  it('keeps the citizen name a placeholder when the inquiry has one, and fills the rest', () => {
    const r = fillTemplateForComposer('{市民姓名}您好，工单{工单编号}', {
      citizenName: '贺林',
      trackingNumber: 'GD1',
    })
    expect(r).toEqual({ text: '{市民姓名}您好，工单GD1', unknown: [], missing: [], unfilled: [] })
  })

  it('reports the citizen name missing when the inquiry has none', () => {
    expect(fillTemplateForComposer('{市民姓名}您好', { citizenName: null }).unfilled).toEqual([
      '市民姓名',
    ])
  })
})

describe('templateSegments', () => {
  it('cuts the text at its placeholders and joins back to what fillTemplate gives', () => {
    const template = '{市民姓名}您好：{办理结果}，由{承办单位}办理。'
    const segments = templateSegments(template, { citizenName: '张**', department: null })
    expect(segments).toEqual([
      { kind: 'field', field: 'citizenName', name: '市民姓名', value: '张**' },
      { kind: 'text', text: '您好：' },
      { kind: 'unknown', name: '办理结果', written: '{办理结果}' },
      { kind: 'text', text: '，由' },
      { kind: 'field', field: 'department', name: '承办单位', value: null },
      { kind: 'text', text: '办理。' },
    ])
    const joined = segments
      .map((s) =>
        s.kind === 'text'
          ? s.text
          : s.kind === 'field' && s.value !== null
            ? s.value
            : `{${s.name}}`,
      )
      .join('')
    expect(joined).toBe(fillTemplate(template, { citizenName: '张**', department: null }).text)
  })
})

describe('unfillRecordValues', () => {
  const first = {
    citizenName: '贺林',
    receivedDate: '2024年9月7日',
    trackingNumber: 'GD-1',
    department: '规划处',
  }
  const reply = '贺林您好：您于2024年9月7日反映的问题（工单号GD-1）已由规划处办理。贺林，谢谢。'

  it("turns the first inquiry's own values back into placeholders, not the department", () => {
    expect(unfillRecordValues(reply, first)).toBe(
      '{citizenName}您好：您于{receivedDate}反映的问题（工单号{trackingNumber}）已由规划处办理。{citizenName}，谢谢。',
    )
  })

  it("fills for a second citizen without a trace of the first's", () => {
    const second = { citizenName: '王芳', receivedDate: '2024年9月9日', trackingNumber: 'MX-7' }
    const text = fillTemplate(unfillRecordValues(reply, first), second).text
    expect(text).toContain('王芳您好')
    expect(text).toContain('工单号MX-7')
    expect(text).not.toContain('贺林')
    expect(text).not.toContain('GD-1')
  })

  it('leaves one-character and absent values alone', () => {
    expect(unfillRecordValues('林先生您好', { citizenName: '林', trackingNumber: null })).toBe(
      '林先生您好',
    )
  })
})

describe('replyUnfilled', () => {
  it('blocks a reply only on known placeholders without a value; other braces are its text', () => {
    const filled = fillTemplate('{市民姓名}：公式 {x}、｛y｝，{承办单位}，{"a": 1}', {
      citizenName: '林',
      department: null,
    })
    expect(filled.text).toBe('林：公式 {x}、｛y｝，{承办单位}，{"a": 1}')
    expect(replyUnfilled(filled)).toEqual(['承办单位'])
    expect(replyUnfilled(fillTemplate('公式 {x} 与 {y}', {}))).toEqual([])
  })
})

describe('full-width braces ｛…｝', () => {
  it('fills a known name in full-width braces and reports an unknown one as unfilled', () => {
    expect(fillTemplate('｛市民姓名｝您好，｛办理结果｝', { citizenName: '林' })).toEqual({
      text: '林您好，｛办理结果｝',
      unknown: ['办理结果'],
      missing: [],
      unfilled: ['办理结果'],
    })
  })

  it('names the unknown placeholders and the known ones written in full-width braces', () => {
    expect(
      templatePlaceholderProblems(
        '｛市民姓名｝您好：{市民名字}，{承办单位}，｛来件编号｝，｛市民姓名｝',
      ),
    ).toEqual({ unknown: ['市民名字', '来件编号'], fullWidth: ['市民姓名'] })
    expect(templatePlaceholderProblems('{市民姓名}您好，{department}')).toEqual({
      unknown: [],
      fullWidth: [],
    })
  })
})
