/**
 * How many rows one keyset page of the queue asks for: 50, 100 or 200 (the API's `limit` caps at
 * 200). The choice is remembered in this browser (localStorage), so a responder who works through
 * long lists sets it once.
 */
import { useState } from 'react'

export const QUEUE_PAGE_SIZES = [50, 100, 200] as const
export type QueuePageSize = (typeof QUEUE_PAGE_SIZES)[number]

const KEY = 'desk.queue.pageSize'

/** The remembered size; 50 when none (or storage is blocked). */
export function readPageSize(): QueuePageSize {
  try {
    const stored = Number(localStorage.getItem(KEY))
    return QUEUE_PAGE_SIZES.find((s) => s === stored) ?? 50
  } catch {
    return 50
  }
}

/** `[size, setSize]`; setting it also stores it. */
export function usePageSize() {
  const [size, setSize] = useState(readPageSize)
  const update = (next: QueuePageSize) => {
    setSize(next)
    try {
      localStorage.setItem(KEY, String(next))
    } catch {
      // storage blocked (private mode): the size holds for this page only
    }
  }
  return [size, update] as const
}
