/** /audit (audit administrator only; the router's loader checks the role, the API checks it again). */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AuditLog } from '../../features/audit/components/audit-log.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <AuditLog />
    </>
  )
}
