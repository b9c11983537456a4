/**
 * Warns when the calendar of the current or the next year (in Asia/Shanghai) is not loaded: dates
 * there fall back to Monday–Friday, so due dates may ignore holidays and make-up workdays.
 */
import { toZonedDate } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { calendarQueries } from '../../../lib/calendar.ts'

/** The years among this one and the next (Asia/Shanghai, at `now` ms) that are not in `loaded`. */
export function missingYears(loaded: readonly number[], now: number): number[] {
  const year = Number(toZonedDate(now).slice(0, 4))
  return [year, year + 1].filter((y) => !loaded.includes(y))
}

export function MissingYearsBanner() {
  const { t } = useTranslation()
  const years = useQuery(calendarQueries.years())
  const [now] = useState(() => Date.now())
  if (!years.data) return null
  const missing = missingYears(
    years.data.map((y) => y.year),
    now,
  )
  if (missing.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('adminConfig.calendar.missingYears', { years: missing.join('、') })}
    />
  )
}
