/**
 * The pages the browser specs visit: every staff page the admin may open (`:id` stands for an
 * inquiry the spec creates) and the public pages. One list, so the accessibility and the
 * security-header specs cannot drift apart when a page is added.
 */
export const STAFF_PAGES = [
  '/queue',
  '/queue?status=all',
  '/inquiries/:id',
  '/intake/manual',
  '/imports',
  '/imports/new',
  '/dashboard',
  '/reports',
  '/reports/annual',
  '/reports/disclosure',
  '/reports/disclosure/register',
  '/disclosure/new',
  '/proposals',
  '/proposals/new',
  '/digest',
  '/deadlines/extensions',
  '/admin/channels',
  '/admin/users',
  '/admin/departments',
  '/admin/return-reasons',
  '/admin/templates',
  '/admin/channel-settings',
  '/admin/outbox',
  '/admin/calendar',
  '/admin/deadlines',
  '/admin/disclosure-labels',
  '/account/password',
]

export const PUBLIC_PAGES = ['/login', '/mailbox', '/mailbox/track']

/** `path` with the inquiry's id in place of `:id`. */
export const withInquiry = (path: string, id: number) => path.replace(':id', String(id))
