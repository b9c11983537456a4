/**
 * A small in-memory stand-in for the desk API, served through MSW, so page tests exercise the
 * real client, query cache and router. It keeps state (a reply changes the inquiry, its version
 * and the counts) and records every request body for assertions.
 */
import { PENDING_STATUSES } from '@desk/domain'
import { http, HttpResponse } from 'msw'
import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api-client.ts'

type Channel = InferResponseType<typeof api.channels.$get, 200>['channels'][number]
type Detail = InferResponseType<(typeof api.inquiries)[':id']['$get'], 200>['inquiry']
type User = {
  id: number
  username: string
  displayName: string
  role: 'responder' | 'manager' | 'admin'
}

export const CSRF = 'csrf-test-token'
export const ADMIN: User = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' }
export const RESPONDER: User = {
  id: 2,
  username: 'zhang',
  displayName: '张答复',
  role: 'responder',
}

const channel = (code: string, nameZh: string, nameEn: string, isActive = true): Channel => ({
  code,
  nameZh,
  nameEn,
  intake: 'file',
  isActive,
  sortOrder: 1,
  createdAt: 0,
})

let nextId = 1
/** An inquiry in the API's detail shape; `overrides` set what a test cares about. */
export function makeInquiry(overrides: Partial<Detail>): Detail {
  const id = overrides.id ?? nextId++
  return {
    id,
    channel: 'hotline_12345',
    externalId: `EXT-${id}`,
    subject: `问询 ${id}`,
    citizenName: '李*',
    category: '城市管理',
    status: 'new',
    assignee: null,
    receivedAt: '2024-09-27T09:30:00.000+08:00',
    dueAt: '2024-10-11T09:30:00.000+08:00',
    pausedAt: null,
    repliedAt: null,
    version: 1,
    body: '小区门口占道经营，\n晚上噪音很大。',
    closedAt: null,
    events: [
      {
        id: id * 100,
        type: 'received',
        actor: null,
        at: '2024-09-27T09:30:00.000+08:00',
        data: {},
      },
    ],
    replies: [],
    department: null,
    duplicateOfId: null,
    ...overrides,
  } as Detail // `as`: the API's shape grows (departments, approvals); these tests need only this part
}

const matchesStatus = (status: string, filter: string) =>
  filter === 'all' ||
  (filter === 'pending'
    ? (PENDING_STATUSES as readonly string[]).includes(status)
    : status === filter)

export type FakeDesk = ReturnType<typeof createFakeDesk>

export function createFakeDesk(options: {
  user: User | null
  password?: string
  inquiries?: Detail[]
  /** The counts stop at this many rows and say `capped` past it, as the API does for a text search. */
  countCap?: number
}) {
  const state = {
    user: options.user,
    channels: [
      channel('hotline_12345', '12345网络问政', '12345 Hotline Online'),
      channel('minxin', '民心网联网平台', 'Minxin Net'),
      channel('old_forum', '旧论坛', 'Old Forum', false),
    ],
    inquiries: options.inquiries ?? [],
    /** Bodies of the write requests, with the CSRF header they carried. */
    writes: [] as { method: string; path: string; body: unknown; csrf: string | null }[],
    /** Search params of each GET /api/inquiries and /counts. */
    reads: [] as { path: string; query: URLSearchParams }[],
    /** When set, the next reply is refused with this 409 body (a stale page). */
    conflict: null as null | { changedBy: string; action: string; apply: (d: Detail) => void },
  }
  const unauthenticated = () =>
    HttpResponse.json(
      { error: { code: 'UNAUTHENTICATED', message: 'Please sign in' } },
      { status: 401 },
    )
  const record = async (request: Request) => {
    const url = new URL(request.url)
    const body =
      request.method === 'GET'
        ? undefined
        : await request
            .clone()
            .json()
            .catch(() => undefined)
    state.writes.push({
      method: request.method,
      path: url.pathname,
      body,
      csrf: request.headers.get('x-csrf-token'),
    })
    return body as Record<string, unknown>
  }
  const view = (d: Detail) => ({
    inquiry: d,
    contact: { name: d.citizenName, phone: '138****5678', email: null },
  })
  const find = (id: string | readonly string[] | undefined) =>
    state.inquiries.find((i) => i.id === Number(id))

  const handlers = [
    http.get('*/api/auth/me', () =>
      state.user ? HttpResponse.json({ user: state.user, csrfToken: CSRF }) : unauthenticated(),
    ),
    http.post('*/api/auth/login', async ({ request }) => {
      const body = await record(request)
      if (body.username === RESPONDER.username && body.password === options.password) {
        state.user = RESPONDER
        return HttpResponse.json({ user: RESPONDER, csrfToken: CSRF })
      }
      return HttpResponse.json(
        { error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password' } },
        { status: 401 },
      )
    }),
    http.get('*/api/channels', () => HttpResponse.json({ channels: state.channels })),
    // the header's bell: nothing to tell (a test that needs notifications adds its own handler)
    http.get('*/api/notifications', () => HttpResponse.json({ items: [], unread: 0 })),
    // the queue's due column reads the working-day calendar: no listed days (Monday–Friday)
    http.get('*/api/calendar/days', ({ request }) =>
      HttpResponse.json({
        year: Number(new URL(request.url).searchParams.get('year')),
        isLoaded: true,
        days: [],
      }),
    ),
    http.post('*/api/channels', async ({ request }) => {
      const body = await record(request)
      const added = channel(String(body.code), String(body.nameZh), String(body.nameEn))
      state.channels.push({ ...added, intake: body.intake as Channel['intake'] })
      return HttpResponse.json({ channel: added }, { status: 201 })
    }),
    http.get('*/api/inquiries/counts', ({ request }) => {
      const query = new URL(request.url).searchParams
      state.reads.push({ path: '/api/inquiries/counts', query })
      const byChannel = Object.fromEntries(state.channels.map((c) => [c.code, 0]))
      let total = 0
      for (const i of state.inquiries) {
        if (!matchesStatus(i.status, query.get('status') ?? 'pending')) continue
        byChannel[i.channel] = (byChannel[i.channel] ?? 0) + 1
        total++
      }
      const cap = options.countCap
      return cap !== undefined && total > cap
        ? HttpResponse.json({
            total: cap,
            byChannel: Object.fromEntries(state.channels.map((c) => [c.code, null])),
            capped: true,
          })
        : HttpResponse.json({ total, byChannel, capped: false })
    }),
    http.get('*/api/inquiries', ({ request }) => {
      if (!state.user) return unauthenticated()
      const query = new URL(request.url).searchParams
      state.reads.push({ path: '/api/inquiries', query })
      const items = state.inquiries.filter(
        (i) =>
          matchesStatus(i.status, query.get('status') ?? 'pending') &&
          (!query.get('channel') || i.channel === query.get('channel')),
      )
      return HttpResponse.json({ items, nextCursor: null })
    }),
    http.get('*/api/inquiries/:id', ({ params }) => {
      const d = find(params.id)
      return d
        ? HttpResponse.json(view(d))
        : HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 })
    }),
    http.post('*/api/inquiries/:id/claim', async ({ request, params }) => {
      await record(request)
      const d = find(params.id)
      if (!d)
        return HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 })
      d.status = 'assigned'
      d.assignee = { id: state.user?.id ?? 0, displayName: state.user?.displayName ?? '' }
      d.version++
      return HttpResponse.json(view(d))
    }),
    http.post('*/api/inquiries/:id/replies', async ({ request, params }) => {
      const body = await record(request)
      const d = find(params.id)
      if (!d)
        return HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 })
      if (state.conflict) {
        const { changedBy, action, apply } = state.conflict
        apply(d)
        d.version++
        state.conflict = null
        return HttpResponse.json(
          {
            error: {
              code: 'CONFLICT',
              message: `Inquiry ${d.id} was changed by ${changedBy} (${action}); reload it`,
              details: { reason: 'stale_version', changedBy, action, currentVersion: d.version },
            },
          },
          { status: 409 },
        )
      }
      d.status = 'replied'
      d.version++
      const reply = {
        id: d.replies.length + 1,
        body: String(body.body),
        origin: 'desk',
        author: state.user?.displayName ?? null,
        at: '2024-09-28T10:00:00.000+08:00',
        approvedBy: null,
        postedAt: null,
      } as Detail['replies'][number]
      d.replies = [...d.replies, reply]
      return HttpResponse.json(view(d), { status: 201 })
    }),
  ]
  return { state, handlers }
}
