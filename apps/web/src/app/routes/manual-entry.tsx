/** /intake/manual (all staff): log a phone consultation, letter or visit. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ManualEntryForm } from '../../features/manual-entry/components/manual-entry-form.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('manualEntry.title')}</Typography.Title>
      <ManualEntryForm />
    </>
  )
}
