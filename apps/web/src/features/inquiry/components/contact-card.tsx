/**
 * The contact of whoever wrote in, masked until the user presses "reveal" (the API records who
 * looked); titled by the inquiry's kind (a proposal's deputy, a disclosure request's applicant).
 */
import { Button, Card, Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import type { InquiryView } from '../api/inquiry-queries.ts'
import { useRevealContact } from '../api/use-inquiry-action.ts'

type Props = { id: number; kind: string | undefined; masked: InquiryView['contact'] }

export function ContactCard({ id, kind, masked }: Props) {
  const { t } = useTranslation()
  const reveal = useRevealContact(id)
  const contact = reveal.data ?? masked
  const hasContact = Boolean(masked.name ?? masked.phone ?? masked.email)
  return (
    <Card
      title={t('inquiry.contact.title', { context: kind })}
      size="small"
      extra={
        hasContact &&
        !reveal.data && (
          <Button size="small" onClick={() => reveal.mutate()} loading={reveal.isPending}>
            {t('inquiry.contact.reveal')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('inquiry.contact.name'), children: contact.name ?? '—' },
          { key: 'phone', label: t('inquiry.contact.phone'), children: contact.phone ?? '—' },
          { key: 'email', label: t('inquiry.contact.email'), children: contact.email ?? '—' },
        ]}
      />
    </Card>
  )
}
