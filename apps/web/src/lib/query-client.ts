/**
 * The QueryClient factory. Failed queries and mutations are reported once, globally, through
 * `notify` (a toast in the app); a query or mutation whose screen shows its own error sets
 * `meta: { silent: true }`.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean }
    mutationMeta: { silent?: boolean }
  }
}

export type QueryClientOptions = {
  /** Called with each failure that no screen handles itself. */
  notify: (error: unknown) => void
  /** Retries of a failed query (tests pass false). */
  retry?: boolean | number
}

export function createQueryClient({ notify, retry = 1 }: QueryClientOptions): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.silent) notify(error)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.silent) notify(error)
      },
    }),
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
