/**
 * Deadline policies: per kind, channel (or any) and category (or any) and receipt-date validity,
 * the rule in words (e.g. "3 个工作日"), start, due-by time, extension and legal source; edit one
 * in a dialog. A policy edit applies to inquiries received afterwards (open ones keep their rule).
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Modal, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { policyQueries, useUpdatePolicy, type DeadlinePolicyRow } from '../api/policies-queries.ts'
import { PolicyForm } from './policy-form.tsx'

export function PoliciesAdmin() {
  const { t, i18n } = useTranslation()
  const policies = useQuery(policyQueries.list())
  const channels = useQuery(channelQueries.list())
  const update = useUpdatePolicy()
  const [editing, setEditing] = useState<DeadlinePolicyRow | null>(null)
  const any = <Typography.Text type="secondary">{t('adminConfig.common.any')}</Typography.Text>
  const nameOf = (code: string) => {
    const c = channels.data?.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }
  const validity = (p: DeadlinePolicyRow) =>
    [p.validFrom && t('adminConfig.policies.validFrom', { date: p.validFrom }), p.validUntil && t('adminConfig.policies.validUntil', { date: p.validUntil })]
      .filter(Boolean)
      .join(' ') || t('adminConfig.policies.always')
  const close = () => {
    setEditing(null)
    update.reset()
  }

  const columns: TableColumnsType<DeadlinePolicyRow> = [
    { key: 'kind', title: t('adminConfig.policies.kind'), render: (_, p) => t(`adminConfig.policies.kinds.${p.kind}`) },
    { key: 'channel', title: t('adminConfig.policies.channel'), render: (_, p) => (p.channelCode ? nameOf(p.channelCode) : any) },
    { key: 'category', title: t('adminConfig.policies.category'), render: (_, p) => p.category ?? any },
    { key: 'validity', title: t('adminConfig.policies.validity'), render: (_, p) => validity(p) },
    { key: 'rule', title: t('adminConfig.policies.rule'), render: (_, p) => t(`adminConfig.policies.rules.${p.rule}`, { n: p.amount }) },
    { key: 'start', title: t('adminConfig.policies.start'), render: (_, p) => t(`adminConfig.policies.starts.${p.start}`) },
    {
      key: 'endOfDay',
      title: t('adminConfig.policies.endOfDay'),
      render: (_, p) => (p.rule === 'hours' ? '—' : (p.endOfDay ?? t('adminConfig.policies.endOfDayNone'))),
    },
    {
      key: 'extension',
      title: t('adminConfig.policies.extension'),
      render: (_, p) =>
        p.extensionAmount === null ? t('adminConfig.policies.extensionNone') : t(`adminConfig.policies.rules.${p.rule}`, { n: p.extensionAmount }),
    },
    { key: 'source', title: t('adminConfig.policies.source'), dataIndex: 'source', width: 280 },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, p) => (
        <Button size="small" aria-label={`${t('adminConfig.common.edit')} #${p.id}`} onClick={() => setEditing(p)}>
          {t('adminConfig.common.edit')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <Table<DeadlinePolicyRow> rowKey="id" size="small" columns={columns} dataSource={policies.data ?? []} loading={policies.isPending} pagination={false} />
      {editing && (
        <Modal open title={t('adminConfig.policies.editTitle', { id: editing.id })} footer={null} onCancel={close} destroyOnHidden>
          <PolicyForm policy={editing} isSaving={update.isPending} error={update.error} onSubmit={(patch) => update.mutate({ id: editing.id, patch }, { onSuccess: close })} />
        </Modal>
      )}
    </>
  )
}
