/**
 * The bundled calendar source: the npm package `chinese-days` 1.5.7 (MIT), which matched holiday-cn
 * on every day of 2017–2026 (../shared/TOOLCHAIN.md). Its JSON maps a date to
 * "English name,中文名,n" under `holidays` (days off) and `workdays` (make-up workdays).
 */
import { createRequire } from 'node:module'
import type { CalendarEntry } from '@desk/domain'

export const CHINESE_DAYS_SOURCE = 'chinese-days@1.5.7'
export const BUNDLED_YEARS = { from: 2017, to: 2026 } as const

type ChineseDaysJson = { holidays: Record<string, string>; workdays: Record<string, string> }

// chinese-days shortens three names; the State Council notices say 清明节, 端午节, 中秋节
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

const nameOf = (value: string) => {
  const zh = value.split(',')[1] ?? ''
  return OFFICIAL_NAMES[zh] ?? zh
}

/** The listed dates of `from`..`to` (by date year) from the package's data file. */
export function readChineseDays(from: number, to: number): CalendarEntry[] {
  const data = createRequire(import.meta.url)(
    'chinese-days/dist/chinese-days.json',
  ) as ChineseDaysJson
  const inRange = (date: string) => {
    const y = Number(date.slice(0, 4))
    return y >= from && y <= to
  }
  const entries: CalendarEntry[] = []
  for (const [date, v] of Object.entries(data.holidays))
    if (inRange(date)) entries.push({ date, isOffDay: true, name: nameOf(v) })
  for (const [date, v] of Object.entries(data.workdays))
    if (inRange(date)) entries.push({ date, isOffDay: false, name: nameOf(v) })
  return entries.sort((a, b) => a.date.localeCompare(b.date))
}
