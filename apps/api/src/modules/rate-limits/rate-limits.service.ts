/**
 * Where the rate limiter (hono-rate-limiter, lib/rate-limit.ts) keeps its counts: in the desk's
 * database, so that several API processes on one database enforce one limit per client (its
 * in-memory store would let each process allow the whole limit).
 */
import type { Store } from 'hono-rate-limiter'
import type { Db } from '../../db/client.ts'
import type { AppEnv } from '../../lib/context.ts'
import * as repo from './rate-limits.repo.ts'

/**
 * A hono-rate-limiter store on `db`: a fixed window of the limiter's `windowMs` per key, each hit
 * counted by one atomic upsert; rows of ended windows are removed whenever a key starts a window.
 * @param clock UTC epoch ms (the app's clock, so tests can move time)
 */
export function databaseRateLimitStore(db: Db, clock: () => number = Date.now): Store<AppEnv> {
  let windowMs = 60_000
  return {
    localKeys: false,
    init: (options) => {
      windowMs = options.windowMs
    },
    increment: async (key) => {
      const now = clock()
      const { hits, resetAt } = await repo.countHit(db, key, now, windowMs)
      if (hits === 1) await repo.deleteEndedWindows(db, now)
      return { totalHits: hits, resetTime: new Date(resetAt) }
    },
    decrement: async (key) => await repo.uncountHit(db, key),
    resetKey: async (key) => await repo.deleteKey(db, key),
  }
}
