/**
 * /reports/disclosure/:year? (managers and admins): the national table of the year's disclosure
 * requests, and the import of a register kept in a spreadsheet.
 */
import { toZonedDate } from '@desk/domain'
import { Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { DisclosureTable } from '../../features/disclosure/components/disclosure-table.tsx'
import { RegisterImport } from '../../features/disclosure/components/register-import.tsx'
import { YearPicker } from '../../features/reports/components/year-picker.tsx'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [currentYear] = useState(() => Number(toZonedDate(Date.now()).slice(0, 4)))
  const asked = Number(useParams().year)
  const year = Number.isInteger(asked) && asked >= 2008 && asked <= 2100 ? asked : currentYear - 1
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('disclosure.title')}
        </Typography.Title>
        <YearPicker
          year={year}
          currentYear={currentYear}
          onChange={(y) => void navigate(`/reports/disclosure/${y}`)}
        />
        <Link to="/disclosure/new">{t('disclosure.new')}</Link>
      </Flex>
      <DisclosureTable year={year} />
      <div style={{ marginTop: 16 }}>
        <RegisterImport />
      </div>
    </>
  )
}
