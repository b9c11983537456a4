/** /admin/templates (managers): reply templates with placeholders and a preview. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { TemplatesAdmin } from '../../features/admin-config/components/templates-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.templates.title')}</Typography.Title>
      <TemplatesAdmin />
    </>
  )
}
