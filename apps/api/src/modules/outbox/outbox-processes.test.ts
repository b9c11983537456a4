import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { addInquiries, call, signIn, T0, TEST_WEBHOOK_NETWORKS } from '../../test/setup.ts'
import { twoProcesses, type TwoProcesses } from '../../test/two-processes.ts'
import { startOutboxWorker } from '../inquiries/delivery-worker.ts'
import { listDeliveries } from './outbox.service.ts'

const REPLIES = 12
let pair: TwoProcesses | undefined
let receiver: Server | undefined
afterEach(async () => {
  await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)))
  await pair?.close()
})

/** A channel platform on 127.0.0.1 that counts every request by its Idempotency-Key. */
async function countingReceiver() {
  const hits = new Map<string, number>()
  receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'])
      hits.set(key, (hits.get(key) ?? 0) + 1)
      // a receiver that takes a moment, as a real platform does: both processes are sending at once
      setTimeout(() => res.writeHead(200).end('{"ok":true}'), 5)
    })
  })
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
  const address = receiver.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/replies`, hits }
}

describe('the outbox with two API processes delivering from one database', () => {
  it('sends each reply exactly once: every message claimed by one process', async () => {
    const platform = await countingReceiver()
    pair = await twoProcesses(T0)
    const desk = {
      db: pair.a,
      app: createApp({ db: pair.a, now: () => T0, webhookNetworks: TEST_WEBHOOK_NETWORKS }),
    }
    const admin = await signIn(desk, 'admin')
    const responder = await signIn(desk)
    const settings = { webhookUrl: platform.url, webhookSecret: 'test-secret-0123456789abcdef' }
    expect(
      (await call(desk, admin, 'PATCH', '/channel-settings/hotline_12345', settings)).status,
    ).toBe(200)
    const inquiries = await addInquiries(
      pair.a,
      Array.from({ length: REPLIES }, (_, i) => ({ externalId: `GD-${i}` })),
    )
    for (const { id } of inquiries) {
      const res = await call(desk, responder, 'POST', `/inquiries/${id}/replies`, {
        version: 1,
        body: '您好，已办理。',
      })
      expect(res.status).toBe(201)
    }

    // the real delivery loop in each process, polling often
    const delivered = [0, 0]
    const errors: unknown[] = []
    const workers = [pair.a, pair.b].map((db, i) =>
      startOutboxWorker(db, {
        intervalMs: 5,
        now: () => T0,
        networks: TEST_WEBHOOK_NETWORKS,
        logger: {
          info: (_m, r) => (delivered[i]! += (r as { delivered: number }).delivered),
          error: (err) => errors.push(err),
        },
      }),
    )
    const all = { status: 'delivered' as const, limit: 100 }
    while ((await listDeliveries(pair.b, all)).length < REPLIES) {
      if (errors.length > 0) throw errors[0]
      await new Promise((r) => setTimeout(r, 20))
    }
    await Promise.all(workers.map((w) => w.stop()))

    expect(platform.hits.size).toBe(REPLIES)
    expect([...platform.hits.values()]).toEqual(Array<number>(REPLIES).fill(1))
    expect(delivered[0]! + delivered[1]!).toBe(REPLIES)
    const deliveries = await listDeliveries(pair.a, { limit: 100 })
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual(
      Array<[string, number]>(REPLIES).fill(['delivered', 1]),
    )
  })
})
