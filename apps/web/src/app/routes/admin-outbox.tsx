/** /admin/outbox (managers): webhook deliveries with errors and retry. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { OutboxAdmin } from '../../features/admin-config/components/outbox-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.outbox.title')}</Typography.Title>
      <OutboxAdmin />
    </>
  )
}
