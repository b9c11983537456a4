/**
 * An in-memory stand-in for the configuration API (departments, users, return reasons, templates,
 * channel settings, outbox, calendar, deadline policies), served through MSW beside
 * `createFakeDesk` (which answers auth and channels; pass these handlers first, since the desk
 * fake also answers `GET /api/calendar/days` with no listed days). It keeps state, records each
 * write, and answers the API's errors the screens must show (a write without the CSRF header: 403;
 * a webhook URL without a secret: 422; a bad holiday-cn file: 422 with details; a calendar
 * change: a recompute summary).
 */
import { http, HttpResponse } from 'msw'
import { CSRF } from './fake-desk.ts'

export const MANAGER = { id: 3, username: 'liu', displayName: '刘科长', role: 'manager' as const }

type Role = 'responder' | 'manager' | 'admin'
type Recompute = { checked: number; moved: { inquiryId: number; from: string; to: string }[] }

const validation = (message: string, details: unknown) =>
  HttpResponse.json({ error: { code: 'VALIDATION', message, details } }, { status: 422 })

export function createFakeConfig(options: { recompute?: Recompute } = {}) {
  const state = {
    departments: [
      { id: 1, name: '城市管理处', isActive: true, createdAt: 0 },
      { id: 2, name: '交通运输处', isActive: true, createdAt: 0 },
    ],
    users: [
      {
        id: 1,
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin' as Role,
        isActive: true,
        departmentId: null as number | null,
      },
      {
        id: 2,
        username: 'zhang',
        displayName: '张答复',
        role: 'responder' as Role,
        isActive: true,
        departmentId: null as number | null,
      },
    ],
    reasons: [
      { id: 1, label: '非本单位职责', isActive: true, sortOrder: 0 },
      { id: 2, label: '重复件', isActive: true, sortOrder: 0 },
    ],
    templates: [
      {
        id: 1,
        category: '城市管理',
        title: '占道经营答复',
        body: '{市民姓名}您好：\n您反映的问题已转{承办单位}处理。',
        isActive: true,
        updatedBy: 1,
        updatedAt: Date.UTC(2024, 8, 27, 2),
      },
      {
        id: 2,
        category: null as string | null,
        title: '通用答复',
        body: '您好，来件已收悉。',
        isActive: true,
        updatedBy: 1,
        updatedAt: Date.UTC(2024, 8, 27, 2),
      },
    ],
    settings: [
      {
        channel: 'hotline_12345',
        requiresSignOff: true,
        reopenOnMessage: true,
        webhookUrl: 'https://12345.example.gov.cn/hook' as string | null,
        hasWebhookSecret: true,
      },
      {
        channel: 'minxin',
        requiresSignOff: false,
        reopenOnMessage: true,
        webhookUrl: null as string | null,
        hasWebhookSecret: false,
      },
    ],
    deliveries: [
      {
        id: 7,
        inquiryId: 42,
        replyId: 3,
        channel: 'hotline_12345',
        status: 'failed',
        attempts: 10,
        lastError: 'HTTP 503 Service Unavailable',
        lastAttemptAt: '2024-10-08T09:15:00.000+08:00',
        nextAttemptAt: null as string | null,
        deliveredAt: null as string | null,
      },
      {
        id: 8,
        inquiryId: 43,
        replyId: 4,
        channel: 'hotline_12345',
        status: 'delivered',
        attempts: 1,
        lastError: null,
        lastAttemptAt: '2024-10-08T10:00:00.000+08:00',
        nextAttemptAt: null,
        deliveredAt: '2024-10-08T10:00:00.000+08:00',
      },
    ],
    years: [
      { year: 2024, source: 'chinese-days@1.5.7', loadedAt: Date.UTC(2024, 0, 1, 1), days: 2 },
    ],
    days: [
      {
        date: '2024-10-01',
        isOffDay: true,
        name: '国庆节' as string | null,
        source: 'chinese-days@1.5.7',
        updatedBy: null as number | null,
        updatedAt: 0,
      },
      {
        date: '2024-10-12',
        isOffDay: false,
        name: '国庆节' as string | null,
        source: 'chinese-days@1.5.7',
        updatedBy: null,
        updatedAt: 0,
      },
    ],
    policies: [
      {
        id: 1,
        kind: 'message',
        channelCode: 'hotline_12345',
        category: '咨询',
        validFrom: null,
        validUntil: null,
        rule: 'working_days',
        amount: 3,
        start: 'next_working_day',
        endOfDay: '17:00' as string | null,
        extensionAmount: 3 as number | null,
        source: '12345热线工作规范：咨询类3个工作日',
        updatedBy: null,
        updatedAt: 0,
      },
      {
        id: 2,
        kind: 'disclosure',
        channelCode: null,
        category: null,
        validFrom: '2019-05-15',
        validUntil: null,
        rule: 'working_days',
        amount: 20,
        start: 'receipt',
        endOfDay: null as string | null,
        extensionAmount: 20 as number | null,
        source: '《中华人民共和国政府信息公开条例》第三十三条',
        updatedBy: null,
        updatedAt: 0,
      },
    ],
    /** Every write: method, path and JSON body. */
    writes: [] as { method: string; path: string; body: unknown }[],
  }
  const recompute: Recompute = options.recompute ?? { checked: 0, moved: [] }
  const record = async (request: Request) => {
    // as the API: a write on a cookie session without the session's CSRF token is refused
    if (request.headers.get('x-csrf-token') !== CSRF) {
      throw HttpResponse.json(
        { error: { code: 'CSRF', message: 'Missing or wrong X-CSRF-Token header' } },
        { status: 403 },
      )
    }
    const body = (await request
      .clone()
      .json()
      .catch(() => undefined)) as Record<string, unknown>
    state.writes.push({ method: request.method, path: new URL(request.url).pathname, body })
    return body
  }
  const found = <T>(row: T | undefined, what: string): T => {
    if (row === undefined) throw new Error(`fake config: no ${what}`)
    return row
  }
  const byId = <T extends { id: number }>(rows: T[], id: unknown) =>
    found(
      rows.find((r) => r.id === Number(id)),
      `row ${String(id)}`,
    )

  const handlers = [
    http.get('*/api/departments', () => HttpResponse.json({ departments: state.departments })),
    http.post('*/api/departments', async ({ request }) => {
      const body = await record(request)
      const d = {
        id: state.departments.length + 1,
        name: String(body.name),
        isActive: true,
        createdAt: 0,
      }
      state.departments.push(d)
      return HttpResponse.json({ department: d }, { status: 201 })
    }),
    http.patch('*/api/departments/:id', async ({ request, params }) => {
      const d = Object.assign(byId(state.departments, params.id), await record(request))
      return HttpResponse.json({ department: d })
    }),
    http.get('*/api/users', () => HttpResponse.json({ users: state.users })),
    http.patch('*/api/users/:id', async ({ request, params }) => {
      const { department, ...rest } = await record(request)
      const u = Object.assign(byId(state.users, params.id), rest)
      if (department !== undefined) u.departmentId = department as number | null
      return HttpResponse.json({ user: u })
    }),
    http.get('*/api/return-reasons', () => HttpResponse.json({ reasons: state.reasons })),
    http.post('*/api/return-reasons', async ({ request }) => {
      const body = await record(request)
      const r = {
        id: state.reasons.length + 1,
        label: String(body.label),
        isActive: true,
        sortOrder: 0,
      }
      state.reasons.push(r)
      return HttpResponse.json({ reason: r }, { status: 201 })
    }),
    http.patch('*/api/return-reasons/:id', async ({ request, params }) => {
      return HttpResponse.json({
        reason: Object.assign(byId(state.reasons, params.id), await record(request)),
      })
    }),
    http.get('*/api/templates', () => HttpResponse.json({ templates: state.templates })),
    http.post('*/api/templates', async ({ request }) => {
      const body = await record(request)
      const t = {
        ...found(state.templates[0], 'template'),
        ...body,
        id: state.templates.length + 1,
      } as (typeof state.templates)[number]
      state.templates.push(t)
      return HttpResponse.json({ template: t }, { status: 201 })
    }),
    http.patch('*/api/templates/:id', async ({ request, params }) => {
      return HttpResponse.json({
        template: Object.assign(byId(state.templates, params.id), await record(request)),
      })
    }),
    http.get('*/api/channel-settings', () => HttpResponse.json({ settings: state.settings })),
    http.patch('*/api/channel-settings/:code', async ({ request, params }) => {
      const body = await record(request)
      const s = found(
        state.settings.find((x) => x.channel === params.code),
        `channel ${String(params.code)}`,
      )
      const url = body.webhookUrl === undefined ? s.webhookUrl : (body.webhookUrl as string | null)
      const hasSecret =
        body.webhookSecret === undefined ? s.hasWebhookSecret : body.webhookSecret !== null
      if (url !== null && !hasSecret) {
        return validation('A webhook URL needs a webhook secret (for the HMAC signature)', [
          { path: ['webhookSecret'], message: 'required with webhookUrl' },
        ])
      }
      Object.assign(
        s,
        { webhookUrl: url, hasWebhookSecret: hasSecret },
        body.requiresSignOff === undefined ? {} : { requiresSignOff: body.requiresSignOff },
        body.reopenOnMessage === undefined ? {} : { reopenOnMessage: body.reopenOnMessage },
      )
      // like the desk, a host that does not resolve (here: any `.internal` name) is saved with a warning
      const host = typeof body.webhookUrl === 'string' ? new URL(body.webhookUrl).hostname : ''
      const warnings = host.endsWith('.internal')
        ? [{ path: ['webhookUrl'], reason: 'webhook_unresolved', host, message: `${host} …` }]
        : []
      return HttpResponse.json({ settings: s, warnings })
    }),
    http.get('*/api/outbox', ({ request }) => {
      const status = new URL(request.url).searchParams.get('status')
      return HttpResponse.json({
        deliveries: state.deliveries.filter((d) => !status || d.status === status),
      })
    }),
    http.post('*/api/outbox/:id/retry', async ({ request, params }) => {
      await record(request)
      const d = Object.assign(byId(state.deliveries, params.id), {
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '2024-10-08T11:00:00.000+08:00',
      })
      return HttpResponse.json({ delivery: d })
    }),
    http.get('*/api/calendar/years', () => HttpResponse.json({ items: state.years })),
    http.get('*/api/calendar/days', ({ request }) => {
      const year = Number(new URL(request.url).searchParams.get('year'))
      return HttpResponse.json({
        year,
        isLoaded: state.years.some((y) => y.year === year),
        days: state.days
          .filter((d) => d.date.startsWith(`${year}-`))
          .sort((a, b) => a.date.localeCompare(b.date)),
      })
    }),
    http.put('*/api/calendar/days/:date', async ({ request, params }) => {
      const body = await record(request)
      const day = {
        date: String(params.date),
        isOffDay: Boolean(body.isOffDay),
        name: (body.name as string | undefined) ?? null,
        source: 'admin',
        updatedBy: 1,
        updatedAt: 0,
      }
      state.days = [...state.days.filter((d) => d.date !== day.date), day]
      return HttpResponse.json({ day, recompute })
    }),
    http.delete('*/api/calendar/days/:date', async ({ request, params }) => {
      await record(request)
      state.days = state.days.filter((d) => d.date !== params.date)
      return HttpResponse.json({ recompute })
    }),
    http.post('*/api/calendar/years', async ({ request }) => {
      const body = await record(request)
      const days = Array.isArray(body.days) ? (body.days as { date?: unknown }[]) : []
      const bad = days
        .map((d, i) => [d, i] as const)
        .filter(([d]) => typeof d.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date))
      if (typeof body.year !== 'number' || bad.length > 0) {
        const details = bad.map(([, i]) => ({
          path: `days[${i}].date`,
          message: 'Invalid ISO date',
        }))
        return validation(
          `Not a valid holiday-cn year: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
          details,
        )
      }
      state.years.push({
        year: body.year,
        source: `holiday-cn`,
        loadedAt: Date.UTC(2026, 10, 1),
        days: days.length,
      })
      return HttpResponse.json({ year: body.year, days: days.length, recompute }, { status: 201 })
    }),
    http.get('*/api/deadlines/policies', () => HttpResponse.json({ items: state.policies })),
    http.post('*/api/deadlines/policies', async ({ request }) => {
      const body = await record(request)
      const p = {
        ...(body as (typeof state.policies)[number]),
        id: state.policies.length + 1,
        updatedBy: null,
        updatedAt: 0,
      }
      state.policies.push(p)
      return HttpResponse.json(p, { status: 201 })
    }),
    http.patch('*/api/deadlines/policies/:id', async ({ request, params }) => {
      return HttpResponse.json(
        Object.assign(byId(state.policies, params.id), await record(request)),
      )
    }),
  ]
  return { state, handlers }
}
