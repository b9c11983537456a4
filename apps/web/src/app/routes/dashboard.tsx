/** /dashboard (managers and admins): the channel dashboard for a period kept in the URL. */
import { Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { readPeriod, writePeriod } from '../../features/dashboard/api/periods.ts'
import { DashboardView } from '../../features/dashboard/components/dashboard-view.tsx'
import { PeriodPicker } from '../../features/dashboard/components/period-picker.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  // presets are computed at the page's opening instant, so "today" stays put while the page is open
  const [nowMs] = useState(() => Date.now())
  const period = readPeriod(params, nowMs)
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <PeriodPicker period={period} nowMs={nowMs} onChange={(p) => setParams(writePeriod(p))} />
      <DashboardView period={period} />
    </>
  )
}
