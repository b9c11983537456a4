import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { createTestDb } from '../../db/client.ts'
import { DEFAULT_CHANNELS } from '@desk/domain'
import {
  PUBLIC_ONLY,
  addressKind,
  webhookFetch,
  type LookupAll,
  type WebhookNetworks,
} from '../../lib/webhook-address.ts'
import { deliverDue } from '../inquiries/deliveries.service.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { T0, addInquiries, call, signIn, TEST_WEBHOOK_NETWORKS } from '../../test/setup.ts'
import { updateChannelSettings } from './channel-settings.service.ts'

const SECRET = 'test-secret-0123456789abcdef'
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((ok) => s.close(() => ok()))
})

/** A receiver on 127.0.0.1 that counts what reaches it. */
async function receiver() {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    res.writeHead(200).end('{}')
  })
  servers.push(server)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  return { port: typeof address === 'object' && address ? address.port : 0, hits }
}

async function deskWith(webhookNetworks: WebhookNetworks) {
  const db = await createTestDb()
  await ensureChannels(db, DEFAULT_CHANNELS, T0)
  return { db, app: createApp({ db, now: () => T0, webhookNetworks }) }
}

describe('where a webhook may point', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.10.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['10.20.30.40', 'private'],
    ['172.31.255.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['202.96.134.133', 'public'],
    ['2400:3200::1', 'public'],
    // IPv6 forms that carry an IPv4 address a translator or tunnel delivers to
    ['::127.0.0.1', 'loopback'],
    ['::a9fe:a9fe', 'metadata'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::c0a8:10a', 'private'],
    ['64:ff9b::ca60:8685', 'public'],
    ['64:ff9b:1::7f00:1', 'loopback'],
    ['64:ff9b:1::ca60:8685', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['2002:ca60:8685::1', 'public'],
    // Teredo: server 65.54.227.120, client 192.168.1.10 inverted (3f57:fef5)
    ['2001:0:4136:e378:8000:63bf:3f57:fef5', 'private'],
    ['2001:0:4136:e378:8000:63bf:35f6:7a7a', 'public'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind)
  })

  it('refuses loopback, link-local, metadata and (unless allowed) private hosts when saved, with a 422 naming webhookUrl', async () => {
    const desk = await deskWith(PUBLIC_ONLY)
    const admin = await signIn(desk, 'admin')
    const save = (webhookUrl: string) =>
      call(desk, admin, 'PATCH', '/channel-settings/minxin', { webhookUrl, webhookSecret: SECRET })
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://api.localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/latest/meta-data/',
      'http://0.0.0.0:3000/',
      'https://10.1.2.3/hook',
      'http://[::127.0.0.1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[64:ff9b:1::a00:1]/',
      'http://[2002:a00:1::1]/',
      'http://[2001:0:4136:e378:8000:63bf:3f57:fef5]/',
    ]) {
      const res = await save(url)
      expect(res.status, url).toBe(422)
      const { error } = (await res.json()) as {
        error: { message: string; details: { path: string[]; reason: string }[] }
      }
      expect(error.details, url).toMatchObject([
        { path: ['webhookUrl'], reason: 'webhook_address' },
      ])
      expect(error.message, url).toMatch(/^webhookUrl: /)
    }
    const metadata = await save('http://169.254.169.254/latest/meta-data/')
    expect(((await metadata.json()) as { error: { details: unknown } }).error.details).toEqual([
      {
        path: ['webhookUrl'],
        message: '169.254.169.254 is a metadata address; the desk does not deliver webhooks there',
        reason: 'webhook_address',
        kind: 'metadata',
        address: '169.254.169.254',
      },
    ])
    const unspecified = await save('http://0.0.0.0:3000/')
    expect(((await unspecified.json()) as { error: { message: string } }).error.message).toBe(
      'webhookUrl: 0.0.0.0 is an unspecified address; the desk does not deliver webhooks there',
    )
    const settings = (await (await call(desk, admin, 'GET', '/channel-settings')).json()) as {
      settings: { channel: string; webhookUrl: string | null }[]
    }
    expect(settings.settings.find((s) => s.channel === 'minxin')?.webhookUrl).toBeNull()
    expect((await save('https://platform.example.gov.cn/hook')).status).toBe(200)

    // the operator's opt-in lets an intranet host in, never the metadata service or loopback
    const lan = await deskWith({ privateNetworks: true, loopback: false })
    const lanAdmin = await signIn(lan, 'admin')
    const lanSave = (webhookUrl: string) =>
      call(lan, lanAdmin, 'PATCH', '/channel-settings/minxin', {
        webhookUrl,
        webhookSecret: SECRET,
      })
    expect((await lanSave('https://10.1.2.3/hook')).status).toBe(200)
    expect((await lanSave('http://169.254.169.254/')).status).toBe(422)
    expect((await lanSave('http://127.0.0.1/')).status).toBe(422)
  })

  it('refuses at save a name that resolves now to a refused address, and saves a name that does not resolve with a warning', async () => {
    const desk = await deskWith(PUBLIC_ONLY)
    const admin = await signIn(desk, 'admin')
    const names: Record<string, string[]> = {
      '127.0.0.1.nip.io': ['127.0.0.1'],
      'hooks.example.cn': ['202.96.134.133', '10.0.0.7'],
      'platform.example.gov.cn': ['202.96.134.133', '2400:3200::1'],
    }
    const lookup: LookupAll = (host, cb) => {
      const found = names[host]
      if (!found) return cb(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), [])
      cb(
        null,
        found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      )
    }
    const save = (webhookUrl: string) =>
      updateChannelSettings(
        desk.db,
        'minxin',
        { webhookUrl, webhookSecret: SECRET },
        admin.userId,
        T0,
        PUBLIC_ONLY,
        lookup,
      )
    await expect(save('http://127.0.0.1.nip.io/hook')).rejects.toMatchObject({
      details: [
        { path: ['webhookUrl'], kind: 'loopback', address: '127.0.0.1.nip.io (127.0.0.1)' },
      ],
    })
    await expect(save('https://hooks.example.cn/hook')).rejects.toMatchObject({
      details: [{ kind: 'private', address: 'hooks.example.cn (10.0.0.7)' }],
    })
    expect(await save('https://platform.example.gov.cn/hook')).toMatchObject({
      settings: { webhookUrl: 'https://platform.example.gov.cn/hook' },
      warnings: [],
    })
    expect((await save('https://intranet.example.gov.cn/hook')).warnings).toEqual([
      {
        path: ['webhookUrl'],
        reason: 'webhook_unresolved',
        host: 'intranet.example.gov.cn',
        message:
          'intranet.example.gov.cn does not resolve from the desk now; saved, and each delivery checks the address it resolves to then',
      },
    ])
  })

  it('refuses at delivery a host that resolves to a refused address then, and follows no redirect; nothing is sent', async () => {
    const target = await receiver()
    // a name that resolved to a public address when saved and to this machine now (DNS rebinding)
    const rebound: LookupAll = (_host, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }])
    const post = (url: string, fetchFn = webhookFetch(PUBLIC_ONLY, rebound)) =>
      fetchFn(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    await expect(post(`http://hooks.example.cn:${target.port}/a`)).rejects.toThrow(
      'hooks.example.cn (127.0.0.1) is a loopback address; the desk does not deliver webhooks there',
    )
    await expect(post(`http://127.0.0.1:${target.port}/b`)).rejects.toThrow(/loopback/)
    expect(target.hits).toEqual([])
    // allowed, it reaches the receiver through the checked address
    const allowed = webhookFetch(TEST_WEBHOOK_NETWORKS, rebound)
    expect((await post(`http://hooks.example.cn:${target.port}/c`, allowed)).status).toBe(200)
    expect(target.hits).toEqual(['/c'])

    // a receiver that answers with a redirect to the metadata service is not followed
    const redirect = createServer((_req, res) =>
      res.writeHead(307, { location: 'http://169.254.169.254/latest/' }).end(),
    )
    servers.push(redirect)
    await new Promise<void>((ok) => redirect.listen(0, '127.0.0.1', ok))
    const port = (redirect.address() as { port: number }).port
    expect((await post(`http://127.0.0.1:${port}/`, allowed)).status).toBe(307)
  })

  it('fails the attempt of a message whose webhook a desk with the default now refuses, naming why', async () => {
    const target = await receiver()
    const desk = await deskWith(PUBLIC_ONLY)
    const admin = await signIn(desk, 'admin')
    const responder = await signIn(desk)
    // saved while allowed (a desk whose operator has since withdrawn the opt-in)
    await updateChannelSettings(
      desk.db,
      'minxin',
      { webhookUrl: `http://127.0.0.1:${target.port}/hook`, webhookSecret: SECRET },
      admin.userId,
      T0,
      TEST_WEBHOOK_NETWORKS,
    )
    const [item] = await addInquiries(desk.db, [{ channelCode: 'minxin' }])
    const reply = await call(desk, responder, 'POST', `/inquiries/${item!.id}/replies`, {
      version: 1,
      body: '您好，已办理。',
    })
    expect(reply.status).toBe(201)
    expect(await deliverDue(desk.db, T0)).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    const { deliveries } = (await (await call(desk, admin, 'GET', '/outbox')).json()) as {
      deliveries: { lastError: string }[]
    }
    expect(deliveries.map((d) => d.lastError)).toEqual([
      'WebhookAddressError: 127.0.0.1 is a loopback address; the desk does not deliver webhooks there',
    ])
    expect(target.hits).toEqual([])
  })
})
