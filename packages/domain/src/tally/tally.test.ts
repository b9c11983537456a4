import { describe, expect, it } from 'vitest'
import { startOfZonedDay, toZonedDate } from '../time.ts'
import { weekdayCalendar } from '../working-days.ts'
import { EXCEL_CELL_MAX_CHARS, fitCell } from './cell-limit.ts'
import { neutralizeFormula } from './csv-formula.ts'
import { bucketStart, defaultGranularity, periodBuckets, yearRange } from './periods.ts'
import { workingDaysToReply, weightedMedian } from './reply-time.ts'
import { formatReportSentence } from './report-sentence.ts'

describe('the annual-report sentence', () => {
  it('reproduces the 2017 report word for word', () => {
    const sentence = formatReportSentence(2017, [
      { name: '12345网络问政', count: 1831 },
      { name: '市长信箱', count: 293 },
      { name: '民心网联网平台', count: 404 },
      { name: '网络回应人', count: 2786 },
      { name: '局长信箱', count: 47 },
    ])
    expect(sentence).toBe(
      '2017年共办理“12345网络问政”1831件、“市长信箱”293件、“民心网联网平台”404件、“网络回应人”2786件、“局长信箱”47件。',
    )
  })

  it('says 0件 for a year without channels and refuses negative counts', () => {
    expect(formatReportSentence(2030, [])).toBe('2030年共办理0件。')
    expect(() => formatReportSentence(2030, [{ name: 'x', count: -1 }])).toThrow(RangeError)
  })
})

describe('formula neutralising', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['市长信箱', '市长信箱'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output)
  })
})

describe('Excel cell limit', () => {
  it('cuts long texts to exactly the limit, ending with the marker', () => {
    const out = fitCell('字'.repeat(40_000), '…[cut]')
    expect(out).toHaveLength(EXCEL_CELL_MAX_CHARS)
    expect(out.endsWith('…[cut]')).toBe(true)
    expect(fitCell('short', '…')).toBe('short')
  })

  it('never splits a surrogate pair', () => {
    const out = fitCell('𠮷'.repeat(10), '…', 6)
    expect(out).toBe('𠮷𠮷…')
  })
})

describe('periods in Asia/Shanghai', () => {
  it('buckets by ISO week starting Monday and by month, clipped to the range', () => {
    expect(bucketStart('2017-12-31', 'week')).toBe('2017-12-25') // a Sunday
    expect(bucketStart('2018-01-01', 'week')).toBe('2018-01-01') // a Monday
    expect(periodBuckets('2017-12-27', '2018-01-09', 'week')).toEqual([
      { key: '2017-12-25', from: '2017-12-27', to: '2017-12-31' },
      { key: '2018-01-01', from: '2018-01-01', to: '2018-01-07' },
      { key: '2018-01-08', from: '2018-01-08', to: '2018-01-09' },
    ])
    const months = periodBuckets('2024-01-01', '2024-12-31', 'month')
    expect(months).toHaveLength(12)
    expect(months[1]).toEqual({ key: '2024-02-01', from: '2024-02-01', to: '2024-02-29' })
    expect(periodBuckets('2024-03-05', '2024-03-07', 'day').map((b) => b.key)).toEqual([
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
    ])
  })

  it('puts 23:30 Beijing time on 31 December in that year and 00:00 in the next', () => {
    const { from, to } = yearRange(2017)
    expect([from, to]).toEqual(['2017-01-01', '2017-12-31'])
    const midnight = startOfZonedDay('2018-01-01')
    expect(new Date(midnight).toISOString()).toBe('2017-12-31T16:00:00.000Z')
    expect(toZonedDate(midnight - 30 * 60_000)).toBe('2017-12-31')
    expect(bucketStart(toZonedDate(midnight - 1), 'month')).toBe('2017-12-01')
    expect(bucketStart(toZonedDate(midnight), 'month')).toBe('2018-01-01')
  })

  it('picks days, weeks or months by the length of the range', () => {
    expect(defaultGranularity('2024-03-01', '2024-03-31')).toBe('day')
    expect(defaultGranularity('2024-01-01', '2024-03-31')).toBe('week')
    expect(defaultGranularity('2024-01-01', '2024-12-31')).toBe('month')
  })
})

describe('reply times in working days', () => {
  it('counts working days after receipt up to the reply day', () => {
    // 2024-09-27 is a Friday
    expect(workingDaysToReply(weekdayCalendar, '2024-09-27', '2024-09-27')).toBe(0)
    expect(workingDaysToReply(weekdayCalendar, '2024-09-27', '2024-09-29')).toBe(0)
    expect(workingDaysToReply(weekdayCalendar, '2024-09-27', '2024-09-30')).toBe(1)
    expect(workingDaysToReply(weekdayCalendar, '2024-09-27', '2024-10-07')).toBe(6)
    expect(workingDaysToReply(weekdayCalendar, '2024-09-27', '2024-09-20')).toBe(0)
  })

  it('takes the median over counted groups', () => {
    expect(weightedMedian([])).toBeNull()
    expect(
      weightedMedian([
        { value: 3, n: 1 },
        { value: 1, n: 2 },
      ]),
    ).toBe(1)
    expect(
      weightedMedian([
        { value: 1, n: 1 },
        { value: 4, n: 1 },
      ]),
    ).toBe(2.5)
    expect(
      weightedMedian([
        { value: 9, n: 2 },
        { value: 2, n: 3 },
        { value: 5, n: 0 },
      ]),
    ).toBe(2)
  })
})
