/** /disclosure/new: entering a disclosure request (依申请公开); opens it once saved. */
import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { DisclosureEntryForm } from '../../features/disclosure/components/disclosure-entry-form.tsx'
import { channelName, channelQueries } from '../../lib/channels.ts'

export function Component() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const channels = useQuery(channelQueries.list())
  const own = { value: 'ogi_request', label: t('disclosure.ownChannel') }
  const options = [
    own,
    ...(channels.data ?? [])
      .filter((c) => c.isActive && c.code !== own.value)
      .map((c) => ({ value: c.code, label: channelName(c, i18n.language) })),
  ]
  return (
    <>
      <Typography.Title level={3}>{t('disclosure.new')}</Typography.Title>
      <DisclosureEntryForm
        channels={options}
        onCreated={(id) => void navigate(`/inquiries/${id}`)}
      />
    </>
  )
}
