/** /admin/return-reasons (admin): the return reasons a 退单 cites. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ReturnReasonsAdmin } from '../../features/admin-config/components/return-reasons-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.returnReasons.title')}</Typography.Title>
      <ReturnReasonsAdmin />
    </>
  )
}
