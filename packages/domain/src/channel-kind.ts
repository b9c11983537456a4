/**
 * Which kind of inquiry a channel holds. Two channels belong to one kind only: `proposals` holds
 * the deputies' suggestions and members' proposals (registered in their own register), and
 * `ogi_request` holds disclosure requests (条例 register). Every other channel holds messages
 * (a citizen channel may also carry a disclosure request, registered through the disclosure
 * form). A message import or a message intake into one of the two would count an ordinary
 * message in that kind's dashboard row and annual sentence, while its register never lists it.
 */
import type { InquiryKind } from './deadline/policy.ts'
import { DISCLOSURE_CHANNEL } from './disclosure/receipt.ts'
import { PROPOSAL_CHANNEL } from './proposal/proposal.ts'

const KIND_OF_CHANNEL: Readonly<Record<string, InquiryKind>> = {
  [PROPOSAL_CHANNEL.code]: 'proposal',
  [DISCLOSURE_CHANNEL.code]: 'disclosure',
}

/** The kind of inquiry the channel `code` holds: `proposal`, `disclosure`, else `message`. */
export function channelKind(code: string): InquiryKind {
  return KIND_OF_CHANNEL[code] ?? 'message'
}

/**
 * Whether ordinary messages may go into channel `code`: every message intake asks (the channel
 * API, manual entry, the message import and its wizard, the SPA's channel pickers).
 */
export function takesMessages(code: string): boolean {
  return channelKind(code) === 'message'
}

/** A kind with its own register: where its items are entered instead (SPA page, API route). */
export type KindRegister = { kind: Exclude<InquiryKind, 'message'>; page: string; route: string }

const REGISTERS: Readonly<Record<KindRegister['kind'], KindRegister>> = {
  proposal: { kind: 'proposal', page: '/proposals/new', route: 'POST /api/proposals' },
  disclosure: {
    kind: 'disclosure',
    page: '/disclosure/new',
    route: 'POST /api/disclosure/requests',
  },
}

/**
 * Why a message may not go into channel `code`: undefined when it may (takesMessages), else the
 * kind the channel holds and where such items are entered (their form and register, which also
 * import their own files), for the refusal's words.
 */
export function messageChannelRefusal(code: string): KindRegister | undefined {
  const kind = channelKind(code)
  return kind === 'message' ? undefined : REGISTERS[kind]
}

/**
 * The channels of the registers (proposals, disclosure requests): their items are counted in the
 * registers' own tables and sentences, so the yearly tally of channels has no row for them.
 */
export function registerChannels(): readonly string[] {
  return Object.keys(KIND_OF_CHANNEL)
}
