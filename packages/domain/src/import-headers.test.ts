import { describe, expect, it } from 'vitest'
import { guessPreset, headerKey, resolveMapping } from './import-fields.ts'
import { rowToInquiry } from './import-values.ts'

describe('headers a preset recognises', () => {
  it('compare by headerKey: any ASCII case, no whitespace, full-width letters as ASCII', () => {
    expect(headerKey(' External ID ')).toBe('externalid')
    expect(headerKey('ｒｅｃｅｉｖｅｄＡｔ')).toBe('receivedat')
    expect(headerKey(' 来件 时间\u3000')).toBe('来件时间')
  })

  it('guess the Chinese column names 编号/标题/内容/来件时间 as zh-common, mapped to the columns as the file names them', () => {
    const headers = [
      '编号',
      '标题',
      '内容',
      '来件时间',
      '姓名',
      '电话',
      '分类',
      '答复内容',
      '答复时间',
    ]
    const preset = guessPreset(headers)
    expect(preset?.name).toBe('zh-common')
    const { mapping, issues } = resolveMapping(headers, preset, [])
    expect(issues).toEqual([])
    expect([
      mapping.externalId,
      mapping.receivedAt,
      mapping.citizenPhone,
      mapping.repliedAt,
    ]).toEqual([
      { index: 0, column: '编号' },
      { index: 3, column: '来件时间' },
      { index: 5, column: '电话' },
      { index: 8, column: '答复时间' },
    ])
    expect(guessPreset(['编号', '标题', '内容'])).toBeUndefined()
  })

  it("map the API's field names written in another case or spacing", () => {
    const headers = ['EXTERNALID', ' Subject', 'body ', 'Received At']
    const preset = guessPreset(headers)
    expect(preset?.name).toBe('api-fields')
    expect(resolveMapping(headers, preset, []).mapping.subject).toEqual({
      index: 1,
      column: ' Subject',
    })
  })
})

describe('a numeric id beyond what a number keeps', () => {
  it('is a row issue naming the column, never a rounded id; a 15-digit one is kept', () => {
    const mapping = {
      externalId: { index: 0, column: '编号' },
      subject: { index: 1, column: '标题' },
      body: { index: 2, column: '内容' },
      receivedAt: { index: 3, column: '来件时间' },
    }
    const ctx = { channelCode: 'minxin', zone: 'Asia/Shanghai', row: 2, now: Date.UTC(2027, 0, 1) }
    const big = rowToInquiry(
      [Number('12345678901234567890'), 't', 'b', '2026-11-03 10:00'],
      mapping,
      ctx,
    )
    expect(big.issues?.map((i) => [i.code, i.column, i.params])).toEqual([
      ['number_too_long', '编号', { field: 'externalId', value: '12345678901234567000' }],
    ])
    const ok = rowToInquiry([123456789012345, 't', 'b', '2026-11-03 10:00'], mapping, ctx)
    expect(ok.inquiry?.externalId).toBe('123456789012345')
  })
})
