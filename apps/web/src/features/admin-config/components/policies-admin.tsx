/**
 * Deadline policies: per kind, channel (or any) and category (or any) and receipt-date validity,
 * the rule in words (e.g. "3 个工作日"), start, due-by time, extension and legal source. An admin
 * adds a policy or edits one's rule in a dialog (one form for both). A policy applies to inquiries
 * received afterwards (open ones keep their rule).
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Modal, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import {
  policyQueries,
  useCreatePolicy,
  useUpdatePolicy,
  type DeadlinePolicyRow,
} from '../api/policies-queries.ts'
import { PolicyForm } from './policy-form.tsx'
import { rulePatch } from './policy-values.ts'

/** The open dialog: a new policy, or the policy being edited. */
type Dialog = { mode: 'create' } | { mode: 'edit'; policy: DeadlinePolicyRow }

export function PoliciesAdmin() {
  const { t, i18n } = useTranslation()
  const policies = useQuery(policyQueries.list())
  const channels = useQuery(channelQueries.list())
  const create = useCreatePolicy()
  const update = useUpdatePolicy()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const any = <Typography.Text type="secondary">{t('adminConfig.common.any')}</Typography.Text>
  const nameOf = (code: string) => {
    const c = channels.data?.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }
  const validity = (p: DeadlinePolicyRow) =>
    [
      p.validFrom && t('adminConfig.policies.validFrom', { date: p.validFrom }),
      p.validUntil && t('adminConfig.policies.validUntil', { date: p.validUntil }),
    ]
      .filter(Boolean)
      .join(' ') || t('adminConfig.policies.always')
  const close = () => {
    setDialog(null)
    create.reset()
    update.reset()
  }

  const columns: TableColumnsType<DeadlinePolicyRow> = [
    {
      key: 'kind',
      title: t('adminConfig.policies.kind'),
      render: (_, p) => t(`adminConfig.policies.kinds.${p.kind}`),
    },
    {
      key: 'channel',
      title: t('adminConfig.policies.channel'),
      render: (_, p) => (p.channelCode ? nameOf(p.channelCode) : any),
    },
    {
      key: 'category',
      title: t('adminConfig.policies.category'),
      render: (_, p) => p.category ?? any,
    },
    { key: 'validity', title: t('adminConfig.policies.validity'), render: (_, p) => validity(p) },
    {
      key: 'rule',
      title: t('adminConfig.policies.rule'),
      render: (_, p) => t(`adminConfig.policies.rules.${p.rule}`, { n: p.amount }),
    },
    {
      key: 'start',
      title: t('adminConfig.policies.start'),
      render: (_, p) => t(`adminConfig.policies.starts.${p.start}`),
    },
    {
      key: 'endOfDay',
      title: t('adminConfig.policies.endOfDay'),
      render: (_, p) =>
        p.rule === 'hours' ? '—' : (p.endOfDay ?? t('adminConfig.policies.endOfDayNone')),
    },
    {
      key: 'extension',
      title: t('adminConfig.policies.extension'),
      render: (_, p) =>
        p.extensionAmount === null
          ? t('adminConfig.policies.extensionNone')
          : t(`adminConfig.policies.rules.${p.rule}`, { n: p.extensionAmount }),
    },
    { key: 'source', title: t('adminConfig.policies.source'), dataIndex: 'source', width: 280 },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, p) => (
        <Button
          size="small"
          aria-label={`${t('adminConfig.common.edit')} #${p.id}`}
          onClick={() => setDialog({ mode: 'edit', policy: p })}
        >
          {t('adminConfig.common.edit')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <Button
        type="primary"
        style={{ marginBottom: 16 }}
        onClick={() => setDialog({ mode: 'create' })}
      >
        {t('adminConfig.policies.create')}
      </Button>
      <Table<DeadlinePolicyRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={policies.data ?? []}
        loading={policies.isPending}
        pagination={false}
      />
      {dialog && (
        <Modal
          open
          width={640}
          title={
            dialog.mode === 'edit'
              ? t('adminConfig.policies.editTitle', { id: dialog.policy.id })
              : t('adminConfig.policies.createTitle')
          }
          footer={null}
          onCancel={close}
          destroyOnHidden
        >
          {dialog.mode === 'edit' ? (
            <PolicyForm
              policy={dialog.policy}
              existing={policies.data ?? []}
              isSaving={update.isPending}
              onSubmit={(p) =>
                update.mutateAsync({ id: dialog.policy.id, patch: rulePatch(p) }).then(close)
              }
            />
          ) : (
            <PolicyForm
              existing={policies.data ?? []}
              isSaving={create.isPending}
              onSubmit={(p) => create.mutateAsync(p).then(close)}
            />
          )}
        </Modal>
      )}
    </>
  )
}
