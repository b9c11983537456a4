/**
 * An in-memory stand-in for the workflow and deadline API of one desk, served
 * through MSW beside `createFakeDesk` (whose inquiries it changes): the inquiry view with its
 * `deadline`, `/workflow`, departments, return reasons, templates and their fill, the workflow
 * actions (each checks the version, bumps it and appends the event the API writes), the calendar
 * days and the deadline actions. Every write is recorded for assertions.
 */
import { fillTemplateForComposer, mergedStatus, type DeadlineExplanation } from '@desk/domain'
import { http, HttpResponse } from 'msw'
import type { FakeDesk } from './fake-desk.ts'

type Detail = FakeDesk['state']['inquiries'][number]
type Json = Record<string, unknown>

/** The explanation of a 13-working-day 12345 deadline received Fri 2024-09-27 (API shape). */
export const NATIONAL_DAY_2024: DeadlineExplanation = {
  rule: 'working_days',
  amount: 13,
  start: 'next_working_day',
  endOfDay: null,
  source: '12345 热线工作规范',
  received: {
    date: '2024-09-27',
    weekday: 5,
    at: Date.parse('2024-09-27T09:30:00+08:00'),
    kind: 'workday',
    name: null,
  },
  countFrom: '2024-09-29',
  pausedUnits: 0,
  pauses: [],
  extensionUnits: 0,
  holidays: [{ name: '国庆节', from: '2024-10-01', to: '2024-10-07', days: 7 }],
  makeupWorkdays: [
    { date: '2024-09-29', name: '国庆节' },
    { date: '2024-10-12', name: '国庆节' },
  ],
  isRolledOver: false,
  due: { date: '2024-10-16', weekday: 3, at: Date.parse('2024-10-16T23:59:59.999+08:00') },
  uncoveredYears: [],
}

type Options = {
  requiresSignOff?: boolean
  hasWebhook?: boolean
  drafts?: Json[]
  deliveries?: Json[]
  explanation?: DeadlineExplanation
  /** What the inquiry's deadline rule adds on an approved extension (null: none); 10 unless given */
  extensionAmount?: number | null
  /** Listed days per year (GET /api/calendar/days); years not given are loaded with no listed days */
  calendar?: Record<number, { date: string; isOffDay: boolean; name: string | null }[]>
}

export function createFakeWorkflow(desk: FakeDesk, options: Options = {}) {
  const state = {
    writes: [] as { path: string; body: Json }[],
    /** the `Idempotency-Key` header of each action ('' when absent) */
    keys: [] as { path: string; key: string }[],
    drafts: options.drafts ?? [],
    /** staff uploads (`POST /api/attachments/uploads`), named by the token they answered */
    uploads: [] as { token: string; name: string; type: string }[],
    followUps: [] as Json[],
    deliveries: options.deliveries ?? [],
    extensions: [] as Json[],
  }
  const find = (id: unknown) => desk.state.inquiries.find((i) => i.id === Number(id))
  /** The row of `list` with this id; a test that names a missing one is wrong, so it throws. */
  const byId = <T extends Json>(list: T[], id: unknown): T => {
    const row = list.find((x) => x.id === Number(id))
    if (!row) throw new Error(`fake workflow: no row ${String(id)}`)
    return row
  }
  const notFound = () =>
    HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 })
  const stale = (d: Detail) =>
    HttpResponse.json(
      {
        error: {
          code: 'CONFLICT',
          message: 'stale',
          details: {
            reason: 'stale_version',
            changedBy: '王五',
            action: 'claimed',
            currentVersion: d.version,
          },
        },
      },
      { status: 409 },
    )
  let eventId = 10_000
  const change = (d: Detail, type: string, data: Json, patch: Partial<Detail> = {}) => {
    Object.assign(d, patch)
    d.version++
    d.events = [
      ...d.events,
      {
        id: eventId++,
        type,
        actor: desk.state.user?.displayName ?? null,
        at: '2024-09-28T10:00:00.000+08:00',
        data,
      } as Detail['events'][number],
    ]
    return HttpResponse.json({ id: d.id, version: d.version, status: d.status })
  }
  /** Records the body; answers the 404 / stale 409 a versioned action can get, or runs `act`. */
  const action =
    (act: (d: Detail, body: Json, params: Record<string, unknown>) => Response) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      const body = (await request.json().catch(() => ({}))) as Json
      state.writes.push({ path: new URL(request.url).pathname, body })
      state.keys.push({
        path: new URL(request.url).pathname,
        key: request.headers.get('idempotency-key') ?? '',
      })
      const d = find(params.id)
      if (!d) return notFound()
      if (typeof body.version === 'number' && body.version !== d.version) return stale(d)
      return act(d, body, params)
    }
  const deadlineOf = (d: Detail) => ({
    kind: 'message',
    policyId: 1,
    pausedAt: null,
    explanation: options.explanation ?? NATIONAL_DAY_2024,
    extensionAmount: options.extensionAmount === undefined ? 10 : options.extensionAmount,
    pauses: [],
    extensions: state.extensions.filter((e) => e.inquiryId === d.id),
  })
  const view = (d: Detail) => ({
    inquiry: d,
    contact: { name: d.citizenName, phone: '138****5678', email: null },
    deadline: deadlineOf(d),
  })

  const handlers = [
    http.get('*/api/inquiries/:id', ({ params }) => {
      if (!/^\d+$/.test(String(params.id))) return undefined // /api/inquiries/counts: the desk answers
      const d = find(params.id)
      return d ? HttpResponse.json(view(d)) : notFound()
    }),
    // the files card asks for the inquiry's files; these inquiries have none
    http.get('*/api/inquiries/:id/attachments', ({ params }) =>
      find(params.id) ? HttpResponse.json({ attachments: [] }) : notFound(),
    ),
    // the caller-history card: these callers have written before none of them
    http.get('*/api/inquiries/:id/caller-history', ({ params }) =>
      find(params.id) ? HttpResponse.json({ total: 0, items: [] }) : notFound(),
    ),
    http.get('*/api/inquiries/:id/workflow', ({ params }) => {
      const d = find(params.id)
      if (!d) return notFound()
      return HttpResponse.json({
        requiresSignOff: options.requiresSignOff ?? false,
        hasWebhook: options.hasWebhook ?? false,
        duplicateOfId: d.duplicateOfId,
        duplicates: [],
        drafts: state.drafts,
        followUps: state.followUps,
        deliveries: state.deliveries,
      })
    }),
    http.get('*/api/departments', () =>
      HttpResponse.json({
        departments: [
          { id: 1, name: '城市管理处', isActive: true, createdAt: 0 },
          { id: 2, name: '交通运输处', isActive: true, createdAt: 0 },
        ],
      }),
    ),
    http.get('*/api/return-reasons', () =>
      HttpResponse.json({
        reasons: [
          { id: 1, label: '非本单位职责', isActive: true, sortOrder: 0 },
          { id: 2, label: '重复件', isActive: true, sortOrder: 1 },
        ],
      }),
    ),
    http.get('*/api/templates', ({ request }) => {
      state.writes.push({
        path: '/api/templates',
        body: Object.fromEntries(new URL(request.url).searchParams),
      })
      return HttpResponse.json({
        templates: [
          {
            id: 7,
            category: '城市管理',
            title: '占道经营答复',
            body: '{市民姓名}您好：您{来件日期}反映的问题已交{承办单位}办理。',
            isActive: true,
            updatedBy: 1,
            updatedAt: 0,
          },
        ],
      })
    }),
    // the API's fill for the composer (templates.service.ts), with this inquiry's values
    http.get('*/api/templates/:id/fill', ({ request }) => {
      const d = find(new URL(request.url).searchParams.get('inquiryId'))
      if (!d) return notFound()
      const body = '{市民姓名}您好：您{来件日期}反映的问题已交{承办单位}办理。'
      return HttpResponse.json(
        fillTemplateForComposer(body, {
          citizenName: d.citizenName,
          receivedDate: '2024年9月27日',
          trackingNumber: d.externalId,
          department: d.department?.name ?? null,
        }),
      )
    }),
    http.post(
      '*/api/inquiries/:id/transfer',
      action((d, b) =>
        change(
          d,
          'transferred',
          { from: null, to: '交通运输处', note: b.note },
          {
            status: 'new',
            assignee: null,
            department: { id: Number(b.departmentId), name: '交通运输处' },
          },
        ),
      ),
    ),
    http.post(
      '*/api/inquiries/:id/return',
      action((d, b) =>
        change(
          d,
          'returned',
          { reason: b.reasonId === 1 ? '非本单位职责' : '重复件', note: b.note },
          { status: 'returned', assignee: null },
        ),
      ),
    ),
    http.post(
      '*/api/inquiries/:id/recategorise',
      action((d, b) =>
        change(
          d,
          'recategorised',
          { from: d.category, to: b.category },
          { category: b.category as string | null },
        ),
      ),
    ),
    http.post(
      '*/api/inquiries/:id/notes',
      action((d, b) => change(d, 'note', { text: b.text })),
    ),
    http.post(
      '*/api/inquiries/:id/merge',
      action((d, b) =>
        change(
          d,
          'merged',
          { mainId: b.mainId },
          { duplicateOfId: Number(b.mainId), status: mergedStatus('message') },
        ),
      ),
    ),
    http.post('*/api/attachments/uploads', ({ request }) => {
      const name = new URL(request.url).searchParams.get('name') ?? ''
      const token = `upload-${state.uploads.length + 1}`.padEnd(24, 'x')
      state.uploads.push({ token, name, type: request.headers.get('content-type') ?? '' })
      return HttpResponse.json({ token, name, type: 'application/pdf', size: 1 }, { status: 201 })
    }),
    http.post(
      '*/api/inquiries/:id/drafts',
      action((d, b) => {
        const number = state.drafts.length + 1
        const attachments = ((b.attachments ?? []) as { token: string }[]).map(({ token }, i) => ({
          id: 500 + i,
          name: state.uploads.find((u) => u.token === token)?.name ?? token,
          type: 'application/pdf',
          size: 1,
          url: `/api/attachments/${500 + i}`,
          source: 'staff',
        }))
        for (const dr of state.drafts) if (dr.status === 'submitted') dr.status = 'superseded'
        state.drafts.push({
          id: 100 + number,
          number,
          body: b.body,
          status: 'submitted',
          author: '张答复',
          at: '2024-09-28T10:00:00.000+08:00',
          reviewer: null,
          reviewedAt: null,
          reviewComment: null,
          replyId: null,
          attachments,
        })
        return change(d, 'draft_submitted', { number }, { status: 'assigned' })
      }),
    ),
    http.post(
      '*/api/inquiries/:id/drafts/:draftId/approve',
      action((d, _b, p) => {
        const draft = byId(state.drafts, p.draftId)
        Object.assign(draft, {
          status: 'approved',
          reviewer: '刘科长',
          reviewedAt: '2024-09-28T11:00:00.000+08:00',
          replyId: 1,
        })
        d.replies = [
          ...d.replies,
          {
            id: 1,
            body: String(draft.body),
            origin: 'desk',
            author: '张答复',
            at: '2024-09-28T11:00:00.000+08:00',
            approvedBy: '刘科长',
            postedAt: null,
          } as Detail['replies'][number],
        ]
        return change(d, 'draft_approved', { number: draft.number }, { status: 'replied' })
      }),
    ),
    http.post(
      '*/api/inquiries/:id/drafts/:draftId/send-back',
      action((d, b, p) => {
        const draft = byId(state.drafts, p.draftId)
        Object.assign(draft, {
          status: 'sent_back',
          reviewer: '刘科长',
          reviewedAt: '2024-09-28T11:00:00.000+08:00',
          reviewComment: b.comment,
        })
        return change(d, 'draft_sent_back', { number: draft.number, comment: b.comment })
      }),
    ),
    http.post(
      '*/api/inquiries/:id/follow-ups',
      action((d, b) => {
        state.followUps.push({
          id: state.followUps.length + 1,
          outcome: b.outcome,
          note: b.note,
          reopened: b.reopen,
          by: '张答复',
          at: '2024-09-29T10:00:00.000+08:00',
        })
        change(d, 'followed_up', { outcome: b.outcome, note: b.note })
        return b.reopen
          ? change(d, 'rehandled', { from: d.status }, { status: d.assignee ? 'assigned' : 'new' })
          : HttpResponse.json({ id: d.id, version: d.version, status: d.status })
      }),
    ),
    http.post(
      '*/api/inquiries/:id/replies/:replyId/posted',
      action((d, b, p) => {
        d.replies = d.replies.map((r) =>
          r.id === Number(p.replyId)
            ? { ...r, postedAt: `${String(b.postedOn)}T00:00:00.000+08:00` }
            : r,
        )
        change(d, 'posted', { replyId: Number(p.replyId), postedOn: b.postedOn })
        return HttpResponse.json({ replyId: Number(p.replyId), postedOn: b.postedOn })
      }),
    ),
    http.post(
      '*/api/inquiries/:id/deliveries/:deliveryId/retry',
      action((_d, _b, p) => {
        const delivery = byId(state.deliveries, p.deliveryId)
        Object.assign(delivery, {
          status: 'delivered',
          deliveredAt: '2024-09-28T12:00:00.000+08:00',
          lastError: null,
        })
        return HttpResponse.json({ delivery })
      }),
    ),
    http.get('*/api/calendar/days', ({ request }) => {
      const year = Number(new URL(request.url).searchParams.get('year'))
      return HttpResponse.json({
        year,
        isLoaded: true,
        days: (options.calendar?.[year] ?? []).map((d) => ({
          ...d,
          source: 'test',
          updatedBy: null,
          updatedAt: 0,
        })),
      })
    }),
    http.post(
      '*/api/inquiries/:id/extensions',
      action((d, b) => {
        state.extensions.push({
          id: 50 + state.extensions.length,
          inquiryId: d.id,
          reason: b.reason,
          status: 'pending',
          requestedAt: '2024-09-28T10:00:00.000+08:00',
          requestedBy: '张答复',
          decidedAt: null,
          decidedBy: null,
          decisionNote: null,
          oldDueAt: null,
          newDueAt: null,
        })
        change(d, 'extension_requested', { reason: b.reason })
        return HttpResponse.json(view(d), { status: 201 })
      }),
    ),
    http.post('*/api/deadlines/extensions/:id/decision', async ({ request, params }) => {
      const body = (await request.json()) as Json
      state.writes.push({ path: new URL(request.url).pathname, body })
      const ext = byId(state.extensions, params.id)
      const d = find(ext.inquiryId)
      if (!d) return notFound()
      Object.assign(
        ext,
        body.approve
          ? { status: 'approved', newDueAt: '2024-11-06T23:59:59.999+08:00' }
          : { status: 'rejected' },
        { decidedBy: '刘科长', decisionNote: body.note ?? null },
      )
      change(d, body.approve ? 'extension_approved' : 'extension_rejected', {
        note: body.note ?? null,
      })
      return HttpResponse.json(view(d))
    }),
  ]
  return { state, handlers }
}
