/** /mailbox/track (public, no login): status and reply by tracking number + phone; `?no=` fills the number. */
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PublicPage } from '../../features/mailbox/components/public-page.tsx'
import { TrackForm } from '../../features/mailbox/components/track-form.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  return (
    <PublicPage>
      <title>{t('mailbox.track.title')}</title>
      <TrackForm initialNumber={params.get('no') ?? ''} />
    </PublicPage>
  )
}
