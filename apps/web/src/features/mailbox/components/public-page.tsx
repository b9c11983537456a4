/**
 * The frame of the public mailbox pages, outside the staff layout: a header with the mailbox's
 * name and links between writing and tracking, one <main> holding the page. Plain HTML and the
 * small stylesheet beside it, so a citizen's phone loads no staff UI.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import './mailbox.css'

export function PublicPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="mb-page">
      <header className="mb-header">
        <p className="mb-bureau">{t('mailbox.bureau')}</p>
        <nav aria-label={t('mailbox.bureau')}>
          <NavLink to="/mailbox" end>
            {t('mailbox.track.write')}
          </NavLink>
          <NavLink to="/mailbox/track">{t('mailbox.track.title')}</NavLink>
        </nav>
      </header>
      <main className="mb-main">{children}</main>
    </div>
  )
}
