/** Browser entry: i18n, providers and the router. */
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider, createBrowserRouter } from 'react-router'
import type { QueryClient } from '@tanstack/react-query'
import { initI18n } from './lib/i18n.ts'
import { AppProviders } from './app/provider.tsx'
import { appRoutes } from './app/router.tsx'

function AppRouter({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(appRoutes(queryClient)))
  return <RouterProvider router={router} />
}

initI18n()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppProviders>{(queryClient) => <AppRouter queryClient={queryClient} />}</AppProviders>
  </StrictMode>,
)
