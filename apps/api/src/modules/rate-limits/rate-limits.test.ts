import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { T0 } from '../../test/setup.ts'
import { twoProcesses, type TwoProcesses } from '../../test/two-processes.ts'

const HOUR = 3_600_000
let pair: TwoProcesses | undefined
afterEach(async () => await pair?.close())

/** Two API processes on one database behind a proxy that names the client's address. */
async function twoApps(limits: { submitPerHour: number; trackPerHour: number }) {
  pair = await twoProcesses(T0)
  let now = T0
  const clock = () => now
  const publicLimits = { ...limits, trustProxy: true }
  const apps = [pair.a, pair.b].map((db) =>
    createApp({ db, now: clock, publicLimits, trustProxy: true }),
  )
  return { apps, advance: (ms: number) => (now += ms) }
}

type App = ReturnType<typeof createApp>
const post = (app: App, path: string, body: unknown, address = '203.0.113.7') =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })
const track = (app: App, address?: string) =>
  post(
    app,
    '/public/mailbox/track',
    { trackingNumber: 'JZ2222222222', phone: '13812345678' },
    address,
  )
describe('public mailbox limits with two API processes on one database', () => {
  it('count an address once across both: the third lookup in the hour is 429 on either', async () => {
    const { apps, advance } = await twoApps({ submitPerHour: 10, trackPerHour: 2 })
    const [a, b] = apps as [App, App]
    // an unknown tracking number answers 404, and counts
    const statuses = [(await track(a)).status, (await track(b)).status]
    const refused = await track(a)
    statuses.push(refused.status, (await track(b)).status)
    expect(statuses).toEqual([404, 404, 429, 429])
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED')
    expect(refused.headers.get('ratelimit-limit')).toBe('2')
    // the window started at the first lookup and ends an hour later, on both processes
    advance(HOUR - 1)
    expect((await track(b)).status).toBe(429)
    advance(1)
    expect([(await track(b)).status, (await track(a)).status]).toEqual([404, 404])
  })

  it('let exactly the limit through when both take requests at once, per address', async () => {
    const { apps } = await twoApps({ submitPerHour: 10, trackPerHour: 4 })
    const [a, b] = apps as [App, App]
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => track(i % 2 === 0 ? a : b)),
    )
    const statuses = answers.map((r) => r.status).sort()
    // the four counted lookups (404: unknown number), eight refused
    expect(statuses).toEqual([...Array<number>(4).fill(404), ...Array<number>(8).fill(429)])
    expect((await track(b, '198.51.100.9')).status).toBe(404) // another address has its own count
  })
})
