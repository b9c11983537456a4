/**
 * Test data through the real API: sign in (session cookie + CSRF token) and write as that
 * session. Used by the end-to-end tests to make users and inquiries before the browser starts.
 */
export type ApiSession = { baseUrl: string; cookie: string; csrf: string }

/** @throws Error naming the status when the login is refused */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { baseUrl, cookie, csrf: csrfToken }
}

/** The responder the browser specs sign in as (no department: sees every unassigned inquiry). */
export const RESPONDER = {
  username: 'li',
  displayName: '李答复',
  password: 'responder-pass',
} as const

/**
 * Adds a user as `admin`, then signs in as them once to replace the initial password with
 * `user.password`, as its owner must on the first sign-in; the specs then sign in with it.
 * @throws Error on a non-2xx answer (e.g. the name is taken)
 */
export async function addUser(
  admin: ApiSession,
  user: {
    username: string
    displayName: string
    role: string
    password: string
    department?: number | null
  },
): Promise<void> {
  const initial = `${user.password}-initial`
  await post(admin, '/users', { ...user, password: initial })
  const own = await signIn(admin.baseUrl, user.username, initial)
  await post(own, '/auth/password', { currentPassword: initial, password: user.password })
}

/** Adds RESPONDER as `admin`. @throws Error on a non-2xx answer (e.g. the name is taken) */
export async function addResponder(admin: ApiSession): Promise<void> {
  await addUser(admin, { ...RESPONDER, role: 'responder' })
}

/** A JSON write as the session; returns the parsed answer. @throws Error on a non-2xx answer */
export async function post<T>(s: ApiSession, path: string, body: unknown): Promise<T> {
  return write<T>(s, 'POST', path, body)
}

/** A JSON write (`POST`, `PATCH`, `PUT`) as the session; returns the parsed answer. @throws Error on a non-2xx answer */
export async function write<T>(
  s: ApiSession,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body: unknown,
): Promise<T> {
  const res = await fetch(`${s.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A GET as the session; returns the parsed answer. @throws Error on a non-2xx answer */
export async function read<T>(s: ApiSession, path: string): Promise<T> {
  const res = await fetch(`${s.baseUrl}/api${path}`, { headers: { cookie: s.cookie } })
  if (!res.ok) throw new Error(`GET ${path} failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A channel API item received `hoursAgo` hours before now, from a citizen with a phone number. */
export const sampleInquiry = (externalId: string, subject: string, hoursAgo: number) => ({
  externalId,
  subject,
  body: `${subject}。\n请尽快处理。`,
  receivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
  citizen: { name: '赵市民', phone: '13812345678' },
})
