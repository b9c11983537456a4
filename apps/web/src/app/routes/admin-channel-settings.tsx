/** /admin/channel-settings (admin): sign-off and webhook per channel. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ChannelSettingsAdmin } from '../../features/admin-config/components/channel-settings-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.channelSettings.title')}</Typography.Title>
      <ChannelSettingsAdmin />
    </>
  )
}
