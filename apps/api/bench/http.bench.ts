/**
 * The queue's first page once more, through the whole app (`createApp(...).request()`: routing,
 * session cookie lookup, query validation, JSON), so the HTTP overhead over the service call is
 * visible. No socket: Hono's in-process request.
 */
import { createApp } from '../src/app.ts'
import type { Db } from '../src/db/client.ts'
import { timeRunsAsync } from './measure.ts'
import type { Measured } from './queue.bench.ts'

/**
 * Signs `username` in through `/auth/login`, then times `GET /inquiries?status=pending&sort=due_asc&limit=50`.
 * @throws Error when the login or a request does not answer 200
 */
export async function benchHttpQueuePage(
  db: Db,
  username: string,
  password: string,
  now: number,
): Promise<Measured> {
  const app = createApp({ db, now: () => now })
  const login = await app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const get = async () => {
    const res = await app.request('/inquiries?status=pending&sort=due_asc&limit=50', {
      headers: { cookie },
    })
    if (res.status !== 200) throw new Error(`queue page answered ${res.status}`)
    return res.json()
  }
  return { name: 'HTTP queue page 1 (pending, due_asc)', p: await timeRunsAsync(get, 40) }
}
