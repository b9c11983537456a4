/** /digest (managers): the daily deadline digest — due on the next working day and overdue, per responder. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DailyDigest } from '../../features/deadlines/components/daily-digest.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('deadlines.digest.title')}</Typography.Title>
      <DailyDigest />
    </>
  )
}
