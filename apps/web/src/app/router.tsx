/**
 * The data router. Every page is a lazy route, so the login page and the queue load only the
 * code (and the antd pieces) they use. Loaders guard the pages: nobody signed in -> /login?next=…;
 * a user without the page's role gets a 403 inside the layout that names the role needed.
 * While the first page's loader and code load, every top-level route shows a spinner
 * (`HydrateFallback`; without one react-router warns on every page load).
 */
import { hasRole, type UserRole } from '@desk/domain'
import type { QueryClient } from '@tanstack/react-query'
import { data, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router'
import { homePath, PASSWORD_PATH, sessionQueries } from '../lib/session.ts'
import { safeNext } from '../utils/safe-next.ts'
import { RouteError } from './route-error.tsx'
import { Spin } from 'antd'

/** What the first page load shows until its loader and lazy code are in. */
function FirstLoad() {
  return <Spin size="large" delay={300} style={{ display: 'block', margin: '30vh auto' }} />
}

/**
 * Signed in, and (when `roles` are given) with one of them (domain `hasRole`: a page for managers
 * is also open to admins). A user who must replace their password goes to that page first.
 */
function requireUser(queryClient: QueryClient, ...roles: UserRole[]) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await queryClient.ensureQueryData(sessionQueries.me())
    const url = new URL(request.url)
    const here = encodeURIComponent(url.pathname + url.search)
    if (!user) throw redirect(`/login?next=${here}`)
    if (user.passwordChange) throw redirect(`${PASSWORD_PATH}?next=${here}`)
    if (roles.length > 0 && !roles.some((r) => hasRole(user.role, r)))
      throw data({ needs: roles[0], role: user.role }, { status: 403 })
    return null
  }
}

/** A page only `roles` (or a higher rank) may open; others see the 403 in the layout. */
function guarded(queryClient: QueryClient, ...roles: UserRole[]) {
  return { loader: requireUser(queryClient, ...roles), errorElement: <RouteError /> }
}

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/login',
      errorElement: <RouteError />,
      HydrateFallback: FirstLoad,
      loader: async ({ request }) => {
        const user = await queryClient.ensureQueryData(sessionQueries.me())
        if (user) throw redirect(safeNext(new URL(request.url).searchParams.get('next')))
        return null
      },
      lazy: () => import('./routes/login.tsx'),
    },
    // outside the staff layout: while a password must be changed, no menu leads elsewhere
    {
      path: PASSWORD_PATH,
      errorElement: <RouteError />,
      loader: async () => {
        const user = await queryClient.ensureQueryData(sessionQueries.me())
        if (!user) throw redirect(`/login?next=${encodeURIComponent(PASSWORD_PATH)}`)
        return null
      },
      lazy: () => import('./routes/account-password.tsx'),
    },
    // the public director's mailbox: no login, outside the staff layout
    {
      path: '/mailbox',
      errorElement: <RouteError />,
      HydrateFallback: FirstLoad,
      lazy: () => import('./routes/mailbox.tsx'),
    },
    {
      path: '/mailbox/track',
      errorElement: <RouteError />,
      HydrateFallback: FirstLoad,
      lazy: () => import('./routes/mailbox-track.tsx'),
    },
    // an answer document's print view: the A4 sheet alone, for the browser's print to PDF
    {
      path: '/print/disclosure/:id/answers/:answerId',
      errorElement: <RouteError />,
      HydrateFallback: FirstLoad,
      loader: requireUser(queryClient),
      lazy: () => import('./routes/disclosure-answer-print.tsx'),
    },
    {
      path: '/',
      errorElement: <RouteError />,
      HydrateFallback: FirstLoad,
      loader: requireUser(queryClient),
      lazy: () => import('./routes/layout.tsx'),
      children: [
        {
          index: true,
          loader: async () => {
            const user = await queryClient.ensureQueryData(sessionQueries.me())
            return redirect(user ? homePath(user.role) : '/login')
          },
        },
        {
          path: 'queue',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/queue.tsx'),
        },
        {
          path: 'inquiries/:id',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/inquiry.tsx'),
        },
        {
          path: 'intake/manual',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/manual-entry.tsx'),
        },
        {
          path: 'imports',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/imports.tsx'),
        },
        {
          path: 'imports/new',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/imports-new.tsx'),
        },
        {
          path: 'audit',
          ...guarded(queryClient, 'auditor'),
          lazy: () => import('./routes/audit.tsx'),
        },
        {
          path: 'dashboard',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/dashboard.tsx'),
        },
        {
          path: 'reports',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/reports.tsx'),
        },
        {
          path: 'reports/annual/:year?',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/annual-report.tsx'),
        },
        {
          path: 'reports/disclosure/register',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/disclosure-register.tsx'),
        },
        {
          path: 'reports/disclosure/:year?',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/disclosure-table.tsx'),
        },
        {
          path: 'proposals/new',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/proposal-new.tsx'),
        },
        {
          path: 'proposals/:year?',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/proposals.tsx'),
        },
        {
          path: 'disclosure/new',
          ...guarded(queryClient, 'responder'),
          lazy: () => import('./routes/disclosure-new.tsx'),
        },
        {
          path: 'digest',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/digest.tsx'),
        },
        {
          path: 'deadlines/extensions',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/deadline-extensions.tsx'),
        },
        {
          path: 'admin/channels',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-channels.tsx'),
        },
        {
          path: 'admin/users',
          ...guarded(queryClient, 'admin', 'security_admin'),
          lazy: () => import('./routes/admin-users.tsx'),
        },
        {
          path: 'admin/departments',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-departments.tsx'),
        },
        {
          path: 'admin/return-reasons',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-return-reasons.tsx'),
        },
        {
          path: 'admin/templates',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/admin-templates.tsx'),
        },
        {
          path: 'admin/channel-settings',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-channel-settings.tsx'),
        },
        {
          path: 'admin/outbox',
          ...guarded(queryClient, 'manager'),
          lazy: () => import('./routes/admin-outbox.tsx'),
        },
        {
          path: 'admin/calendar',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-calendar.tsx'),
        },
        {
          path: 'admin/deadlines',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-deadlines.tsx'),
        },
        {
          path: 'admin/disclosure-labels',
          ...guarded(queryClient, 'admin'),
          lazy: () => import('./routes/admin-disclosure-labels.tsx'),
        },
        { path: '*', lazy: () => import('./routes/not-found.tsx') },
      ],
    },
  ]
}
