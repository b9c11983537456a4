/** /admin/deadlines (admin): deadline policies per channel, category and kind. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { PoliciesAdmin } from '../../features/admin-config/components/policies-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.policies.title')}</Typography.Title>
      <PoliciesAdmin />
    </>
  )
}
