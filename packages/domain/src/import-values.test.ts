import { describe, expect, it } from 'vitest'
import { IMPORT_PRESETS, guessPreset, parseMapEntry, resolveMapping } from './import-fields.ts'
import {
  ambiguousDates,
  cleanLine,
  cleanText,
  inferDateOrder,
  isBlankRow,
  parseImportTime,
  rowToInquiry,
} from './import-values.ts'

const SH = 'Asia/Shanghai'
const NY = 'America/New_York'
const utc = (iso: string) => Date.parse(iso)

describe('parseImportTime', () => {
  it.each([
    ['2019/4/25 9:32:09', SH, '2019-04-25T01:32:09Z'],
    ['2019-04-08 08:37:20', SH, '2019-04-08T00:37:20Z'],
    ['2018/4/24', SH, '2018-04-23T16:00:00Z'],
    ['2019/12/1 0:05', SH, '2019-11-30T16:05:00Z'],
    ['03/14/2011 03:59:20 PM', NY, '2011-03-14T19:59:20Z'], // after the DST change of 2011-03-13
    ['10/31/2013 12:08:41 AM', NY, '2013-10-31T04:08:41Z'],
    ['12/31/2013 12:00:00 PM', NY, '2013-12-31T17:00:00Z'],
    ['2024-09-27T09:30:00+08:00', NY, '2024-09-27T01:30:00Z'], // an offset wins over the zone
    ['\u00a02019/4/25\u00a0 9:32:09 ', SH, '2019-04-25T01:32:09Z'],
  ])('%s in %s', (text, zone, iso) => {
    expect(parseImportTime(text, zone)).toBe(utc(iso))
  })

  it('reads an Excel date cell (clock time in the UTC fields) and an Excel serial in the zone', () => {
    expect(parseImportTime(new Date(Date.UTC(2019, 10, 13, 11, 20, 21)), SH)).toBe(
      utc('2019-11-13T03:20:21Z'),
    )
    expect(parseImportTime(43466.5, SH)).toBe(utc('2019-01-01T04:00:00Z')) // 2019-01-01 12:00
  })

  it.each([
    '2019/2/30 10:00:00',
    '2019/4/25 25:00:00',
    '13/13/2011 01:00:00 PM',
    '00/01/2011',
    '12/01/2026', // month/day or day/month: no order stated
    { error: '#DIV/0!' },
    true,
    'soon',
    '',
    '2019/4/25 9:61',
  ])('refuses %j', (text) => expect(parseImportTime(text, SH)).toBeUndefined())

  it('reads a year-last slash date by the order its parts show, or by the order stated', () => {
    expect(parseImportTime('13/01/2011 01:00:00 PM', NY)).toBe(utc('2011-01-13T18:00:00Z'))
    expect(parseImportTime('03/03/2011', SH)).toBe(utc('2011-03-02T16:00:00Z'))
    expect(parseImportTime('12/01/2026', SH, 'day-first')).toBe(utc('2026-01-11T16:00:00Z'))
    expect(parseImportTime('12/01/2026', SH, 'month-first')).toBe(utc('2026-11-30T16:00:00Z'))
    expect(parseImportTime('03/01/2011 02:27:57 PM', NY, 'month-first')).toBe(
      utc('2011-03-01T19:27:57Z'),
    )
    // Chinese files write the year first: never ambiguous
    expect(parseImportTime('2026/12/01', SH)).toBe(utc('2026-11-30T16:00:00Z'))
    expect(parseImportTime('2026-12-01', SH)).toBe(utc('2026-11-30T16:00:00Z'))
  })

  it("infers a column's order only from dates that show it, and never from conflicting ones", () => {
    expect(inferDateOrder(['03/01/2011', '03/25/2011', null])).toBe('month-first')
    expect(inferDateOrder(['03/01/2011', '25/03/2011'])).toBe('day-first')
    expect(inferDateOrder(['03/01/2011', '04/05/2011', '2011/3/25'])).toBeUndefined()
    expect(inferDateOrder(['03/25/2011', '25/03/2011'])).toBeUndefined()
  })
})

describe('text cleaning', () => {
  it('trims scraped HTML indentation and NBSP runs from bodies, keeping U+3000 paragraph indents', () => {
    const raw =
      '\n\t\t\t\t\t\n\t\t\t\t\t　　第一段。\u00a0\u00a0\u00a0\n\t\t\t\t\t\n\t\t\t\t\t\n\t\t\t\t\t第二段\u00a0内容。\n\t\t\t\t'
    expect(cleanText(raw)).toBe('　　第一段。\n\n第二段 内容。')
  })

  it('makes one-line text of subjects: every whitespace run becomes one space', () => {
    expect(cleanLine(' A2区\u00a0\u00a0物业\t管理 \n')).toBe('A2区 物业 管理')
  })

  it('knows blank rows', () => {
    expect(isBlankRow(['', ' \u00a0', null])).toBe(true)
    expect(isBlankRow(['', 0])).toBe(false)
  })
})

describe('mapping', () => {
  const teddy = ['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '答复意见', '答复时间']

  it('guesses the teddy-cup preset from the headers only when all its required headers are there', () => {
    expect(guessPreset(teddy)?.name).toBe('teddy-cup')
    expect(guessPreset(['留言编号', '留言主题', '留言详情'])).toBeUndefined()
  })

  it('parses --map entries and names an unknown field', () => {
    expect(parseMapEntry('Unique Key=externalId')).toEqual({
      column: 'Unique Key',
      field: 'externalId',
    })
    expect(parseMapEntry('Unique Key=uid')).toMatchObject({
      code: 'map_unknown_field',
      params: { entry: 'Unique Key=uid', field: 'uid' },
      reason: expect.stringContaining('unknown field "uid"') as string,
    })
    expect(parseMapEntry('Unique Key')).toEqual({
      code: 'map_syntax',
      params: { entry: 'Unique Key' },
      reason: '--map "Unique Key": expected "<column>=<field>"',
    })
  })

  it('maps by header name whatever the column order, --map winning over the preset', () => {
    const headers = [
      '答复时间',
      '留言详情',
      '留言编号',
      '留言时间',
      '留言主题',
      '答复意见',
      'Other',
    ]
    const { mapping, issues } = resolveMapping(headers, IMPORT_PRESETS[0], [
      { column: 'Other', field: 'subject' },
    ])
    expect(issues).toEqual([])
    expect(mapping.externalId).toEqual({ index: 2, column: '留言编号' })
    expect(mapping.subject).toEqual({ index: 6, column: 'Other' })
    expect(mapping.repliedAt).toEqual({ index: 0, column: '答复时间' })
  })

  it('reports a mapped column the file lacks, unmapped required fields and a reply without its time', () => {
    const { issues } = resolveMapping(['Key', 'Text', 'Answer'], undefined, [
      { column: 'Key', field: 'externalId' },
      { column: 'Missing', field: 'subject' },
      { column: 'Answer', field: 'reply' },
    ])
    expect(issues.map((i) => i.reason)).toEqual([
      'no column "Missing" in the file; its headers are: Key, Text, Answer',
      'no column is mapped to subject (no preset matches these headers; use --map)',
      'no column is mapped to body (no preset matches these headers; use --map)',
      'no column is mapped to receivedAt (no preset matches these headers; use --map)',
      'reply and repliedAt must be mapped together (a reply needs its time)',
    ])
    expect(issues[0]).toMatchObject({ row: 1, column: 'Missing' })
  })
})

describe('ambiguousDates', () => {
  const rows = [
    { row: 2, cells: ['1', '12/01/2023', '2023/12/01'] },
    { row: 3, cells: ['2', '03/04/2023', '2023/12/02'] },
  ]
  it('lists the dates that read two ways in the columns asked, and only those', () => {
    expect(ambiguousDates(rows, [{ index: 1, column: 'Created' }])).toEqual([
      { row: 2, column: 'Created', value: '12/01/2023' },
      { row: 3, column: 'Created', value: '03/04/2023' },
    ])
    expect(ambiguousDates(rows, [{ index: 2, column: 'Closed' }])).toEqual([])
    // a date whose parts show the order settles the rest
    const shown = [...rows, { row: 4, cells: ['3', '25/01/2023', ''] }]
    expect(ambiguousDates(shown, [{ index: 1, column: 'Created' }])).toEqual([])
  })
})

describe('mapping of a file whose headers are the API field names', () => {
  it('maps every field by its API name, the citizen also by its path in the API body', () => {
    const headers = ['externalId', 'subject', 'body', 'receivedAt', 'citizen.name', 'citizenPhone']
    const preset = guessPreset([...headers, 'category', 'reply', 'repliedAt'])
    expect(preset?.name).toBe('api-fields')
    const { mapping, issues } = resolveMapping(
      [...headers, 'category', 'citizen.email', 'reply', 'repliedAt'],
      preset,
      [],
    )
    expect(issues).toEqual([])
    expect(Object.fromEntries(Object.entries(mapping).map(([f, c]) => [f, c.column]))).toEqual({
      externalId: 'externalId',
      subject: 'subject',
      body: 'body',
      receivedAt: 'receivedAt',
      citizenName: 'citizen.name',
      citizenPhone: 'citizenPhone',
      citizenEmail: 'citizen.email',
      category: 'category',
      reply: 'reply',
      repliedAt: 'repliedAt',
    })
    // not without the required four
    expect(guessPreset(['externalId', 'subject', 'body'])).toBeUndefined()
  })
})

describe('rowToInquiry', () => {
  const headers = [
    '留言编号',
    '留言用户',
    '留言主题',
    '留言时间',
    '留言详情',
    '答复意见',
    '答复时间',
  ]
  const { mapping } = resolveMapping(headers, IMPORT_PRESETS[0], [])
  const now = utc('2026-12-06T04:00:00Z') // 12:00 in Beijing
  const ctx = { channelCode: 'hotline_12345', zone: SH, row: 7, now }

  it('normalises a row with a reply', () => {
    const r = rowToInquiry(
      [
        37042,
        ' A00034667 ',
        '望B市\u00a0医保',
        '2012/1/19 17:49:30',
        '\n\t\t内容\n\t',
        '已收悉 ',
        '2018/4/24',
      ],
      mapping,
      ctx,
    )
    expect(r.inquiry).toEqual({
      channelCode: 'hotline_12345',
      externalId: '37042',
      subject: '望B市 医保',
      body: '内容',
      receivedAt: utc('2012-01-19T09:49:30Z'),
      citizenName: 'A00034667',
      citizenPhone: undefined,
      citizenEmail: undefined,
      category: undefined,
      reply: { body: '已收悉', repliedAt: utc('2018-04-23T16:00:00Z') },
    })
  })

  it('refuses a reply time before the receipt, beyond the clock-skew allowance', () => {
    const row = (repliedAt: string) =>
      rowToInquiry(['T-4', 'u', 's', '2026-09-10 10:00', 'b', 'reply', repliedAt], mapping, ctx)
    expect(row('2026-09-01 10:00').issues).toEqual([
      {
        row: 7,
        column: '答复时间',
        code: 'before_receipt',
        reason: 'before the receipt date',
      },
    ])
    // 4 minutes early is within the 5-minute skew of two clocks
    expect(row('2026-09-10 09:56').inquiry?.reply?.repliedAt).toBe(utc('2026-09-10T01:56:00Z'))
  })

  it('names row, column and reason of every problem', () => {
    const r = rowToInquiry(['', 'u', ' ', '2019/2/30 1:00:00', 'text', 'reply', ''], mapping, ctx)
    expect(r.issues).toEqual([
      {
        row: 7,
        column: '留言时间',
        code: 'unreadable_time',
        params: { value: '2019/2/30 1:00:00' },
        reason: 'unreadable time "2019/2/30 1:00:00"',
      },
      {
        row: 7,
        column: '留言编号',
        code: 'empty',
        params: { field: 'externalId' },
        reason: 'externalId is empty',
      },
      {
        row: 7,
        column: '留言主题',
        code: 'empty',
        params: { field: 'subject' },
        reason: 'subject is empty',
      },
      {
        row: 7,
        column: '答复时间',
        code: 'empty',
        params: { field: 'repliedAt' },
        reason: 'repliedAt is empty',
      },
    ])
  })

  it('refuses an Excel error value and a boolean in a text field, naming row and column', () => {
    const r = rowToInquiry(
      [1, 'u', true, '2019/1/1 08:00', { error: '#DIV/0!' }, '', ''],
      mapping,
      ctx,
    )
    expect(r.issues).toEqual([
      {
        row: 7,
        column: '留言主题',
        code: 'boolean_value',
        params: { field: 'subject', value: 'TRUE' },
        reason: 'subject holds the boolean TRUE, not text',
      },
      {
        row: 7,
        column: '留言详情',
        code: 'error_value',
        params: { field: 'body', value: '#DIV/0!' },
        reason: 'body holds a spreadsheet error (#DIV/0!)',
      },
    ])
  })

  it('refuses an Excel error in a time column as that error, not as an unreadable or missing time', () => {
    const r = rowToInquiry([1, 'u', '主题', { error: '#REF!' }, '内容', '', ''], mapping, ctx)
    expect(r.issues).toEqual([
      {
        row: 7,
        column: '留言时间',
        code: 'error_value',
        params: { field: 'receivedAt', value: '#REF!' },
        reason: 'receivedAt holds a spreadsheet error (#REF!)',
      },
    ])
  })

  it('refuses a receivedAt more than 10 minutes after the import, naming row and column', () => {
    const at = (time: string) => [1, 'u', '主题', time, '内容', '', '']
    expect(rowToInquiry(at('2099-01-01 00:00'), mapping, ctx).issues).toEqual([
      {
        row: 7,
        column: '留言时间',
        code: 'in_future',
        params: { field: 'receivedAt' },
        reason: 'receivedAt in the future',
      },
    ])
    expect(rowToInquiry(at('2026-12-06 12:10:01'), mapping, ctx).issues).toHaveLength(1)
    // clock skew: up to 10 minutes ahead is taken as given
    expect(rowToInquiry(at('2026-12-06 12:10:00'), mapping, ctx).inquiry?.receivedAt).toBe(
      now + 600_000,
    )
  })

  it('refuses an ambiguous slash date unless the order is stated', () => {
    const cells = [1, 'u', '主题', '12/01/2026', '内容', '', '']
    expect(rowToInquiry(cells, mapping, ctx).issues).toEqual([
      {
        row: 7,
        column: '留言时间',
        code: 'ambiguous_date',
        params: { field: 'receivedAt', value: '12/01/2026' },
        reason:
          'receivedAt "12/01/2026" is ambiguous: month/day or day/month? State the file\'s date order (month-first or day-first), or write the year first (2026/12/01)',
      },
    ])
    expect(
      rowToInquiry(cells, mapping, { ...ctx, dateOrder: 'day-first' }).inquiry?.receivedAt,
    ).toBe(utc('2026-01-11T16:00:00Z'))
  })

  it('refuses NUL and dates outside the supported range, and replaces lone surrogates', () => {
    const r = rowToInquiry([1, 'u', 'a\u0000b', '1900/1/1 08:00', 'text', '', ''], mapping, ctx)
    expect(r.issues).toEqual([
      {
        row: 7,
        column: '留言主题',
        code: 'nul',
        params: { field: 'subject' },
        reason: 'subject contains a NUL character (U+0000), which is not allowed',
      },
      {
        row: 7,
        column: '留言时间',
        code: 'unsupported_date',
        params: { field: 'receivedAt' },
        reason: 'receivedAt outside 1992-01-01..2100-12-31',
      },
    ])
    const ok = rowToInquiry([1, 'u', 'a\uD800b', '2019/1/1 08:00', 'x\uFFFF', '', ''], mapping, ctx)
    expect([ok.inquiry?.subject, ok.inquiry?.body]).toEqual(['a\uFFFDb', 'x\uFFFD'])
  })
})
