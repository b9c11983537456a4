/**
 * /account/password: change one's own password. Outside the staff layout: after a reset or on
 * expiry the router sends every page here until the password is changed (the API refuses the
 * rest meanwhile), so there is no menu to leave by, only sign-out. Afterwards the user goes on to
 * `?next=` (or their role's home page).
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { ChangePasswordForm } from '../../features/account/components/change-password-form.tsx'
import { useLogout } from '../../features/auth/api/use-session-actions.ts'
import { sessionQueries } from '../../lib/session.ts'
import { safeNext } from '../../utils/safe-next.ts'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const { data: user } = useQuery(sessionQueries.me())
  const logout = useLogout()
  const next = safeNext(params.get('next'))
  const forced = user?.passwordChange ?? null
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('account.password.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">
          {user
            ? t('account.password.who', { name: user.displayName, username: user.username })
            : null}
        </Typography.Paragraph>
        <ChangePasswordForm
          reason={forced}
          onChanged={() => void navigate(next, { replace: true })}
        />
        <Flex justify="space-between" style={{ marginTop: 16 }}>
          {forced ? <span /> : <Link to={next}>{t('account.password.back')}</Link>}
          <Button
            type="link"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
          >
            {t('nav.logout')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  )
}
