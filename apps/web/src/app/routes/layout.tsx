/**
 * The signed-in frame: the menu of the user's role (MENU), the user's name and role, the link to
 * change one's password, the notification bell, the language switch and logout. The page renders
 * in the <Outlet />. On a phone (below antd's `md`, 768 px) the menu, the user, the password link
 * and logout move into a drawer opened by the ☰ button: a horizontal menu there folds into one
 * "…" that showed no page.
 */
import { MenuOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, Drawer, Flex, Grid, Layout, Menu, Tag, Typography } from 'antd'
import { useState } from 'react'
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

/** The menu's areas after the daily work: registers, statistics, management. */
type MenuGroup = 'registers' | 'stats' | 'manage'

/**
 * The menu, each entry for the roles that may open it (domain `hasRole`: a manager's page is an
 * admin's too). The separated administrators (三员分立) see only their own: the auditor the audit
 * log, the security admin the accounts. The daily work (queue, entry, imports) stays on the bar;
 * the other entries sit in one submenu per area, so a manager's or admin's menu fits 1440 px
 * without antd folding its last entries into "…". An area with one entry for the role is shown as
 * that entry.
 */
const MENU: readonly {
  key: string
  label: string
  roles: readonly UserRole[]
  group?: MenuGroup
}[] = [
  { key: '/queue', label: 'nav.queue', roles: ['responder'] },
  { key: '/intake/manual', label: 'manualEntry.nav', roles: ['responder'] },
  { key: '/imports', label: 'imports.nav', roles: ['responder'] },
  { key: '/proposals', label: 'proposals.nav', roles: ['manager'], group: 'registers' },
  { key: '/reports/disclosure', label: 'disclosure.nav', roles: ['manager'], group: 'registers' },
  { key: '/dashboard', label: 'dashboard.nav', roles: ['manager'], group: 'stats' },
  { key: '/reports', label: 'reports.nav', roles: ['manager'], group: 'stats' },
  { key: '/reports/annual', label: 'annualReport.nav', roles: ['manager'], group: 'stats' },
  { key: '/digest', label: 'deadlines.nav.digest', roles: ['manager'], group: 'manage' },
  {
    key: '/deadlines/extensions',
    label: 'deadlines.nav.extensions',
    roles: ['manager'],
    group: 'manage',
  },
  { key: '/admin/channels', label: 'nav.channels', roles: ['admin'], group: 'manage' },
  {
    key: '/admin/users',
    label: 'nav.users',
    roles: ['admin', 'security_admin'],
    group: 'manage',
  },
  { key: '/audit', label: 'nav.audit', roles: ['auditor'], group: 'manage' },
]
const GROUPS: readonly MenuGroup[] = ['registers', 'stats', 'manage']

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
  const mine = MENU.filter((m) => user && m.roles.some((r) => hasRole(user.role, r)))
  const entry = (m: (typeof MENU)[number]) => ({
    key: m.key,
    label: <MenuLink to={m.key} label={t(m.label)} />,
  })
  // configuration pages (departments, templates, calendar …) in one submenu of 管理, by role
  const configItems = CONFIG_PAGES.filter((p) => user && hasRole(user.role, p.role)).map((p) => ({
    key: p.path,
    label: <MenuLink to={p.path} label={t(p.label)} />,
  }))
  const config = { key: 'config', label: t('adminConfig.nav.title'), children: configItems }
  const menuItems: MenuProps['items'] = [
    ...mine.filter((m) => !m.group).map(entry),
    ...GROUPS.flatMap((group) => {
      const children: NonNullable<MenuProps['items']> = mine
        .filter((m) => m.group === group)
        .map(entry)
      if (group === 'manage' && configItems.length > 0) children.push(config)
      if (children.length === 0) return []
      if (children.length === 1) return children
      return [{ key: `group:${group}`, label: t(`nav.groups.${group}`), children }]
    }),
  ]
  // the longest key prefixing the path: /reports/annual/2017 selects 年度报告, not 年度统计
  const selected =
    [...MENU].sort((a, b) => b.key.length - a.key.length).find((m) => pathname.startsWith(m.key))
      ?.key ??
    CONFIG_PAGES.find((p) => pathname.startsWith(p.path))?.path ??
    ''

  const [isDrawerOpen, setIsDrawerOpen] = useState(false)
  const isPhone = Grid.useBreakpoint().md === false
  const menu = (mode: 'horizontal' | 'inline') => (
    <Menu
      mode={mode}
      selectedKeys={[selected]}
      // the drawer lists every entry: its areas open
      defaultOpenKeys={mode === 'inline' ? [...GROUPS.map((g) => `group:${g}`), 'config'] : []}
      items={menuItems}
      // antd's own rule on either: a line under the bar's middle part only, a line beside the drawer
      style={
        mode === 'horizontal'
          ? { flex: 1, minWidth: 0, borderBottom: 'none' }
          : { borderInlineEnd: 'none' }
      }
      // a click on the link navigates by itself; Enter on a menu entry arrives here
      onClick={({ key, domEvent }) => {
        setIsDrawerOpen(false)
        if (!(domEvent.target instanceof Element && domEvent.target.closest('a')))
          void navigate(key)
      }}
    />
  )
  const userTag = user && (
    <span className="desk-header-user">
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{user.displayName}</Typography.Text>{' '}
      <Tag>{t(`roles.${user.role}`)}</Tag>
    </span>
  )
  const passwordLink = <Link to={PASSWORD_PATH}>{t('account.password.nav')}</Link>
  const logoutButton = (
    <Button onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}>
      {t('nav.logout')}
    </Button>
  )

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="desk-header"
        style={{ display: 'flex', alignItems: 'center', gap: isPhone ? 8 : 16, background: '#fff' }}
      >
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            aria-expanded={isDrawerOpen}
            onClick={() => setIsDrawerOpen(true)}
          />
        )}
        <Typography.Text
          strong
          ellipsis
          style={{
            fontSize: isPhone ? 16 : 18,
            whiteSpace: 'nowrap',
            flex: isPhone ? 1 : undefined,
          }}
        >
          {t('app.title')}
        </Typography.Text>
        {!isPhone && menu('horizontal')}
        <Flex align="center" gap={8}>
          {!isPhone && userTag}
          {user && hasRole(user.role, 'responder') && <NotificationBell />}
          {!isPhone && passwordLink}
          <LanguageSwitch />
          {!isPhone && logoutButton}
        </Flex>
      </Layout.Header>
      {isPhone && (
        <Drawer
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          placement="left"
          size={280}
          title={userTag}
          footer={
            <Flex align="center" justify="space-between">
              {passwordLink}
              {logoutButton}
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
        >
          {menu('inline')}
        </Drawer>
      )}
      <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  )
}
