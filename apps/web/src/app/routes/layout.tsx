/**
 * The signed-in frame: menu (queue; for managers and admins also the dashboard, the yearly tally, the
 * annual report and the disclosure table; for admins
 * also channels and users), the user's name and role, the language switch and logout. The page renders in the <Outlet />.
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Layout, Menu, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { useLogout } from '../../features/auth/api/use-session-actions.ts'
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx'
import { sessionQueries } from '../../lib/session.ts'
import { CONFIG_PAGES } from '../../features/admin-config/config-pages.ts'
import './layout.css'
import { hasRole } from '@desk/domain'
import type { MenuProps } from 'antd'

const MENU = [
  { key: '/queue', label: 'nav.queue', admin: false },
  { key: '/intake/manual', label: 'manualEntry.nav', admin: false },
  { key: '/imports', label: 'imports.nav', admin: false },
  { key: '/dashboard', label: 'dashboard.nav', admin: false, manager: true },
  { key: '/reports', label: 'reports.nav', admin: false, manager: true },
  { key: '/reports/annual', label: 'annualReport.nav', admin: false, manager: true },
  { key: '/reports/disclosure', label: 'disclosure.nav', admin: false, manager: true },
  { key: '/digest', label: 'deadlines.nav.digest', admin: false, manager: true },
  { key: '/deadlines/extensions', label: 'deadlines.nav.extensions', admin: false, manager: true },
  { key: '/admin/channels', label: 'nav.channels', admin: true },
  { key: '/admin/users', label: 'nav.users', admin: true },
] as const

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
  const isManager = user?.role === 'manager' || user?.role === 'admin'
  const items = MENU.filter(
    (m) => (!m.admin || user?.role === 'admin') && (!('manager' in m) || isManager),
  ).map((m) => ({
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
    '/queue'

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
          <NotificationBell />
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
