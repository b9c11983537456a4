/** /proposals/new (managers): registering one suggestion or proposal by hand; then its year's register. */
import { App, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ProposalEntryForm } from '../../features/proposals/components/proposal-entry-form.tsx'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  return (
    <>
      <Typography.Title level={3}>{t('proposals.entry.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('proposals.entry.hint')}{' '}
        {/* underlined: in grey text its colour alone does not set it apart (axe link-in-text-block) */}
        <Link to="/proposals" style={{ textDecoration: 'underline' }}>
          {t('proposals.title')}
        </Link>
      </Typography.Paragraph>
      <ProposalEntryForm
        onCreated={({ assignedOn }) => {
          void message.success(t('proposals.entry.created'))
          void navigate(`/proposals/${assignedOn.slice(0, 4)}`)
        }}
      />
    </>
  )
}
