/** /admin/channels (admin only; the router's loader checks the role, the API checks it again). */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ChannelsAdmin } from '../../features/admin/components/channels-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('admin.channels.title')}</Typography.Title>
      <ChannelsAdmin />
    </>
  )
}
