/**
 * The queue link of a dashboard number. The API gives each count the query of `GET /api/inquiries`
 * that lists exactly its rows; the queue page keeps its filters in the URL under the same names,
 * except `assignee`, which the queue writes `mine` / `unassigned` for the API's `me` / `none`
 * (a user id passes through), and `status`, which the queue leaves out when it is `pending`.
 */
const QUEUE_ASSIGNEE: Record<string, string> = { me: 'mine', none: 'unassigned' }

/** `/queue?…` listing the rows of `filter` (the API's query parameters, as strings). */
export function queueHref(filter: Record<string, string>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'status' && value === 'pending') continue
    params.set(key, key === 'assignee' ? (QUEUE_ASSIGNEE[value] ?? value) : value)
  }
  const query = params.toString()
  return query ? `/queue?${query}` : '/queue'
}
