/** The sign-in form: username and password; a failed sign-in is shown above the button. */
import type { LoginInput } from '@desk/domain'
import { Alert, Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'
import { useLogin } from '../api/use-session-actions.ts'

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation()
  const login = useLogin()
  const failure = login.error
    ? isApiError(login.error, 401)
      ? t('login.failed')
      : errorText(login.error)
    : null

  return (
    <Form<LoginInput>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess: onSignedIn })}
    >
      <Form.Item
        label={t('login.username')}
        name="username"
        rules={[{ required: true, message: t('login.usernameRequired') }]}
      >
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  )
}
