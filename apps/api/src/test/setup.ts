/**
 * API test helpers: a fresh migrated in-memory database per test, the app on it, and signed-in
 * staff. `call()` goes through the real middleware stack (cookies, CSRF, validation).
 */
import { DEFAULT_CHANNELS, type UserRole, type NewInquiry } from '@desk/domain'
import { createApp, type AppDeps } from '../app.ts'
import { createTestDb, type Db } from '../db/client.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { ingestInquiries } from '../modules/inquiries/ingest.service.ts'
import { createUser } from '../modules/users/users.service.ts'

export const T0 = Date.parse('2024-09-27T09:30:00+08:00')

/** Webhooks of a test desk may reach its receivers on this machine. */
export const TEST_WEBHOOK_NETWORKS = { privateNetworks: false, loopback: true } as const

/**
 * Time for a test (or hook) that seeds a reference year through the real ingest path (the 2017
 * report: about 8,000 inquiries): 12-13 s on SQLite and about 25 s on PostgreSQL at a load
 * average of 17 on 2 cores (measured while PostgreSQL's counter triggers still ran once per row).
 */
export const SEED_YEAR_TIMEOUT_MS = 300_000

export async function setupDesk(
  now: () => number = () => T0,
  publicLimits?: AppDeps['publicLimits'],
) {
  const db = await createTestDb()
  await ensureChannels(db, DEFAULT_CHANNELS, now())
  // test receivers listen on 127.0.0.1 (webhook-address.test.ts checks the default, PUBLIC_ONLY)
  const app = createApp({ db, now, publicLimits, webhookNetworks: TEST_WEBHOOK_NETWORKS })
  return { db, app }
}

/** A test desk: its database and the app on it. */
export type Desk = Awaited<ReturnType<typeof setupDesk>>

export type Session = { cookie: string; csrf: string; userId: number }

/** Creates a user with `role` and signs in through `/auth/login`. */
export async function signIn(
  desk: Desk,
  role: UserRole = 'responder',
  username = `${role}1`,
): Promise<Session> {
  const user = await createUser(
    desk.db,
    { username, displayName: `${username} name`, role, password: 'secret-pass' },
    T0,
  )
  const res = await desk.app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'secret-pass' }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrf: csrfToken, userId: user.id }
}

/** A JSON request as the signed-in session (cookie + CSRF header). */
export function call(
  desk: Desk,
  s: Session | undefined,
  method: string,
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {}
  if (s) {
    headers.cookie = s.cookie
    headers['x-csrf-token'] = s.csrf
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return desk.app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

let seq = 0
/** Writes inquiries through the real ingest path. */
export async function addInquiries(db: Db, items: Partial<NewInquiry>[]) {
  return await ingestInquiries(
    db,
    items.map((i) => ({
      channelCode: 'hotline_12345',
      externalId: `X${++seq}`,
      subject: '关于小区违建的投诉',
      body: '小区内有人私搭乱建，请尽快处理。',
      receivedAt: T0,
      ...i,
    })),
    { actorId: null, now: T0, eventType: 'received' },
  )
}
