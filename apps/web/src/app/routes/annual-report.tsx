/** /reports/annual/:year (managers and admins): the annual report's draft of the year (default: last year). */
import { toZonedDate } from '@desk/domain'
import { Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { AnnualReportView } from '../../features/annual-report/components/annual-report-view.tsx'
import { YearPicker } from '../../features/reports/components/year-picker.tsx'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [currentYear] = useState(() => Number(toZonedDate(Date.now()).slice(0, 4)))
  const asked = Number(useParams().year)
  // the report of a year is written early the next year
  const year = Number.isInteger(asked) && asked >= 1992 && asked <= 2100 ? asked : currentYear - 1
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('annualReport.title')}
        </Typography.Title>
        <YearPicker
          year={year}
          currentYear={currentYear}
          onChange={(y) => void navigate(`/reports/annual/${y}`)}
        />
      </Flex>
      {/* one view per year: a conflict's version belongs to the year it was met on */}
      <AnnualReportView key={year} year={year} />
    </>
  )
}
