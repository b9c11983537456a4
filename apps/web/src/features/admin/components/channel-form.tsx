/** The form of a new channel (code, Chinese and English names, intake) or of a rename (names only). */
import { CHANNEL_INTAKES, type CreateChannelInput } from '@desk/domain'
import { Button, Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = {
  mode: 'create' | 'rename'
  initial?: Partial<CreateChannelInput>
  isSaving: boolean
  onSubmit: (values: CreateChannelInput) => void
}

export function ChannelForm({ mode, initial, isSaving, onSubmit }: Props) {
  const { t } = useTranslation()
  const required = { required: true, message: t('admin.required') }
  return (
    <Form<CreateChannelInput>
      layout="vertical"
      initialValues={{ intake: 'api', ...initial }}
      onFinish={onSubmit}
    >
      {mode === 'create' && (
        <Form.Item
          label={t('admin.channels.code')}
          name="code"
          extra={t('admin.channels.codeHint')}
          rules={[
            required,
            { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('admin.channels.codeHint') },
          ]}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item label={t('admin.channels.nameZh')} name="nameZh" rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('admin.channels.nameEn')} name="nameEn" rules={[required]}>
        <Input />
      </Form.Item>
      {mode === 'create' && (
        <Form.Item label={t('admin.channels.intake')} name="intake" rules={[required]}>
          <Select
            options={CHANNEL_INTAKES.map((i) => ({ value: i, label: t(`admin.intake.${i}`) }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('admin.save')}
      </Button>
    </Form>
  )
}
