/** /login: the sign-in page; afterwards the user goes where they wanted to go (`?next=`). */
import { Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { LoginForm } from '../../features/auth/components/login-form.tsx'
import { safeNext } from '../../utils/safe-next.ts'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f5f5f5' }}
    >
      <Card style={{ width: 360 }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        <LoginForm
          onSignedIn={() => void navigate(safeNext(params.get('next')), { replace: true })}
        />
      </Card>
    </Flex>
  )
}
