/**
 * renderWithClient(path): the whole app (providers + the real routes) in a memory router at
 * `path`, with a new QueryClient per call that never retries. Returns the router (to read the
 * URL) and a user-event instance.
 */
import type { QueryClient } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { useState } from 'react'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { AppProviders } from '../app/provider.tsx'
import { appRoutes } from '../app/router.tsx'
import { setCsrfToken } from '../lib/api-client.ts'

export type RenderedApp = Pick<RenderResult, 'container' | 'unmount'> & {
  user: UserEvent
  /** The current URL path + search of the app. */
  location: () => string
  /** Goes to `path` inside the app, as a link would (the query cache stays). */
  navigate: (path: string) => Promise<void>
}

export function renderWithClient(path: string): RenderedApp {
  setCsrfToken('')
  let router: ReturnType<typeof createMemoryRouter> | undefined
  function TestRouter({ queryClient }: { queryClient: QueryClient }) {
    const [memoryRouter] = useState(() =>
      createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] }),
    )
    router = memoryRouter
    return <RouterProvider router={memoryRouter} />
  }
  const user = userEvent.setup()
  const view = render(
    <AppProviders retry={false}>
      {(queryClient) => <TestRouter queryClient={queryClient} />}
    </AppProviders>,
  )
  return {
    container: view.container,
    unmount: view.unmount,
    user,
    location: () => {
      if (!router) throw new Error('router not rendered')
      const { pathname, search } = router.state.location
      return pathname + search
    },
    navigate: async (to) => {
      if (!router) throw new Error('router not rendered')
      await router.navigate(to)
    },
  }
}
