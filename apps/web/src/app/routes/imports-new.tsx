/** /imports/new (all staff): the import wizard. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ImportWizard } from '../../features/imports/components/import-wizard.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('imports.newTitle')}</Typography.Title>
      <ImportWizard />
    </>
  )
}
