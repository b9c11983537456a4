/**
 * The delivery loop over the outbox that main.ts starts (createApp does not, so tests drive `deliverDue` themselves).
 * Every `intervalMs` it sends what is due; messages left undelivered by a stop or crash are
 * simply still pending in the database and go out on the next start.
 */
import type { Db } from '../../db/client.ts'
import type { Logger } from '../../lib/logger.ts'
import { PUBLIC_ONLY, webhookFetch, type WebhookNetworks } from '../../lib/webhook-address.ts'
import type { FetchFn } from '../outbox/outbox.service.ts'
import { deliverDue } from './deliveries.service.ts'

export type OutboxWorker = { stop: () => Promise<void> }

export function startOutboxWorker(
  db: Db,
  opts: {
    intervalMs?: number
    now?: () => number
    fetch?: FetchFn
    /** where webhooks may be delivered when `fetch` is not given; default PUBLIC_ONLY */
    networks?: WebhookNetworks
    logger: Logger
  },
): OutboxWorker {
  const intervalMs = opts.intervalMs ?? 5_000
  const fetchFn = opts.fetch ?? webhookFetch(opts.networks ?? PUBLIC_ONLY)
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  const tick = () => {
    running = deliverDue(db, (opts.now ?? Date.now)(), fetchFn)
      .then((r) => {
        if (r.delivered + r.retrying + r.failed > 0) opts.logger.info('outbox', r)
      })
      .catch((err: unknown) => opts.logger.error(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  let timer = setTimeout(tick, 0)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
