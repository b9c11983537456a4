/**
 * The public holidays on fixed Gregorian dates that 《全国年节及纪念日放假办法》 gives all citizens
 * (第二条, 全体公民放假的节日), per revision in force on a date. The working-day calendar assumes them
 * off in a year whose State Council notice (调休安排) is not loaded: they are law whatever the
 * notice says, while the lunar holidays (春节, 清明节, 端午节, 中秋节), the extra days off and the
 * make-up workdays (调休), and the workday given in place of a holiday that falls on a weekend
 * (补假), come only from the year's notice.
 * Revisions and their fixed-date holidays:
 * - 2025-01-01: 国务院令第795号 (公布 2024-11-10): 元旦 1 January; 劳动节 1–2 May (2 days); 国庆节
 *   1–3 October.
 * - 2008-01-01: 国务院令第513号 (公布 2007-12-14; 国务院令第644号 of 2013-12-11 changed only the
 *   Spring Festival): 元旦 1 January; 劳动节 1 May; 国庆节 1–3 October.
 * - 1999-09-18: 国务院令第270号 (in force on publication): 新年 1 January; 劳动节 1–3 May; 国庆节
 *   1–3 October.
 * - 1949-12-23: 政务院 (the first 办法): 新年 1 January; 劳动节 1 May; 国庆纪念日 1–2 October.
 * Dates are `YYYY-MM-DD` days in Asia/Shanghai.
 */
import type { IsoDate } from '../time.ts'

type FixedHoliday = { readonly monthDay: string; readonly name: string }
type Revision = {
  readonly inForceFrom: IsoDate
  readonly source: string
  readonly days: readonly FixedHoliday[]
}

const day = (monthDay: string, name: string): FixedHoliday => ({ monthDay, name })

/** The revisions of the 办法, newest first, each with its fixed-date holidays. */
export const FIXED_DATE_HOLIDAY_REVISIONS: readonly Revision[] = [
  {
    inForceFrom: '2025-01-01',
    source: '《全国年节及纪念日放假办法》（国务院令第795号修订）第二条',
    days: [
      day('01-01', '元旦'),
      day('05-01', '劳动节'),
      day('05-02', '劳动节'),
      day('10-01', '国庆节'),
      day('10-02', '国庆节'),
      day('10-03', '国庆节'),
    ],
  },
  {
    inForceFrom: '2008-01-01',
    source: '《全国年节及纪念日放假办法》（国务院令第513号修订）第二条',
    days: [
      day('01-01', '元旦'),
      day('05-01', '劳动节'),
      day('10-01', '国庆节'),
      day('10-02', '国庆节'),
      day('10-03', '国庆节'),
    ],
  },
  {
    inForceFrom: '1999-09-18',
    source: '《全国年节及纪念日放假办法》（国务院令第270号修订）第二条',
    days: [
      day('01-01', '新年'),
      day('05-01', '劳动节'),
      day('05-02', '劳动节'),
      day('05-03', '劳动节'),
      day('10-01', '国庆节'),
      day('10-02', '国庆节'),
      day('10-03', '国庆节'),
    ],
  },
  {
    inForceFrom: '1949-12-23',
    source: '《全国年节及纪念日放假办法》（政务院1949年12月23日发布）第二条',
    days: [
      day('01-01', '新年'),
      day('05-01', '劳动节'),
      day('10-01', '国庆纪念日'),
      day('10-02', '国庆纪念日'),
    ],
  },
]

/**
 * The fixed-date public holiday on `date` under the revision of the 办法 in force that day: its
 * name and the source; null for any other date (and before 1949-12-23).
 */
export function fixedDateHoliday(date: IsoDate): { name: string; source: string } | null {
  const revision = FIXED_DATE_HOLIDAY_REVISIONS.find((r) => r.inForceFrom <= date)
  const holiday = revision?.days.find((d) => d.monthDay === date.slice(5))
  return revision && holiday ? { name: holiday.name, source: revision.source } : null
}

/**
 * The fixed-date public holidays of `year` (whole Gregorian year, Asia/Shanghai days), each with
 * its date, name and the revision of the 办法 that gives it; in date order.
 */
export function fixedDateHolidaysOf(
  year: number,
): { date: IsoDate; name: string; source: string }[] {
  const monthDays = [
    ...new Set(FIXED_DATE_HOLIDAY_REVISIONS.flatMap((r) => r.days.map((d) => d.monthDay))),
  ].sort()
  return monthDays.flatMap((md) => {
    const date = `${String(year).padStart(4, '0')}-${md}`
    const holiday = fixedDateHoliday(date)
    return holiday ? [{ date, ...holiday }] : []
  })
}
