import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { openDb } from '../../db/client.ts'
import {
  addInquiries,
  call,
  setupDesk,
  signIn,
  T0,
  TEST_WEBHOOK_NETWORKS,
} from '../../test/setup.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { deliverDue } from '../inquiries/deliveries.service.ts'
import { backoffMs } from './outbox.service.ts'

const SECRET = 'test-secret-0123456789abcdef'
type Hit = { key: string; signature: string; body: string }

/** A channel platform on 127.0.0.1: answers 500 to the first `failFirst` requests, then 200; drops repeated keys. */
async function startReceiver(failFirst: number) {
  const hits: Hit[] = []
  const accepted = new Map<string, unknown>()
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'])
      hits.push({ key, signature: String(req.headers['x-desk-signature']), body })
      if (hits.length <= failFirst) {
        res.writeHead(500).end()
        return
      }
      if (!accepted.has(key)) accepted.set(key, JSON.parse(body))
      res.writeHead(200).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/replies`,
    hits,
    accepted,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('outbox delivery to a channel webhook', () => {
  it('retries with backoff through two failures and an API restart, and the channel gets the reply exactly once', async () => {
    const receiver = await startReceiver(2)
    cleanups.push(receiver.close)
    const dir = mkdtempSync(join(tmpdir(), 'desk-outbox-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'desk.db')

    // first run of the API: the reply is written with its outbox message
    let db = openDb(file)
    await ensureChannels(db, DEFAULT_CHANNELS, T0)
    const desk = {
      db,
      app: createApp({ db, now: () => T0, webhookNetworks: TEST_WEBHOOK_NETWORKS }),
    }
    const admin = await signIn(desk, 'admin')
    const s = await signIn(desk)
    expect(
      (
        await call(desk, admin, 'PATCH', '/channel-settings/hotline_12345', {
          webhookUrl: receiver.url,
          webhookSecret: SECRET,
        })
      ).status,
    ).toBe(200)
    const [r] = await addInquiries(db, [{ externalId: 'GD-0001' }])
    expect(
      (
        await call(desk, s, 'POST', `/inquiries/${r!.id}/replies`, {
          version: 1,
          body: '您好，已办理。',
        })
      ).status,
    ).toBe(201)

    expect(await deliverDue(db, T0, fetch)).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    // not due again before the backoff has passed
    expect(await deliverDue(db, T0 + backoffMs(1) - 1, fetch)).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    })
    expect(await deliverDue(db, T0 + backoffMs(1), fetch)).toEqual({
      delivered: 0,
      retrying: 1,
      failed: 0,
    })
    const pending = (await (await call(desk, admin, 'GET', '/outbox?status=pending')).json()) as {
      deliveries: { attempts: number; lastError: string }[]
    }
    expect(pending.deliveries).toMatchObject([{ attempts: 2, lastError: 'HTTP 500' }])
    db.$client.close()

    // restart: a new process on the same file picks the message up
    db = openDb(file)
    cleanups.push(() => {
      db.$client.close()
    })
    const later = T0 + backoffMs(1) + backoffMs(2)
    expect(await deliverDue(db, later, fetch)).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(await deliverDue(db, later + 3_600_000, fetch)).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    })

    expect(receiver.hits).toHaveLength(3)
    expect(new Set(receiver.hits.map((h) => h.key)).size).toBe(1)
    expect(receiver.accepted.size).toBe(1)
    const hit = receiver.hits[2]!
    expect(hit.signature).toBe(
      `sha256=${createHmac('sha256', SECRET).update(hit.body).digest('hex')}`,
    )
    expect([...receiver.accepted.values()][0]).toMatchObject({
      type: 'reply',
      externalId: 'GD-0001',
      body: '您好，已办理。',
      channel: 'hotline_12345',
    })
    const app2 = { db, app: createApp({ db, now: () => later }) }
    const events = (
      (await (await call(app2, s, 'GET', `/inquiries/${r!.id}`)).json()) as {
        inquiry: { events: { type: string }[] }
      }
    ).inquiry.events
    expect(events.map((e) => e.type)).toEqual(['received', 'replied', 'delivered'])
  })

  it('resends with the same key when the channel got it but the desk did not record it (crash after the POST)', async () => {
    const receiver = await startReceiver(0)
    cleanups.push(receiver.close)
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
    })
    const [r] = await addInquiries(desk.db, [{ channelCode: 'minxin' }])
    await call(desk, admin, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: '答复' })
    const crashing = async (url: string, init: RequestInit) => {
      await fetch(url, init)
      throw new Error('process died before recording')
    }
    expect((await deliverDue(desk.db, T0, crashing)).retrying).toBe(1)
    expect((await deliverDue(desk.db, T0 + backoffMs(1), fetch)).delivered).toBe(1)
    expect(receiver.hits.map((h) => h.key)).toEqual([receiver.hits[0]!.key, receiver.hits[0]!.key])
    expect(receiver.accepted.size).toBe(1)
  })

  it('gives up after the attempt budget, shows the failure, and retries by hand', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
      webhookUrl: 'http://127.0.0.1:9/none',
      webhookSecret: SECRET,
    })
    const [r] = await addInquiries(desk.db, [{ channelCode: 'minxin' }])
    await call(desk, admin, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: '答复' })
    const refuse = () => Promise.resolve(new Response('no', { status: 503 }))
    let now = T0
    for (let i = 1; i <= 10; i++) {
      await deliverDue(desk.db, now, refuse)
      now += backoffMs(i)
    }
    const failed = (await (await call(desk, admin, 'GET', '/outbox?status=failed')).json()) as {
      deliveries: { id: number; attempts: number; lastError: string }[]
    }
    expect(failed.deliveries).toMatchObject([{ attempts: 10, lastError: 'HTTP 503' }])
    const wf = (await (await call(desk, admin, 'GET', `/inquiries/${r!.id}/workflow`)).json()) as {
      deliveries: { status: string }[]
    }
    expect(wf.deliveries.map((x) => x.status)).toEqual(['failed'])
    const id = failed.deliveries[0]!.id
    expect(
      (await call(desk, admin, 'POST', `/inquiries/${r!.id}/deliveries/${id}/retry`)).status,
    ).toBe(200)
    expect(
      (await deliverDue(desk.db, T0, () => Promise.resolve(new Response(null, { status: 204 }))))
        .delivered,
    ).toBe(1)
  })

  it('writes no message for a channel without a webhook', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'manager')
    const [r] = await addInquiries(desk.db, [{}])
    await call(desk, s, 'POST', `/inquiries/${r!.id}/replies`, { version: 1, body: '答复' })
    expect(
      ((await (await call(desk, s, 'GET', '/outbox')).json()) as { deliveries: unknown[] })
        .deliveries,
    ).toEqual([])
  })
})
