/**
 * The queue's view state, kept entirely in the URL's search params so a link such as
 * `/queue?channel=minxin&status=pending` reproduces a view exactly. Defaults are left out of the
 * URL: status `pending`, assignee `all`, sort `due_asc`.
 * URL params: channel, status, assignee (mine | unassigned), q, from, to (YYYY-MM-DD, Asia/Shanghai), sort.
 */
import { QUEUE_SORTS, STATUS_FILTERS, type QueueSort, type StatusFilter } from '@desk/domain'

export const ASSIGNEE_FILTERS = ['all', 'mine', 'unassigned'] as const
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number]

export type QueueView = {
  channel?: string
  status: StatusFilter
  assignee: AssigneeFilter
  q?: string
  from?: string
  to?: string
  sort: QueueSort
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.find((v) => v === value) ?? fallback
const text = (value: string | null) => value?.trim() || undefined
const date = (value: string | null) => (value && DATE.test(value) ? value : undefined)

/** Reads the view from the URL; unknown values fall back to the defaults. */
export function readQueueView(params: URLSearchParams): QueueView {
  return {
    channel: text(params.get('channel')),
    status: pick(STATUS_FILTERS, params.get('status'), 'pending'),
    assignee: pick(ASSIGNEE_FILTERS, params.get('assignee'), 'all'),
    q: text(params.get('q')),
    from: date(params.get('from')),
    to: date(params.get('to')),
    sort: pick(QUEUE_SORTS, params.get('sort'), 'due_asc'),
  }
}

/** The URL search params of a view, defaults omitted, in a stable order. */
export function writeQueueView(view: QueueView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.channel) params.set('channel', view.channel)
  if (view.status !== 'pending') params.set('status', view.status)
  if (view.assignee !== 'all') params.set('assignee', view.assignee)
  if (view.q) params.set('q', view.q)
  if (view.from) params.set('from', view.from)
  if (view.to) params.set('to', view.to)
  if (view.sort !== 'due_asc') params.set('sort', view.sort)
  return params
}

/** The API's filter query (`GET /api/inquiries` and `/counts`) for a view, minus the channel. */
export function toFilterQuery(view: QueueView) {
  return {
    status: view.status,
    ...(view.assignee === 'mine' ? { assignee: 'me' } : view.assignee === 'unassigned' ? { assignee: 'none' } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
  }
}
