/**
 * The configuration pages, their menu labels and the role each needs (the router's loaders and
 * the API check the same roles; managers include admins). The layout builds its "settings" menu
 * from this list.
 */
import type { UserRole } from '@desk/domain'

export type ConfigPage = { path: string; label: string; role: Exclude<UserRole, 'responder'> }

export const CONFIG_PAGES: readonly ConfigPage[] = [
  { path: '/admin/departments', label: 'adminConfig.nav.departments', role: 'admin' },
  { path: '/admin/return-reasons', label: 'adminConfig.nav.returnReasons', role: 'admin' },
  { path: '/admin/templates', label: 'adminConfig.nav.templates', role: 'manager' },
  { path: '/admin/channel-settings', label: 'adminConfig.nav.channelSettings', role: 'admin' },
  { path: '/admin/outbox', label: 'adminConfig.nav.outbox', role: 'manager' },
  { path: '/admin/calendar', label: 'adminConfig.nav.calendar', role: 'admin' },
  { path: '/admin/deadlines', label: 'adminConfig.nav.policies', role: 'admin' },
  { path: '/admin/disclosure-labels', label: 'adminConfig.nav.disclosureLabels', role: 'admin' },
]
