/**
 * Fallback for an error thrown while loading or rendering a route (no antd: it may be what
 * failed). A 403 from a page's role guard (router.tsx) says which role the page needs and which
 * the user has, instead of a silent redirect.
 */
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'

export function RouteError() {
  const error = useRouteError()
  const { t } = useTranslation()
  if (isRouteErrorResponse(error) && error.status === 403) {
    const { needs, role } = error.data as { needs: string; role: string }
    return (
      <div role="alert" style={{ padding: 32 }}>
        <h1>{t('app.forbidden')}</h1>
        <p>{t('app.forbiddenNeeds', { needs: t(`roles.${needs}`), role: t(`roles.${role}`) })}</p>
        <a href="/queue">{t('app.backToQueue')}</a>
      </div>
    )
  }
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error)
  return (
    <div role="alert" style={{ padding: 32 }}>
      <h1>{t('app.routeError')}</h1>
      <p>{detail}</p>
      <a href="/queue">{t('app.backToQueue')}</a>
    </div>
  )
}
