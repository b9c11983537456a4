/**
 * What a citizen sees of their message: status (已受理/办理中/已答复/已办结), times, the reply text,
 * their later messages, the files (theirs and the reply's) and a form to add a message.
 */
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import type { TrackedMessage } from '../api/mailbox-queries.ts'
import { MoreForm } from './more-form.tsx'

type Props = { message: TrackedMessage; phone: string; onChanged: () => void }

export function TrackResult({ message, phone, onChanged }: Props) {
  const { t } = useTranslation()
  return (
    <>
      <section className="mb-card" aria-labelledby="mb-result-title" aria-live="polite">
        <h2 id="mb-result-title">{t('mailbox.track.result')}</h2>
        <dl className="mb-facts">
          <dt>{t('mailbox.fields.trackingNumber')}</dt>
          <dd>{message.trackingNumber}</dd>
          <dt>{t('mailbox.track.subject')}</dt>
          <dd>{message.subject}</dd>
          <dt>{t('mailbox.track.receivedAt')}</dt>
          <dd>{formatDateTime(message.receivedAt)}</dd>
          <dt>{t('mailbox.track.status')}</dt>
          <dd>
            <span className="mb-status">{t(`mailbox.status.${message.status}`)}</span>
          </dd>
          {message.reply ? (
            <>
              <dt>{t('mailbox.track.repliedAt')}</dt>
              <dd>{formatDateTime(message.reply.at)}</dd>
              <dt>{t('mailbox.track.reply')}</dt>
              <dd>
                <p className="mb-reply">{message.reply.body}</p>
              </dd>
            </>
          ) : (
            <>
              <dt>{t('mailbox.track.reply')}</dt>
              <dd>{t('mailbox.track.noReply')}</dd>
            </>
          )}
          {message.messages.length > 0 && (
            <>
              <dt>{t('mailbox.track.messages')}</dt>
              <dd>
                <ul className="mb-messages">
                  {message.messages.map((m, i) => (
                    <li key={i}>
                      <span className="mb-hint">{formatDateTime(m.at)}</span>
                      <p className="mb-reply">{m.body}</p>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {message.files.length > 0 && (
            <>
              <dt>{t('attachments.citizenFiles')}</dt>
              <dd>
                <ul className="mb-files">
                  {message.files.map((f) => (
                    <li key={f.url}>
                      <a href={f.url} download>
                        {f.name}
                      </a>
                      {f.fromDesk && (
                        <span className="mb-status">{t('attachments.fromDeskReply')}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>
      <MoreForm trackingNumber={message.trackingNumber} phone={phone} onSent={onChanged} />
    </>
  )
}
