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
 * - multicast, broadcast, documentation and other reserved ranges (RFC 6890's registries, as
 *   ipaddr.js names them);
 * - an IPv6 address carrying one of these IPv4 addresses (IPv4-mapped or -compatible, NAT64,
 *   6to4, Teredo), which a translator or tunnel delivers to that IPv4 address.
 * Private LAN ranges — 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), 100.64.0.0/10
 * (RFC 6598), fc00::/7 (RFC 4193), the deprecated site-local fec0::/10 and the local-use NAT64
 * prefix 64:ff9b:1::/48 (RFC 8215) — are refused too unless the operator allows them
 * (DESK_WEBHOOK_PRIVATE_NETWORKS=1): a government intranet's platforms are often at 10.x hosts.
 * Loopback can be allowed only for trying the desk on one machine (DESK_WEBHOOK_LOOPBACK=1,
 * the end-to-end tests), never on a server.
 */
import type { WebhookAddressRefusal } from '@desk/domain'
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'
import { withArticle } from './english.ts'

/** Which kinds of address, refused by default, the operator allows webhooks to. */
export type WebhookNetworks = { privateNetworks: boolean; loopback: boolean }

/** The default: only public addresses. */
export const PUBLIC_ONLY: WebhookNetworks = { privateNetworks: false, loopback: false }

/** `public`, or one of the domain's WEBHOOK_ADDRESS_REFUSALS. */
export type AddressKind = 'public' | WebhookAddressRefusal

// ipaddr.js's names for the special ranges of RFC 6890's registries, as the desk's kinds; a name
// not listed (unicast, as112, amt, …) is public
const RANGE_KINDS: Record<string, AddressKind> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link_local',
  broadcast: 'reserved',
  multicast: 'reserved',
  reserved: 'reserved',
  discard: 'reserved',
  benchmarking: 'reserved',
  deprecatedOrchid: 'reserved',
  orchid2: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  segmentRouting: 'reserved',
  private: 'private',
  carrierGradeNat: 'private',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
}

// the kinds by how strictly they are refused: never, unless loopback is allowed, unless private
// networks are; an address that reaches two places is as strict as the stricter one
const STRICTNESS: AddressKind[] = [
  'public',
  'private',
  'loopback',
  'reserved',
  'link_local',
  'unspecified',
  'metadata',
]
const stricter = (a: AddressKind, b: AddressKind) =>
  STRICTNESS.indexOf(a) >= STRICTNESS.indexOf(b) ? a : b

const METADATA = new Set(['100.100.100.200', '169.254.169.254', '169.254.0.23', 'fd00:ec2::254'])

const v4At = (bytes: number[], at: number, xor = 0) =>
  new ipaddr.IPv4(bytes.slice(at, at + 4).map((b) => b ^ xor))

/**
 * The IPv4 addresses an IPv6 address carries and reaches through a translator or a tunnel:
 * IPv4-mapped `::ffff:a.b.c.d` and IPv4-compatible `::a.b.c.d` (RFC 4291 §2.5.5), IPv4-translated
 * `::ffff:0:a.b.c.d` (RFC 6145), NAT64 `64:ff9b::a.b.c.d` and the local-use `64:ff9b:1::/48`
 * (RFC 6052 §2.2, RFC 8215; the last 32 bits, as a /96 prefix places them), 6to4
 * `2002:AABB:CCDD::` (RFC 3056 §2) and Teredo `2001:0:SSSS:SSSS:…:~CCCC:~CCCC` (RFC 4380 §4:
 * the server, and the client with its bits inverted).
 */
function embeddedV4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const bytes = ip.toByteArray()
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return [v4At(bytes, 12)]
  if (range === '6to4') return [v4At(bytes, 2)]
  if (range === 'teredo') return [v4At(bytes, 4), v4At(bytes, 12, 0xff)]
  // ::/96 less :: and ::1, which ipaddr.js names IPv6's own unspecified and loopback addresses
  if (range === 'unicast' && bytes.slice(0, 12).every((b) => b === 0)) return [v4At(bytes, 12)]
  return []
}

function kindOf(ip: ipaddr.IPv4 | ipaddr.IPv6): AddressKind {
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'metadata'
  const range = ip.range()
  let kind = RANGE_KINDS[range] ?? 'public'
  // the local-use translation prefix reaches only the operator's own networks
  if (range === 'rfc6052' && ip.toByteArray()[5] === 1) kind = 'private'
  if (ip.kind() === 'ipv6')
    for (const v4 of embeddedV4(ip as ipaddr.IPv6, range)) kind = stricter(kind, kindOf(v4))
  return kind
}

/**
 * The kind of an IP address: IPv4, or IPv6 judged also by any IPv4 address it carries (mapped,
 * compatible, NAT64, 6to4, Teredo: see `embeddedV4`), so that `[::ffff:127.0.0.1]` or
 * `[64:ff9b::7f00:1]` is as loopback as 127.0.0.1. Brackets are allowed.
 * @throws Error when `address` is not an IP address
 */
export function addressKind(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '')
  // node's isIP accepts only the standard forms (not ipaddr.js's `0x7f.1` or `127.1`)
  if (isIP(bare) === 0) throw new Error(`Not an IP address: ${address}`)
  return kindOf(ipaddr.parse(bare))
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
        : `${address} is ${withArticle(kind.replace('_', '-'))} address; the desk does not deliver webhooks there`,
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

/** A resolver giving every address of a name (`dns.lookup` with `all: true`'s shape). */
export type LookupAll = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

const systemLookup: LookupAll = (hostname, callback) => dnsLookup(hostname, { all: true }, callback)

/** What the save-time check found: a refusal, or a URL that may be saved (with its host's name
 * when the desk could not resolve it, so the admin can be warned). */
export type WebhookUrlCheck =
  | { refusal: WebhookAddressError; unresolvedHost?: undefined }
  | { refusal?: undefined; unresolvedHost?: string }

/**
 * Checks a webhook URL when an admin saves it: the literal host, then every address its name
 * resolves to now (so `127.0.0.1.nip.io` is refused at save as 127.0.0.1 is). A name that does
 * not resolve from the desk is let through with `unresolvedHost` set (the platform's name may be
 * published later, or only in another DNS view): delivery checks the address it connects to.
 */
export async function checkWebhookUrl(
  url: string,
  networks: WebhookNetworks,
  lookup: LookupAll = systemLookup,
): Promise<WebhookUrlCheck> {
  const host = hostOf(new URL(url))
  const literal = literalRefusal(host, networks)
  if (literal) return { refusal: literal }
  if (isIP(host) !== 0 || isLocalhostName(host)) return {}
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    lookup(host, (err, found) => resolve(err ? [] : found)),
  )
  if (addresses.length === 0) return { unresolvedHost: host }
  for (const { address } of addresses) {
    const kind = addressKind(address)
    if (!isAllowed(kind, networks))
      return { refusal: new WebhookAddressError(`${host} (${address})`, kind) }
  }
  return {}
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
