/** Any unknown path inside the app. */
import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function Component() {
  const { t } = useTranslation()
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={<Link to="/queue">{t('app.backToQueue')}</Link>}
    />
  )
}
