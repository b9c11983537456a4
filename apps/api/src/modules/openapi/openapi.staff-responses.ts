/**
 * The success bodies of the routes a bureau's own scripts and an integrator use beyond the channel
 * API: the queue and its counts, one inquiry, its actions, notes, files, drafts, manual entry,
 * the public mailbox and the dashboard's JSON. Keyed `METHOD /path/{param}`; objects are open
 * (a new field does not break a client), the fields listed are always there. openapi.test.ts
 * checks each against a real answer of the route.
 */
import {
  CITIZEN_STATUSES,
  DRAFT_STATUSES,
  GRANULARITIES,
  INQUIRY_KINDS,
  INQUIRY_STATUSES,
} from '@desk/domain'
import { z } from 'zod'

type DocumentedResponse = { description: string; schema: z.ZodType }

const instant = z.string().describe('ISO 8601 with +08:00 (Beijing time)')
const person = z.object({ id: z.int(), displayName: z.string() })

const attachment = z.object({
  id: z.int(),
  name: z.string().describe('for display only'),
  type: z.string().describe('the type found from the content, or `link`'),
  size: z.int().describe('bytes (0 for a link)'),
  source: z.enum(['citizen', 'staff']),
  url: z.string().describe('downloads the bytes (staff session); a link’s own URL'),
})

const queueItem = z.object({
  id: z.int(),
  channel: z.string(),
  externalId: z.string(),
  subject: z.string(),
  citizenName: z.string().nullable().describe('masked unless the viewer may see it'),
  category: z.string().nullable(),
  status: z.enum(INQUIRY_STATUSES),
  kind: z.enum(INQUIRY_KINDS),
  assignee: person.nullable(),
  receivedAt: instant,
  dueAt: instant.nullable(),
  repliedAt: instant.nullable(),
  version: z.int().describe('send it back with every action on the inquiry'),
  round: z.int().describe('handling round (2+ after a reopening)'),
  attachmentCount: z.int(),
})

const inquiryView = z.object({
  inquiry: queueItem.extend({
    body: z.string(),
    events: z.array(
      z.object({
        id: z.int(),
        type: z.string(),
        actor: z.string().nullable(),
        at: instant,
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    replies: z.array(
      z.object({
        id: z.int(),
        body: z.string(),
        origin: z.enum(['desk', 'source']),
        author: z.string().nullable(),
        at: instant,
        approvedBy: z.string().nullable(),
      }),
    ),
  }),
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  deadline: z.object({ kind: z.enum(INQUIRY_KINDS) }),
})

const ack = z.object({ id: z.int(), version: z.int(), status: z.enum(INQUIRY_STATUSES) })
const files = z.object({ attachments: z.array(attachment) })
const upload = z.object({ token: z.string(), name: z.string(), type: z.string(), size: z.int() })
const count = z.object({ n: z.int(), filter: z.record(z.string(), z.string()) })

export const STAFF_RESPONSES: Record<string, Record<string, DocumentedResponse>> = {
  'GET /inquiries': {
    '200': {
      description: 'One page of the queue; `nextCursor` fetches the next (null: the last page)',
      schema: z.object({ items: z.array(queueItem), nextCursor: z.string().nullable() }),
    },
  },
  'GET /inquiries/counts': {
    '200': {
      description:
        'Per-channel counts under the same filter as the list (every channel listed). A text search ' +
        'with more than 10,000 matches is not counted to its end: `capped` is true, `total` is ' +
        '10,000 (there are more) and every channel is null (not counted)',
      schema: z.object({
        total: z.int(),
        byChannel: z.record(z.string(), z.int().nullable()),
        capped: z.boolean(),
      }),
    },
  },
  'GET /inquiries/{id}': { '200': { description: 'The inquiry page', schema: inquiryView } },
  'POST /inquiries/{id}/claim': { '200': { description: 'Claimed', schema: inquiryView } },
  'POST /inquiries/{id}/replies': { '201': { description: 'Replied', schema: inquiryView } },
  'POST /inquiries/{id}/notes': { '201': { description: 'The note is added', schema: ack } },
  'POST /inquiries/{id}/drafts': {
    '201': {
      description: 'The draft waits for sign-off',
      schema: ack.extend({ draftId: z.int() }),
    },
  },
  'GET /inquiries/{id}/workflow': {
    '200': {
      description: 'Sign-off rules, drafts with their files, follow-ups, deliveries',
      schema: z.object({
        requiresSignOff: z.boolean(),
        hasWebhook: z.boolean(),
        drafts: z.array(
          z.object({
            id: z.int(),
            number: z.int(),
            body: z.string(),
            status: z.enum(DRAFT_STATUSES),
            attachments: z.array(attachment),
          }),
        ),
      }),
    },
  },
  'POST /attachments/uploads': {
    '201': { description: 'Staged until a note, reply or entry names the token', schema: upload },
  },
  'GET /inquiries/{id}/attachments': {
    '200': { description: 'The files of the inquiry and its merged items', schema: files },
  },
  'POST /inquiries/{id}/attachments': { '201': { description: 'Added', schema: files } },
  'POST /inquiries/{id}/reply-with-files': { '201': { description: 'Replied', schema: files } },
  'POST /manual-entries': {
    '201': {
      description: 'Logged; `externalId` is the desk’s own number for it',
      schema: z.object({ id: z.int(), externalId: z.string() }),
    },
  },
  'POST /public/mailbox': {
    '201': {
      description: 'Received; the citizen keeps `trackingNumber`',
      schema: z.object({ trackingNumber: z.string(), receivedAt: instant, created: z.boolean() }),
    },
  },
  'POST /public/mailbox/track': {
    '200': {
      description: 'What the citizen sees: status, the published reply, files by signed links',
      schema: z.object({
        trackingNumber: z.string(),
        subject: z.string(),
        status: z.enum(CITIZEN_STATUSES),
        receivedAt: instant,
        reply: z.object({ body: z.string(), at: instant }).nullable(),
        files: z.array(
          z.object({ name: z.string(), type: z.string(), fromDesk: z.boolean(), url: z.string() }),
        ),
        messages: z.array(z.object({ body: z.string(), at: instant })),
      }),
    },
  },
  'GET /reports/dashboard': {
    '200': {
      description: 'Per-channel figures; each count carries the queue filter that lists it',
      schema: z.object({
        from: z.iso.date(),
        to: z.iso.date(),
        granularity: z.enum(GRANULARITIES),
        channels: z.array(
          z.object({
            code: z.string(),
            received: count,
            replied: count,
            pending: count,
            overdue: count,
            onTimeRate: z.number().nullable(),
          }),
        ),
      }),
    },
  },
}
