/**
 * Channel administration: the list (code, names, intake, active), add, rename, deactivate /
 * activate, and API tokens. A deactivated channel keeps its inquiries; it only stops intake.
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Modal, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channelQueries, type Channel } from '../../../lib/channels.ts'
import { useCreateChannel, useUpdateChannel } from '../api/admin-queries.ts'
import { ChannelForm } from './channel-form.tsx'
import { TokenDialog } from './token-dialog.tsx'

type Dialog =
  { kind: 'create' } | { kind: 'rename'; channel: Channel } | { kind: 'token'; code: string } | null

export function ChannelsAdmin() {
  const { t } = useTranslation()
  const channels = useQuery(channelQueries.list())
  const create = useCreateChannel()
  const update = useUpdateChannel()
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  const columns: TableColumnsType<Channel> = [
    { key: 'code', title: t('admin.channels.code'), dataIndex: 'code' },
    { key: 'nameZh', title: t('admin.channels.nameZh'), dataIndex: 'nameZh' },
    { key: 'nameEn', title: t('admin.channels.nameEn'), dataIndex: 'nameEn' },
    {
      key: 'intake',
      title: t('admin.channels.intake'),
      render: (_, c) => t(`admin.intake.${c.intake}`),
    },
    {
      key: 'active',
      title: t('admin.channels.active'),
      render: (_, c) =>
        c.isActive ? (
          <Tag color="green">{t('admin.channels.isActive')}</Tag>
        ) : (
          <Tag>{t('admin.channels.isInactive')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_, c) => (
        <Space wrap>
          <Button size="small" onClick={() => setDialog({ kind: 'rename', channel: c })}>
            {t('admin.channels.rename')}
          </Button>
          <Button
            size="small"
            danger={c.isActive}
            loading={update.isPending && update.variables.code === c.code}
            onClick={() => update.mutate({ code: c.code, patch: { isActive: !c.isActive } })}
          >
            {c.isActive ? t('admin.channels.deactivate') : t('admin.channels.activate')}
          </Button>
          <Button size="small" onClick={() => setDialog({ kind: 'token', code: c.code })}>
            {t('admin.channels.token')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Button
        type="primary"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setDialog({ kind: 'create' })}
      >
        {t('admin.channels.add')}
      </Button>
      <Table<Channel>
        rowKey="code"
        columns={columns}
        dataSource={channels.data ?? []}
        loading={channels.isPending}
        pagination={false}
      />
      {dialog?.kind === 'create' && (
        <Modal open title={t('admin.channels.add')} footer={null} onCancel={close} destroyOnHidden>
          <ChannelForm
            mode="create"
            isSaving={create.isPending}
            onSubmit={(values) => create.mutate(values, { onSuccess: close })}
          />
        </Modal>
      )}
      {dialog?.kind === 'rename' && (
        <Modal
          open
          title={t('admin.channels.rename')}
          footer={null}
          onCancel={close}
          destroyOnHidden
        >
          <ChannelForm
            mode="rename"
            initial={dialog.channel}
            isSaving={update.isPending}
            onSubmit={({ nameZh, nameEn }) =>
              update.mutate(
                { code: dialog.channel.code, patch: { nameZh, nameEn } },
                { onSuccess: close },
              )
            }
          />
        </Modal>
      )}
      {dialog?.kind === 'token' && <TokenDialog code={dialog.code} onClose={close} />}
    </Flex>
  )
}
