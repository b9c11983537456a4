/**
 * Web test set-up (vitest project `web`, happy-dom): MSW intercepts fetch (unhandled requests
 * fail the test), the DOM is cleaned and the language reset to zh-CN after each test.
 */
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { initI18n } from '../lib/i18n.ts'
import { server } from './msw-server.ts'

// antd's responsive helpers ask matchMedia; happy-dom answers "no match" for every query.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}

// lazy routes and antd modules load on first use: allow for a cold import
configure({ asyncUtilTimeout: 15_000 })
vi.setConfig({ testTimeout: 30_000 })
initI18n('zh-CN')

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.localStorage.clear()
  initI18n('zh-CN')
})
afterAll(() => server.close())
