/** /reports (managers and admins): the yearly tally of the year in the URL (`?year=`; default: this year). */
import { toZonedDate } from '@desk/domain'
import { Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { TallyDownloads } from '../../features/reports/components/tally-downloads.tsx'
import { TallyView } from '../../features/reports/components/tally-view.tsx'
import { YearPicker } from '../../features/reports/components/year-picker.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [currentYear] = useState(() => Number(toZonedDate(Date.now()).slice(0, 4)))
  const asked = Number(params.get('year'))
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= 2100 ? asked : currentYear
  return (
    <>
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <YearPicker
          year={year}
          currentYear={currentYear}
          onChange={(y) => setParams({ year: String(y) })}
        />
        <TallyDownloads year={year} />
      </Flex>
      <TallyView year={year} />
    </>
  )
}
