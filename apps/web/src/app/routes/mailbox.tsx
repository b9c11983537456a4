/**
 * /mailbox (public, no login): a citizen writes to the director; after sending, the receipt with
 * the tracking number. "Write another" mounts a fresh form, hence a fresh idempotency key.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailboxReceipt as Receipt } from '../../features/mailbox/api/mailbox-queries.ts'
import { MailboxForm } from '../../features/mailbox/components/mailbox-form.tsx'
import { MailboxReceipt } from '../../features/mailbox/components/mailbox-receipt.tsx'
import { PublicPage } from '../../features/mailbox/components/public-page.tsx'

export function Component() {
  const { t } = useTranslation()
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  const [round, setRound] = useState(0)
  return (
    <PublicPage>
      <title>{t('mailbox.title')}</title>
      {receipt ? (
        <MailboxReceipt
          receipt={receipt}
          onAnother={() => {
            setReceipt(null)
            setRound((r) => r + 1)
          }}
        />
      ) : (
        <MailboxForm key={round} onSent={setReceipt} />
      )}
    </PublicPage>
  )
}
