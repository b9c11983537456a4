/**
 * Where the desk may deliver a channel's webhook. A webhook URL is typed by an admin, and the desk
 * then POSTs to it from inside the bureau's network: pointed at the desk's own machine, a cloud
 * metadata service or another internal host, it would make the desk a proxy into places the
 * admin's browser cannot reach (server-side request forgery, OWASP SSRF Prevention Cheat Sheet).
 * So these addresses are refused, when the URL is saved and again at each delivery against the
 * address the host name resolves to then (a name may resolve elsewhere later):
 * - loopback 127.0.0.0/8, ::1, and the names `localhost`, `*.localhost` (RFC 6761 §6.3);
 * - unspecified 0.0.0.0/8, :: (connecting to 0.0.0.0 reaches the local machine on Linux);
 * - link-local 169.254.0.0/16 (RFC 3927), fe80::/10, which hold the metadata services of Huawei
 *   Cloud, Tencent Cloud and AWS (169.254.169.254, 169.254.0.23);
 * - cloud metadata outside link-local: Alibaba Cloud's 100.100.100.200, AWS's fd00:ec2::254;
 * - multicast, broadcast and reserved 224.0.0.0/3, ff00::/8 (RFC 6890).
 * Private LAN ranges — 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), 100.64.0.0/10
 * (RFC 6598) and fc00::/7 (RFC 4193) — are refused too unless the operator allows them
 * (DESK_WEBHOOK_PRIVATE_NETWORKS=1): a government intranet's platforms are often at 10.x hosts.
 * Loopback can be allowed only for trying the desk on one machine (DESK_WEBHOOK_LOOPBACK=1,
 * the end-to-end tests), never on a server.
 */
import type { WebhookAddressRefusal } from '@desk/domain'
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { BlockList, isIP } from 'node:net'

/** Which kinds of address, refused by default, the operator allows webhooks to. */
export type WebhookNetworks = { privateNetworks: boolean; loopback: boolean }

/** The default: only public addresses. */
export const PUBLIC_ONLY: WebhookNetworks = { privateNetworks: false, loopback: false }

/** `public`, or one of the domain's WEBHOOK_ADDRESS_REFUSALS. */
export type AddressKind = 'public' | WebhookAddressRefusal

function blockList(v4: string[], v6: string[]): BlockList {
  const list = new BlockList()
  const add = (cidr: string, type: 'ipv4' | 'ipv6') => {
    const [net = '', prefix = ''] = cidr.split('/')
    list.addSubnet(net, Number(prefix), type)
  }
  for (const cidr of v4) add(cidr, 'ipv4')
  for (const cidr of v6) add(cidr, 'ipv6')
  return list
}

const METADATA = new Set(['100.100.100.200', '169.254.169.254', '169.254.0.23', 'fd00:ec2::254'])
// checked in this order: the first list an address is in names its kind
const KINDS: [AddressKind, BlockList][] = [
  ['unspecified', blockList(['0.0.0.0/8'], ['::/128'])],
  ['loopback', blockList(['127.0.0.0/8'], ['::1/128'])],
  ['link_local', blockList(['169.254.0.0/16'], ['fe80::/10'])],
  ['reserved', blockList(['224.0.0.0/3'], ['ff00::/8'])],
  [
    'private',
    blockList(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'], ['fc00::/7']),
  ],
]

/**
 * The kind of an IP address (IPv4, or IPv6 including an IPv4-mapped `::ffff:a.b.c.d`, which
 * reaches the IPv4 address). @throws Error when `address` is not an IP address
 */
export function addressKind(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1]
  const ip = mapped ?? bare
  const family = isIP(ip)
  if (family === 0) throw new Error(`Not an IP address: ${address}`)
  if (METADATA.has(ip)) return 'metadata'
  const type = family === 4 ? 'ipv4' : 'ipv6'
  for (const [kind, list] of KINDS) if (list.check(ip, type)) return kind
  return 'public'
}

/** Whether `networks` lets a webhook reach an address of `kind`. */
export function isAllowed(kind: AddressKind, networks: WebhookNetworks): boolean {
  if (kind === 'public') return true
  if (kind === 'private') return networks.privateNetworks
  if (kind === 'loopback') return networks.loopback
  return false
}

/** The refusal of a webhook address, for the admin (422) and the outbox's last error. */
export class WebhookAddressError extends Error {
  constructor(
    readonly address: string,
    readonly kind: AddressKind,
  ) {
    super(
      kind === 'private'
        ? `${address} is in a private network range; webhooks reach private networks only when the operator sets DESK_WEBHOOK_PRIVATE_NETWORKS=1`
        : `${address} is a ${kind.replace('_', '-')} address; the desk does not deliver webhooks there`,
    )
    this.name = 'WebhookAddressError'
  }
}

const isLocalhostName = (host: string) => /(^|\.)localhost\.?$/i.test(host)

/** The host of a URL as the resolver and BlockList take it (`[::1]` -> `::1`). */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/**
 * The refusal for a host given literally (an IP address, or a `localhost` name), or undefined
 * when the host is a name the resolver must answer for.
 */
function literalRefusal(host: string, networks: WebhookNetworks): WebhookAddressError | undefined {
  if (isLocalhostName(host))
    return networks.loopback ? undefined : new WebhookAddressError(host, 'loopback')
  if (isIP(host) === 0) return undefined
  const kind = addressKind(host)
  return isAllowed(kind, networks) ? undefined : new WebhookAddressError(host, kind)
}

export type LookupAll = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

const systemLookup: LookupAll = (hostname, callback) => dnsLookup(hostname, { all: true }, callback)

/**
 * Checks a webhook URL when an admin saves it: the literal host, then every address its name
 * resolves to now. A name that does not resolve from the desk is let through (the platform's
 * name may be published later, or in another DNS view); delivery checks again.
 * @returns the refusal, or undefined when the URL may be saved
 */
export async function webhookUrlRefusal(
  url: string,
  networks: WebhookNetworks,
  lookup: LookupAll = systemLookup,
): Promise<WebhookAddressError | undefined> {
  const host = hostOf(new URL(url))
  const literal = literalRefusal(host, networks)
  if (literal || isIP(host) !== 0 || isLocalhostName(host)) return literal
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    lookup(host, (err, found) => resolve(err ? [] : found)),
  )
  for (const { address } of addresses) {
    const kind = addressKind(address)
    if (!isAllowed(kind, networks)) return new WebhookAddressError(`${host} (${address})`, kind)
  }
  return undefined
}

/**
 * A resolver for `http.request` that refuses a name resolving to any address `networks` does
 * not allow, so the address checked is the address connected to (no second lookup between the
 * check and the connection for a DNS rebinding to slip into).
 */
function guardedLookup(networks: WebhookNetworks, lookup: LookupAll) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    lookup(hostname, (err, found) => {
      if (err) return callback(err, [])
      const wanted = found.filter((a) => !options.family || a.family === options.family)
      for (const { address } of wanted) {
        const kind = addressKind(address)
        if (!isAllowed(kind, networks))
          return callback(new WebhookAddressError(`${hostname} (${address})`, kind), [])
      }
      const [first] = wanted
      if (!first)
        return callback(
          Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }),
          [],
        )
      if (options.all) return callback(null, wanted)
      return callback(null, first.address, first.family)
    })
  }
}

/**
 * The outbox's POST (a `FetchFn`): refuses a literal host `networks` does not allow, resolves a
 * name through the guarded resolver, and follows no redirect (a 3xx is a failed attempt: a
 * receiver must not send the desk on to an internal address). The answer's body is discarded.
 * @throws WebhookAddressError for a refused address; the network's errors; AbortError on `init.signal`
 */
export function webhookFetch(networks: WebhookNetworks, lookup: LookupAll = systemLookup) {
  return (url: string, init: RequestInit): Promise<Response> => {
    const target = new URL(url)
    const refused = literalRefusal(hostOf(target), networks)
    if (refused) return Promise.reject(refused)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const options: RequestOptions = {
      method: init.method ?? 'POST',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      lookup: guardedLookup(networks, lookup) as unknown as RequestOptions['lookup'],
      ...(init.signal ? { signal: init.signal } : {}),
    }
    return new Promise<Response>((resolve, reject) => {
      const req = send(target, options, (res: IncomingMessage) => {
        res.resume() // the answer's body is not needed: drain it so the socket is freed
        resolve(new Response(null, { status: res.statusCode ?? 502 }))
      })
      req.once('error', reject)
      req.end(typeof init.body === 'string' ? init.body : undefined)
    })
  }
}
