import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import { T0 } from '../../test/setup.ts'
import { twoProcesses, type TwoProcesses } from '../../test/two-processes.ts'
import { createUser } from '../users/users.service.ts'

const GOOD = 'right-pass-1'
let pair: TwoProcesses | undefined
afterEach(async () => await pair?.close())

/** Two API processes on one database behind a proxy that names the client's address. */
async function twoApps(security = DEFAULT_SECURITY) {
  pair = await twoProcesses(T0)
  await createUser(
    pair.a,
    { username: 'zhou', displayName: '周', role: 'manager', password: GOOD },
    T0,
  )
  const { a, b } = pair
  return [a, b].map((db) => createApp({ db, now: () => T0, trustProxy: true, security }))
}

type App = ReturnType<typeof createApp>
const login = (app: App, username: string, password: string) =>
  app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
    body: JSON.stringify({ username, password }),
  })

describe('login throttling with two API processes on one database', () => {
  it("counts a pair's failures on both: after five, the right password waits on either", async () => {
    const [a, b] = (await twoApps()) as [App, App]
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await login(i % 2 ? b : a, 'zhou', 'wrong')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    expect([(await login(a, 'zhou', GOOD)).status, (await login(b, 'zhou', GOOD)).status]).toEqual([
      429, 429,
    ])
  })

  it("counts every failure of an address sent to both at once: the cap's next attempt is refused", async () => {
    const cap = 6
    const security = {
      ...DEFAULT_SECURITY,
      loginFreeFailures: 100,
      loginAddressFailuresPerHour: cap,
    }
    const [a, b] = (await twoApps(security)) as [App, App]
    const failures = await Promise.all(
      Array.from({ length: cap }, (_, i) => login(i % 2 ? b : a, `guess${i}`, 'wrong')),
    )
    expect(failures.map((r) => r.status)).toEqual(Array<number>(cap).fill(401))
    expect([(await login(a, 'zhou', GOOD)).status, (await login(b, 'zhou', GOOD)).status]).toEqual([
      429, 429,
    ])
  })
})
