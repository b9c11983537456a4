/** /deadlines/extensions (managers): pending extension requests with approve / reject. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ExtensionRequests } from '../../features/inquiry/components/extension-requests.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('deadlines.extensionsPage.title')}</Typography.Title>
      <ExtensionRequests />
    </>
  )
}
