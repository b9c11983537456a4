/**
 * /reports/disclosure/register?year&row&column (or review&column): the requests one table cell
 * counts. Opened without a cell (a bookmark, a typed address), it says where cells are chosen.
 */
import { toZonedDate } from '@desk/domain'
import { Alert, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { DisclosureRegister } from '../../features/disclosure/components/disclosure-register.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const [currentYear] = useState(() => toZonedDate(Date.now()).slice(0, 4))
  const link = Object.fromEntries(params.entries())
  const table = `/reports/disclosure/${link.year ?? currentYear}`
  const cell = link.column !== undefined && (link.row ?? link.review) !== undefined
  return (
    <>
      <Link to={table}>{t('disclosure.backToTable')}</Link>
      <Typography.Title level={3}>{t('disclosure.register')}</Typography.Title>
      {cell ? (
        <DisclosureRegister link={link} />
      ) : (
        <Alert
          type="info"
          showIcon
          message={t('disclosure.pickCell')}
          action={<Link to={table}>{t('disclosure.openTable')}</Link>}
        />
      )}
    </>
  )
}
