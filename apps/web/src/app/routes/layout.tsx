/**
 * The signed-in frame: the menu of the user's role (MENU), the user's name and role, the link to
 * change one's password, the language switch and logout. The page renders in the <Outlet />.
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Layout, Menu, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { useLogout } from '../../features/auth/api/use-session-actions.ts'
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx'
import { PASSWORD_PATH, sessionQueries } from '../../lib/session.ts'
import { CONFIG_PAGES } from '../../features/admin-config/config-pages.ts'
import './layout.css'
import { hasRole, type UserRole } from '@desk/domain'
import type { MenuProps } from 'antd'

/**
 * The menu, each entry for the roles that may open it (domain `hasRole`: a manager's page is an
 * admin's too). The separated administrators (三员分立) see only their own: the auditor the audit
 * log, the security admin the accounts.
 */
const MENU: readonly { key: string; label: string; roles: readonly UserRole[] }[] = [
  { key: '/queue', label: 'nav.queue', roles: ['responder'] },
  { key: '/intake/manual', label: 'manualEntry.nav', roles: ['responder'] },
  { key: '/imports', label: 'imports.nav', roles: ['responder'] },
  { key: '/dashboard', label: 'dashboard.nav', roles: ['manager'] },
  { key: '/reports', label: 'reports.nav', roles: ['manager'] },
  { key: '/reports/annual', label: 'annualReport.nav', roles: ['manager'] },
  { key: '/reports/disclosure', label: 'disclosure.nav', roles: ['manager'] },
  { key: '/digest', label: 'deadlines.nav.digest', roles: ['manager'] },
  { key: '/deadlines/extensions', label: 'deadlines.nav.extensions', roles: ['manager'] },
  { key: '/admin/channels', label: 'nav.channels', roles: ['admin'] },
  { key: '/admin/users', label: 'nav.users', roles: ['admin', 'security_admin'] },
  { key: '/audit', label: 'nav.audit', roles: ['auditor'] },
]

/**
 * A menu entry's link, out of the tab order: the menu itself is the keyboard stop (arrow keys,
 * Enter navigates through `onClick`), and the entries antd hides when the menu overflows are
 * aria-hidden, which must hold nothing focusable (axe aria-hidden-focus). The link stays for
 * the mouse: a middle click opens the page in a new tab.
 */
function MenuLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} tabIndex={-1}>
      {label}
    </Link>
  )
}

export function Component() {
  const { t } = useTranslation()
  const { data: user } = useQuery(sessionQueries.me())
  const logout = useLogout()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const items = MENU.filter((m) => user && m.roles.some((r) => hasRole(user.role, r))).map((m) => ({
    key: m.key,
    label: <MenuLink to={m.key} label={t(m.label)} />,
  }))
  // configuration pages (departments, templates, calendar …) in one submenu, by role
  const configItems = CONFIG_PAGES.filter((p) => user && hasRole(user.role, p.role)).map((p) => ({
    key: p.path,
    label: <MenuLink to={p.path} label={t(p.label)} />,
  }))
  const menuItems: MenuProps['items'] =
    configItems.length > 0
      ? [...items, { key: 'config', label: t('adminConfig.nav.title'), children: configItems }]
      : items
  // the longest key prefixing the path: /reports/annual/2017 selects 年度报告, not 年度统计
  const selected =
    [...MENU].sort((a, b) => b.key.length - a.key.length).find((m) => pathname.startsWith(m.key))
      ?.key ??
    CONFIG_PAGES.find((p) => pathname.startsWith(p.path))?.path ??
    ''

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="desk-header"
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff' }}
      >
        <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={menuItems}
          style={{ flex: 1, minWidth: 0 }}
          // a click on the link navigates by itself; Enter on a menu entry arrives here
          onClick={({ key, domEvent }) => {
            if (!(domEvent.target instanceof Element && domEvent.target.closest('a')))
              void navigate(key)
          }}
        />
        <Flex align="center" gap={8}>
          {user && (
            <span className="desk-header-user">
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{user.displayName}</Typography.Text>{' '}
              <Tag>{t(`roles.${user.role}`)}</Tag>
            </span>
          )}
          {user && hasRole(user.role, 'responder') && <NotificationBell />}
          <Link to={PASSWORD_PATH}>{t('account.password.nav')}</Link>
          <LanguageSwitch />
          <Button
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
          >
            {t('nav.logout')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  )
}
