/**
 * The queue's view state, kept entirely in the URL's search params so a link such as
 * `/queue?channel=minxin&status=pending` reproduces a view exactly. Defaults are left out of the
 * URL: status `pending`, assignee `all`, sort `due_asc`.
 * URL params: channel, status, assignee (mine | unassigned | a user id), q, from, to (YYYY-MM-DD, Asia/Shanghai),
 * sort; and, as the API names them, replied, category, uncategorized (1), due (overdue | N working days), satisfaction,
 * department (a department id | none: not yet dispatched), reopened (1: in another handling round), which have no control
 * here but arrive in links (the dashboard's numbers) that must list exactly their rows; proposalSource and keyProposal
 * (1), the annual report's proposals sentence's links (one source body's suggestions and proposals, key ones); unposted
 * (1: a desk reply not yet on the channel's platform, 待回填平台) and urged (1: urged by the platform, 催办).
 */
import {
  QUEUE_SORTS,
  REPLY_FILTERS,
  SATISFACTION_FILTERS,
  STATUS_FILTERS,
  type QueueSort,
  type ReplyFilter,
  type SatisfactionFilter,
  type StatusFilter,
} from '@desk/domain'

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
  /** one user's items (`assignee=<id>` in the URL); used only while `assignee` is `all` */
  assigneeId?: number
  replied?: ReplyFilter
  category?: string
  uncategorized?: '1'
  due?: string
  satisfaction?: SatisfactionFilter
  /** one department's items (its id), or `none`: those not yet dispatched to a department */
  department?: number | 'none'
  /** `1`: only inquiries with a desk reply neither marked posted on the platform nor delivered by webhook */
  unposted?: '1'
  /** a suggestion or proposal's source body (省人大, 市政协 …) */
  proposalSource?: string
  /** `1`: key items only (重点建议 of congresses, 重点提案 of CPPCC committees) */
  keyProposal?: '1'
  /** `1`: only pending inquiries the platform urged (催办) since their last answer */
  urged?: '1'
  /** `1`: only inquiries a citizen's later message sent into another handling round (the dashboard's link) */
  reopened?: '1'
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.find((v) => v === value) ?? fallback
const text = (value: string | null) => value?.trim() || undefined
const date = (value: string | null) => (value && DATE.test(value) ? value : undefined)
const match = (value: string | null, pattern: RegExp) =>
  value && pattern.test(value) ? value : undefined
const ID = /^[1-9]\d{0,9}$/
const id = (value: string | null) => (match(value, ID) ? Number(value) : undefined)

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
    assigneeId: id(params.get('assignee')),
    replied: REPLY_FILTERS.find((r) => r === params.get('replied')),
    category: text(params.get('category')),
    uncategorized: params.get('uncategorized') === '1' ? '1' : undefined,
    due: match(params.get('due'), /^(overdue|\d{1,2})$/),
    satisfaction: SATISFACTION_FILTERS.find((s) => s === params.get('satisfaction')),
    department: params.get('department') === 'none' ? 'none' : id(params.get('department')),
    unposted: params.get('unposted') === '1' ? '1' : undefined,
    proposalSource: text(params.get('proposalSource')),
    keyProposal: params.get('keyProposal') === '1' ? '1' : undefined,
    urged: params.get('urged') === '1' ? '1' : undefined,
    reopened: params.get('reopened') === '1' ? '1' : undefined,
  }
}

/** The URL search params of a view, defaults omitted, in a stable order. */
export function writeQueueView(view: QueueView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.channel) params.set('channel', view.channel)
  if (view.status !== 'pending') params.set('status', view.status)
  if (view.assignee !== 'all') params.set('assignee', view.assignee)
  else if (view.assigneeId) params.set('assignee', String(view.assigneeId))
  if (view.q) params.set('q', view.q)
  if (view.from) params.set('from', view.from)
  if (view.to) params.set('to', view.to)
  if (view.replied) params.set('replied', view.replied)
  if (view.category) params.set('category', view.category)
  if (view.uncategorized) params.set('uncategorized', view.uncategorized)
  if (view.due) params.set('due', view.due)
  if (view.satisfaction) params.set('satisfaction', view.satisfaction)
  if (view.department) params.set('department', String(view.department))
  if (view.unposted) params.set('unposted', view.unposted)
  if (view.proposalSource) params.set('proposalSource', view.proposalSource)
  if (view.keyProposal) params.set('keyProposal', view.keyProposal)
  if (view.urged) params.set('urged', view.urged)
  if (view.reopened) params.set('reopened', view.reopened)
  if (view.sort !== 'due_asc') params.set('sort', view.sort)
  return params
}

/** The API's filter query (`GET /api/inquiries` and `/counts`) for a view, minus the channel. */
export function toFilterQuery(view: QueueView) {
  return {
    status: view.status,
    ...(view.assignee === 'mine'
      ? { assignee: 'me' }
      : view.assignee === 'unassigned'
        ? { assignee: 'none' }
        : {}),
    ...(view.assignee === 'all' && view.assigneeId ? { assignee: String(view.assigneeId) } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...(view.replied ? { replied: view.replied } : {}),
    ...(view.category ? { category: view.category } : {}),
    ...(view.uncategorized ? { uncategorized: view.uncategorized } : {}),
    ...(view.due ? { due: view.due } : {}),
    ...(view.satisfaction ? { satisfaction: view.satisfaction } : {}),
    ...(view.department ? { department: String(view.department) } : {}),
    ...(view.unposted ? { unposted: view.unposted } : {}),
    ...(view.proposalSource ? { proposalSource: view.proposalSource } : {}),
    ...(view.keyProposal ? { keyProposal: view.keyProposal } : {}),
    ...(view.urged ? { urged: view.urged } : {}),
    ...(view.reopened ? { reopened: view.reopened } : {}),
  }
}

/**
 * The change the 待回填平台 (not yet posted) toggle makes. Replying makes an inquiry `replied`, so under the default
 * `pending` status almost nothing would match: turning it on widens `pending` to `all` (a status chosen on purpose
 * stays); turning it off leaves the status as it is.
 */
export function unpostedPatch(view: QueueView, isOn: boolean): Partial<QueueView> {
  if (!isOn) return { unposted: undefined }
  return { unposted: '1', ...(view.status === 'pending' ? { status: 'all' as const } : {}) }
}
