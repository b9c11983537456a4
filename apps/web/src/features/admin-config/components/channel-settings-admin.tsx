/** Sign-off and webhook per channel: the table, and a dialog to change one channel. */
import { useQuery } from '@tanstack/react-query'
import { App, Button, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import {
  channelSettingsQueries,
  useUpdateChannelSettings,
  type ChannelSettingsView,
} from '../api/channel-settings-queries.ts'
import { ChannelSettingsForm } from './channel-settings-form.tsx'

export function ChannelSettingsAdmin() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const settings = useQuery(channelSettingsQueries.list())
  const channels = useQuery(channelQueries.list())
  const update = useUpdateChannelSettings()
  const [editing, setEditing] = useState<ChannelSettingsView | null>(null)
  const nameOf = (code: string) => {
    const c = channels.data?.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }
  const close = () => {
    setEditing(null)
    update.reset()
  }

  const columns: TableColumnsType<ChannelSettingsView> = [
    {
      key: 'channel',
      title: t('adminConfig.channelSettings.channel'),
      render: (_, s) => nameOf(s.channel),
    },
    {
      key: 'signOff',
      title: t('adminConfig.channelSettings.signOff'),
      render: (_, s) =>
        s.requiresSignOff ? (
          <Tag color="blue">{t('adminConfig.common.active')}</Tag>
        ) : (
          <Tag>{t('adminConfig.common.none')}</Tag>
        ),
    },
    {
      key: 'webhook',
      title: t('adminConfig.channelSettings.webhook'),
      render: (_, s) =>
        s.webhookUrl ?? (
          <Typography.Text type="secondary">
            {t('adminConfig.channelSettings.noWebhook')}
          </Typography.Text>
        ),
    },
    {
      key: 'secret',
      title: t('adminConfig.channelSettings.secret'),
      render: (_, s) =>
        s.hasWebhookSecret ? (
          <Tag color="green">{t('adminConfig.channelSettings.secretSet')}</Tag>
        ) : (
          <Tag>{t('adminConfig.channelSettings.secretNotSet')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, s) => (
        <Button
          size="small"
          aria-label={`${t('adminConfig.common.edit')} ${nameOf(s.channel)}`}
          onClick={() => setEditing(s)}
        >
          {t('adminConfig.common.edit')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <Table<ChannelSettingsView>
        rowKey="channel"
        size="small"
        columns={columns}
        dataSource={settings.data ?? []}
        loading={settings.isPending}
        pagination={false}
      />
      {editing && (
        <Modal
          open
          title={t('adminConfig.channelSettings.editTitle', { name: nameOf(editing.channel) })}
          footer={null}
          onCancel={close}
          destroyOnHidden
        >
          <ChannelSettingsForm
            current={editing}
            isSaving={update.isPending}
            error={update.error}
            onSubmit={(patch) =>
              update.mutate(
                { code: editing.channel, patch },
                {
                  onSuccess: ({ warnings }) => {
                    close()
                    // a host the desk cannot resolve is saved; the admin should know delivery may fail
                    for (const w of warnings)
                      void message.warning(
                        t('adminConfig.channelSettings.webhookUnresolved', { host: w.host }),
                      )
                  },
                },
              )
            }
          />
        </Modal>
      )}
    </>
  )
}
