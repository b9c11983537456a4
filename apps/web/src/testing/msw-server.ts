/** The MSW server of the web tests; each test installs its handlers with `server.use(...)`. */
import { setupServer } from 'msw/node'

export const server = setupServer()
