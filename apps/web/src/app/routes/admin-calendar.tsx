/** /admin/calendar (admin): the working-day calendar, its years, dates and uploads. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { CalendarAdmin } from '../../features/admin-config/components/calendar-admin.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('adminConfig.calendar.title')}</Typography.Title>
      <CalendarAdmin />
    </>
  )
}
