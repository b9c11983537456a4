/**
 * Export buttons for the queue page (managers and admins; nothing for responders): the queue's
 * current filter as CSV or XLSX, one row per inquiry, personal data masked. "Include personal
 * data" asks for confirmation first, since the API records such an export (reveal=1) as an event
 * on every inquiry in it.
 */
import { useQuery } from '@tanstack/react-query'
import { App, Button, Checkbox, Flex } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sessionQueries } from '../../../lib/session.ts'
import { exportFileHref } from '../api/reports-queries.ts'

/** `filter`: the queue's `GET /api/inquiries` query (channel included), as strings. */
export function QueueExport({ filter }: { filter: Record<string, string> }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const { data: user } = useQuery(sessionQueries.me())
  const [isRevealed, setRevealed] = useState(false)
  if (!user || user.role === 'responder') return null

  const askReveal = (checked: boolean) => {
    if (!checked) return setRevealed(false)
    modal.confirm({
      title: t('reports.export.confirmTitle'),
      content: t('reports.export.confirmText'),
      okText: t('reports.export.confirmOk'),
      cancelText: t('reports.export.cancel'),
      onOk: () => setRevealed(true),
    })
  }
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
      <Button href={exportFileHref(filter, 'csv', isRevealed)} download>
        {t('reports.export.csv')}
      </Button>
      <Button href={exportFileHref(filter, 'xlsx', isRevealed)} download>
        {t('reports.export.xlsx')}
      </Button>
      <Checkbox checked={isRevealed} onChange={(e) => askReveal(e.target.checked)}>
        {t('reports.export.reveal')}
      </Checkbox>
    </Flex>
  )
}
