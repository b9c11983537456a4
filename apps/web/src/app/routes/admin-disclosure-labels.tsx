/** /admin/disclosure-labels (admin): the national table's outcome labels as this desk prints them. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { OutcomeLabelsAdmin } from '../../features/disclosure/components/outcome-labels-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('disclosure.labels.title')}</Typography.Title>
      <OutcomeLabelsAdmin />
    </>
  )
}
