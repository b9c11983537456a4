/**
 * Creates an API token for a channel. The token is shown once (only its hash is kept), with a
 * copy button and a hint to store it now.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCreateChannelToken } from '../api/admin-queries.ts'

export function TokenDialog({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateChannelToken()
  return (
    <Modal
      open
      title={t('admin.tokens.title', { code })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {create.data ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('admin.tokens.once')}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph copyable={{ text: create.data.token }} code>
            {create.data.token}
          </Typography.Paragraph>
          <Button onClick={onClose}>{t('admin.done')}</Button>
        </>
      ) : (
        <Form<{ name: string }>
          layout="vertical"
          onFinish={({ name }) => create.mutate({ code, name })}
        >
          <Form.Item
            label={t('admin.tokens.name')}
            name="name"
            extra={t('admin.tokens.nameHint')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('admin.tokens.create')}
          </Button>
        </Form>
      )}
    </Modal>
  )
}
