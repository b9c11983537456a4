/**
 * Change one's own password: the current one, the new one twice. The rules are named above the
 * fields; a wrong current password or a new one the policy refuses is shown under its field.
 * `reason` (a reset or an expired password) explains why the user was sent here.
 */
import type { PasswordChangeReason } from '@desk/domain'
import { Alert, Button, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { fieldErrorsFromApi } from '../../../lib/field-errors.ts'
import { useChangePassword } from '../api/account-queries.ts'

type Values = { currentPassword: string; password: string; confirm: string }

export function ChangePasswordForm({
  reason,
  onChanged,
}: {
  reason: PasswordChangeReason | null
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const change = useChangePassword()
  const apiErrors = fieldErrorsFromApi('account.password', change.error)
  const fieldError = (field: 'currentPassword' | 'password') => {
    const e = apiErrors[field]
    return e ? { validateStatus: 'error' as const, help: t(e.key) } : {}
  }
  const required = (message: string) => ({ required: true, message })
  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      onFinish={({ currentPassword, password }) =>
        change.mutate({ currentPassword, password }, { onSuccess: onChanged })
      }
    >
      {reason && (
        <Alert
          type="warning"
          showIcon
          title={t(`account.password.reason.${reason}`)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Paragraph type="secondary">{t('account.password.rules')}</Typography.Paragraph>
      <Form.Item
        label={t('account.password.current')}
        name="currentPassword"
        rules={[required(t('account.password.required.currentPassword'))]}
        {...fieldError('currentPassword')}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('account.password.new')}
        name="password"
        rules={[required(t('account.password.required.password'))]}
        {...fieldError('password')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('account.password.confirm')}
        name="confirm"
        dependencies={['password']}
        rules={[
          required(t('account.password.required.confirm')),
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t('account.password.submit')}
      </Button>
    </Form>
  )
}
