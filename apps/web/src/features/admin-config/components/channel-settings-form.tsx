/**
 * One channel's settings: sign-off, reopening on a citizen's later message, webhook URL and secret. The secret is write-only: the field
 * starts empty and an empty field keeps the stored secret; "stop delivery" clears URL and secret.
 * A 422 from the API (a URL without a secret) is shown beside the secret field.
 */
import type { ChannelSettingsInput } from '@desk/domain'
import { Alert, Button, Checkbox, Form, Input, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../../lib/error-text.ts'
import { fieldErrorsFromApi } from '../../../lib/field-errors.ts'
import type { ChannelSettingsView } from '../api/channel-settings-queries.ts'

type Values = {
  requiresSignOff: boolean
  reopenOnMessage: boolean
  webhookUrl: string
  webhookSecret: string
}
type Props = {
  current: ChannelSettingsView
  isSaving: boolean
  /** The last failed save, for its per-field 422 message. */
  error: unknown
  onSubmit: (patch: ChannelSettingsInput) => void
}

/** The patch for the form's values: absent secret = keep it; an empty URL = no webhook. */
export function toSettingsPatch(v: Values): ChannelSettingsInput {
  const url = v.webhookUrl.trim()
  const patch: ChannelSettingsInput = {
    requiresSignOff: v.requiresSignOff,
    reopenOnMessage: v.reopenOnMessage,
    webhookUrl: url || null,
  }
  if (!url) patch.webhookSecret = null
  else if (v.webhookSecret) patch.webhookSecret = v.webhookSecret
  return patch
}

export function ChannelSettingsForm({ current, isSaving, error, onSubmit }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const apiErrors = fieldErrorsFromApi('adminConfig.channelSettings', error)

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        requiresSignOff: current.requiresSignOff,
        reopenOnMessage: current.reopenOnMessage,
        webhookUrl: current.webhookUrl ?? '',
        webhookSecret: '',
      }}
      onFinish={(v) => onSubmit(toSettingsPatch(v))}
    >
      <Form.Item name="requiresSignOff" valuePropName="checked">
        <Checkbox>{t('adminConfig.channelSettings.signOff')}</Checkbox>
      </Form.Item>
      <Form.Item name="reopenOnMessage" valuePropName="checked">
        <Checkbox>{t('adminConfig.channelSettings.reopenOnMessage')}</Checkbox>
      </Form.Item>
      <Form.Item
        label={t('adminConfig.channelSettings.webhook')}
        name="webhookUrl"
        rules={[
          { type: 'url', message: t('adminConfig.channelSettings.urlInvalid') },
          { pattern: /^(https?:\/\/.*)?$/, message: t('adminConfig.channelSettings.urlInvalid') },
        ]}
      >
        <Input placeholder="https://" autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={
          <Space>
            {t('adminConfig.channelSettings.secret')}
            {current.hasWebhookSecret ? (
              <Tag color="green">{t('adminConfig.channelSettings.secretSet')}</Tag>
            ) : (
              <Tag>{t('adminConfig.channelSettings.secretNotSet')}</Tag>
            )}
          </Space>
        }
        name="webhookSecret"
        extra={t('adminConfig.channelSettings.secretHint')}
        validateStatus={apiErrors.webhookSecret ? 'error' : undefined}
        help={apiErrors.webhookSecret ? t('adminConfig.channelSettings.secretRequired') : undefined}
        rules={[{ min: 16, message: t('adminConfig.channelSettings.secretTooShort') }]}
      >
        <Input.Password
          autoComplete="new-password"
          placeholder={t(
            current.hasWebhookSecret
              ? 'adminConfig.channelSettings.secretKeep'
              : 'adminConfig.channelSettings.secretNew',
          )}
        />
      </Form.Item>
      {error !== null && !apiErrors.webhookSecret && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {t('adminConfig.common.save')}
        </Button>
        {current.webhookUrl !== null && (
          <Button danger onClick={() => onSubmit({ webhookUrl: null, webhookSecret: null })}>
            {t('adminConfig.channelSettings.removeWebhook')}
          </Button>
        )}
      </Space>
    </Form>
  )
}
