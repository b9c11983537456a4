/**
 * The deterministic inquiry generator: the same options (seed included) give the same inquiries,
 * in the same order, on any machine. Channels follow exact per-channel counts; receipt times
 * follow received-times.ts; texts and citizens follow compose-text.ts and people.ts. Items are
 * yielded one at a time in receipt order, so a million of them never sit in memory at once (only
 * their times and channels do). Pure: no I/O.
 */
import type { IsoDate, NewInquiry } from '@desk/domain'
import { shuffledChannels } from './channel-mix.ts'
import { composeInquiryText } from './compose-text.ts'
import { fakeCitizen } from './people.ts'
import { createRandom, type Random } from './random.ts'
import { drawReceivedAt, makeReceiptWindow, type ReceiptWindow } from './received-times.ts'

/** A generated inquiry: a `NewInquiry` without a source reply, plus the text a responder would answer. */
export type GeneratedInquiry = Omit<NewInquiry, 'reply'> & { category: string; replyText: string }

export type GenerateOptions = {
  seed: number
  /** Items per channel code; the total is their sum. */
  counts: Readonly<Record<string, number>>
  /** First and last receipt day, Asia/Shanghai, both included. */
  firstDate: IsoDate
  lastDate: IsoDate
  /** Receipts must be before this instant (UTC ms), e.g. "now" for demo data. */
  before?: number | undefined
  /** Instants (UTC ms) that must be among the receipt times, e.g. a year's first and last hour. */
  include?: readonly number[] | undefined
  /**
   * External ids are `<prefix><n>`, n = 1.. per channel in receipt order (zero-padded to 7
   * digits): whatever the seed, the (channel, external id) pairs are the same set.
   */
  externalIdPrefix: string
}

/** Channels whose citizens often leave an e-mail address (mailboxes reply by mail). */
const MAILBOX_CHANNELS = new Set(['mayor_mailbox', 'director_mailbox'])

/**
 * Yields `sum(counts)` inquiries in receipt order (ties by generation order).
 * @throws RangeError when `before` leaves no time in the window, or `include` has more instants than items
 */
export function* generateInquiries(opts: GenerateOptions): Generator<GeneratedInquiry> {
  const plan = createRandom(opts.seed)
  const text = createRandom(opts.seed ^ 0x5bd1e995)
  const channels = shuffledChannels(plan, opts.counts)
  const include = opts.include ?? []
  if (include.length > channels.length) throw new RangeError('more included instants than items')
  const window = makeReceiptWindow(opts.firstDate, opts.lastDate)
  const times = new Float64Array(channels.length)
  times.set(include)
  for (let i = include.length; i < times.length; i++)
    times[i] = drawBefore(plan, window, opts.before)
  times.sort()
  const seq = new Map<string, number>()
  for (let i = 0; i < channels.length; i++) {
    const channelCode = channels[i] as string
    const n = (seq.get(channelCode) ?? 0) + 1
    seq.set(channelCode, n)
    const citizen = fakeCitizen(text, MAILBOX_CHANNELS.has(channelCode) ? 0.4 : 0.05)
    const t = composeInquiryText(text)
    yield {
      channelCode,
      externalId: opts.externalIdPrefix + String(n).padStart(7, '0'),
      subject: t.subject,
      body: t.body,
      receivedAt: times[i] as number,
      citizenName: citizen.name,
      citizenPhone: citizen.phone,
      citizenEmail: citizen.email,
      category: t.category,
      replyText: t.reply,
    }
  }
}

function drawBefore(rnd: Random, window: ReceiptWindow, before: number | undefined): number {
  for (let tries = 0; tries < 1000; tries++) {
    const t = drawReceivedAt(rnd, window)
    if (before === undefined || t < before) return t
  }
  throw new RangeError('the receipt window has (almost) no time before the given instant')
}
