/** /admin/users (admin only; the router's loader checks the role, the API checks it again). */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { UsersAdmin } from '../../features/admin/components/users-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('admin.users.title')}</Typography.Title>
      <UsersAdmin />
    </>
  )
}
