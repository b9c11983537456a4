/**
 * After sending: the tracking number, large, with a copy button and a link to the tracking page
 * (the number filled in). Focus moves to the heading so a screen reader announces the result.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MailboxReceipt as Receipt } from '../api/mailbox-queries.ts'
import { copyText } from './copy-text.ts'

export function MailboxReceipt({
  receipt,
  onAnother,
}: {
  receipt: Receipt
  onAnother: () => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="mb-card" aria-labelledby="mb-receipt-title">
      <h1 id="mb-receipt-title" ref={heading} tabIndex={-1}>
        {t('mailbox.receipt.title')}
      </h1>
      <p>{t('mailbox.receipt.number')}</p>
      <strong className="mb-number" data-testid="tracking-number">
        {receipt.trackingNumber}
      </strong>
      <p>{t('mailbox.receipt.keep')}</p>
      <div className="mb-actions">
        <button
          type="button"
          className="mb-button"
          onClick={() =>
            void copyText(receipt.trackingNumber).then((ok) =>
              setCopyState(ok ? 'copied' : 'failed'),
            )
          }
        >
          {t('mailbox.receipt.copy')}
        </button>
        <Link
          className="mb-button mb-button-secondary"
          to={`/mailbox/track?no=${encodeURIComponent(receipt.trackingNumber)}`}
        >
          {t('mailbox.receipt.track')}
        </Link>
        <button type="button" className="mb-button mb-button-secondary" onClick={onAnother}>
          {t('mailbox.receipt.another')}
        </button>
      </div>
      <p role="status">
        {copyState === 'copied' && t('mailbox.receipt.copied')}
        {copyState === 'failed' && t('mailbox.receipt.copyFailed')}
      </p>
    </section>
  )
}
