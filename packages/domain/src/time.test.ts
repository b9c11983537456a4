import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  dayOfWeek,
  formatInstant,
  startOfZonedDay,
  toZonedDate,
  zonedTimeToInstant,
} from './time.ts'

describe('Asia/Shanghai days, whatever the process TZ', () => {
  it.each([
    ['2017-12-31T15:30:00Z', '2017-12-31'], // 23:30 Beijing time
    ['2017-12-31T16:00:00Z', '2018-01-01'], // midnight Beijing time
    ['2016-12-31T16:05:00Z', '2017-01-01'],
  ])('%s is on %s in Beijing', (iso, date) => {
    expect(toZonedDate(Date.parse(iso))).toBe(date)
  })

  it('gives the UTC instant of a Beijing wall-clock time', () => {
    expect(new Date(zonedTimeToInstant('2024-10-10', undefined, 17)).toISOString()).toBe(
      '2024-10-10T09:00:00.000Z',
    )
    expect(new Date(startOfZonedDay('2025-01-01')).toISOString()).toBe('2024-12-31T16:00:00.000Z')
  })

  it('handles zones with daylight saving time', () => {
    expect(
      new Date(zonedTimeToInstant('2011-03-01', 'America/New_York', 14, 27, 57)).toISOString(),
    ).toBe('2011-03-01T19:27:57.000Z')
    expect(new Date(zonedTimeToInstant('2011-07-01', 'America/New_York', 14)).toISOString()).toBe(
      '2011-07-01T18:00:00.000Z',
    )
  })

  it('resolves wall times in daylight-saving gaps forward and repeated ones to the earlier instant', () => {
    // 2011-03-13 02:30 does not exist in New York (02:00 EST -> 03:00 EDT): 03:30 EDT
    expect(
      new Date(zonedTimeToInstant('2011-03-13', 'America/New_York', 2, 30)).toISOString(),
    ).toBe('2011-03-13T07:30:00.000Z')
    // 2011-11-06 01:30 happens twice (EDT, then EST): the first
    expect(
      new Date(zonedTimeToInstant('2011-11-06', 'America/New_York', 1, 30)).toISOString(),
    ).toBe('2011-11-06T05:30:00.000Z')
    expect(toZonedDate(Date.parse('2011-11-06T05:30:00Z'), 'America/New_York')).toBe('2011-11-06')
  })

  it('rejects dates that do not exist', () => {
    expect(() => zonedTimeToInstant('2023-02-29')).toThrow(RangeError)
    expect(() => startOfZonedDay('2024/01/01')).toThrow(RangeError)
  })

  it('formats with the +08:00 offset', () => {
    expect(formatInstant(Date.parse('2024-09-27T01:30:00Z'))).toBe('2024-09-27T09:30:00.000+08:00')
    expect(formatInstant(Date.parse('2017-12-31T16:00:00.123Z'))).toBe(
      '2018-01-01T00:00:00.123+08:00',
    )
    expect(formatInstant(Date.parse('2011-03-01T19:27:57Z'), 'America/New_York')).toBe(
      '2011-03-01T14:27:57.000-05:00',
    )
    expect(formatInstant(Date.parse('2020-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(
      '2020-06-01T05:30:00.000+05:30',
    )
  })

  it('writes a valid ISO 8601 text naming the same instant for a local-mean-time offset of seconds', () => {
    // Asia/Shanghai was +08:05:43 before 1901; 1900-02-28 00:00 there is 1900-02-27T15:54:17Z
    const t = startOfZonedDay('1900-02-28')
    const text = formatInstant(t)
    expect(text).toBe('1900-02-27T23:59:17.000+08:05')
    expect(Date.parse(text)).toBe(t)
    const ny = Date.parse('1880-06-01T12:00:00Z') // New York's local mean time
    expect(formatInstant(ny, 'America/New_York')).toBe('1880-06-01T07:04:00.000-04:56')
    expect(Date.parse(formatInstant(ny, 'America/New_York'))).toBe(ny)
  })

  it('gives each instant of a day with an offset change its own offset, asked in any order', () => {
    // New York's clocks jumped at 2011-03-13T07:00Z; the same UTC day before and after it
    const at = (iso: string) => formatInstant(Date.parse(iso), 'America/New_York')
    expect(at('2011-03-13T12:00:00Z')).toBe('2011-03-13T08:00:00.000-04:00')
    expect(at('2011-03-13T06:59:59.999Z')).toBe('2011-03-13T01:59:59.999-05:00')
    expect(at('2011-03-13T07:00:00Z')).toBe('2011-03-13T03:00:00.000-04:00')
    expect(at('2011-03-12T23:59:59.999Z')).toBe('2011-03-12T18:59:59.999-05:00')
    expect(at('2011-03-12T12:00:00Z')).toBe('2011-03-12T07:00:00.000-05:00')
  })

  it('writes any instant of 1850–2100 as a text naming that instant, dated as toZonedDate dates it', () => {
    const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/
    const to = Date.parse('2100-01-01T00:00:00Z')
    // an odd step: each instant has another time of day and millisecond
    for (let t = Date.parse('1850-01-01T00:00:00Z'); t < to; t += 12_727_504_021) {
      for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
        const written = formatInstant(t, zone)
        expect(written).toMatch(text)
        expect(Date.parse(written)).toBe(t)
        expect(written.slice(0, 10)).toBe(toZonedDate(t, zone))
      }
    }
    expect(formatInstant(Date.parse('1969-12-31T15:59:59.999Z'))).toBe(
      '1969-12-31T23:59:59.999+08:00',
    )
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError)
    expect(() => formatInstant(8.64e15)).toThrow(RangeError)
  })

  it('adds calendar days one at a time as far as it adds them at once', () => {
    let d = '1899-12-20'
    for (let i = 0; i < 800; i++) {
      const next = addCalendarDays(d, 1)
      expect(next > d).toBe(true)
      expect(addCalendarDays(next, -1)).toBe(d)
      expect(dayOfWeek(next)).toBe((dayOfWeek(d) + 1) % 7)
      d = next
    }
    expect(addCalendarDays('1899-12-20', 800)).toBe(d)
    expect(addCalendarDays('2024-01-31', 400)).toBe('2025-03-06')
  })

  it('adds calendar days across month and year ends, and names weekdays', () => {
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(dayOfWeek('2024-09-27')).toBe(5)
    expect(dayOfWeek('2024-09-29')).toBe(0)
  })
})
