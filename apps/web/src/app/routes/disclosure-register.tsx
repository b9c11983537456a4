/** /reports/disclosure/register?year&row&column (or review&column): the requests one table cell counts. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { DisclosureRegister } from '../../features/disclosure/components/disclosure-register.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const link = Object.fromEntries(params.entries())
  return (
    <>
      <Link to={`/reports/disclosure/${link.year ?? ''}`}>{t('disclosure.backToTable')}</Link>
      <Typography.Title level={3}>{t('disclosure.register')}</Typography.Title>
      <DisclosureRegister link={link} />
    </>
  )
}
