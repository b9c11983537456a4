/**
 * The queue view an inquiry page was opened from, carried in the router's location state by the
 * queue's links: the queue URL's search (to go back to the same view) and the API filter of that
 * view (to find the next pending inquiry in it, "send and next"). Absent when the page was opened
 * by its URL: the default view (every channel, pending, earliest due first) stands in.
 */
import { useLocation } from 'react-router'

export type QueueOrigin = {
  /** `?channel=minxin&due=overdue`, or '' */
  search: string
  /** the `GET /api/inquiries` query of that view (channel, filters, sort) */
  query: Record<string, string>
}

/** The location state a queue link passes. */
export const queueOriginState = (origin: QueueOrigin) => ({ queue: origin })

/** The origin in the current location's state, if the page was opened from the queue. */
export function useQueueOrigin(): QueueOrigin | undefined {
  const state = useLocation().state as { queue?: QueueOrigin } | null
  return state?.queue
}

/** `/queue` with the origin's view. */
export const queuePath = (origin: QueueOrigin | undefined) => `/queue${origin?.search ?? ''}`
