/** Fallback for an error thrown while loading or rendering a route (no antd: it may be what failed). */
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'

export function RouteError() {
  const error = useRouteError()
  const { t } = useTranslation()
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error)
  return (
    <div role="alert" style={{ padding: 32 }}>
      <h1>{t('app.routeError')}</h1>
      <p>{detail}</p>
      <a href="/queue">{t('app.backToQueue')}</a>
    </div>
  )
}
