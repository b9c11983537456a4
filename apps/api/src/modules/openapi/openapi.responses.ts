/**
 * What the OpenAPI document says beyond the routes' validators: the success bodies of the routes
 * a platform bridge calls (the channel API) and of those a bureau's scripts use
 * (openapi.staff-responses.ts), keyed `METHOD /path/{param}`, and request examples.
 * openapi.test.ts checks every key names a registered route, that the examples pass the route's
 * own validation and that real answers match these schemas.
 */
import { CLOCK_SKEW_MS, type ChannelInquiryInput, type FollowUpMessageInput } from '@desk/domain'
import { z } from 'zod'
import { STAFF_RESPONSES } from './openapi.staff-responses.ts'

type DocumentedResponse = { description: string; schema: z.ZodType }

const upload = z.object({
  token: z.string().describe('names the file in an item’s `attachments: [{ token }]`'),
  name: z.string(),
  type: z.string().describe('the type found from the content (magic bytes)'),
  size: z.int().describe('bytes'),
})

const ingestResult = z.object({
  externalId: z.string(),
  id: z.int().describe('the desk’s inquiry id'),
  created: z
    .boolean()
    .describe(
      'false: the desk had this externalId already (in any ASCII case), and the item repeats its ' +
        'message (subject, body, receivedAt, citizen; the category may differ): a resend, nothing ' +
        'written. A changed message under a known externalId is refused with 409 instead',
    ),
})

const messageResult = z.object({
  messageId: z.string(),
  id: z.int(),
  inquiryId: z.int(),
  created: z.boolean(),
  reopened: z.object({ round: z.int() }).optional().describe('the new handling round'),
  urged: z.boolean().optional().describe('a 催办 marked the inquiry urged'),
})

export const DOCUMENTED_RESPONSES: Record<string, Record<string, DocumentedResponse>> = {
  ...STAFF_RESPONSES,
  'GET /health': {
    '200': { description: 'The desk answers', schema: z.object({ ok: z.literal(true) }) },
  },
  'POST /channels/{code}/uploads': {
    '201': { description: 'The file is staged for one day until an item names it', schema: upload },
  },
  'POST /channels/{code}/inquiries': {
    '201': {
      description: 'One result per item, in the order sent',
      schema: z.object({ results: z.array(ingestResult) }),
    },
  },
  'POST /channels/{code}/inquiries/{externalId}/messages': {
    '201': { description: 'Appended to the inquiry’s timeline', schema: messageResult },
    '200': {
      description: 'A resend of the same messageId: the first result, nothing written',
      schema: messageResult,
    },
  },
}

/**
 * Refusals a route documents by status beyond the generic ones (422 VALIDATION naming the fields,
 * 4XX with a code), keyed like DOCUMENTED_RESPONSES: a description per status, each answered in
 * the Error shape `{ error: { code, message, details? } }`. openapi.test.ts checks every key names
 * a registered route and that the route answers each status as described.
 */
export const DOCUMENTED_ERRORS: Record<string, Record<string, string>> = {
  'POST /channels/{code}/inquiries': {
    '409':
      'CONFLICT: an item repeats an `externalId` the desk holds (or an earlier item of the batch ' +
      'sends) with another message: its subject, body, receivedAt (as an instant) or citizen ' +
      'differ. The desk keeps the first message and writes nothing of the batch. Each such item ' +
      'has a detail: `path` `[item, field]` (the first field that differs), `externalId`, ' +
      '`inquiryId` (the desk’s) and `fields` (all that differ). Send a change as a later message ' +
      '(`POST /channels/{code}/inquiries/{externalId}/messages`), a new message under a new ' +
      'externalId, or resend the first text; also CONFLICT: the channel is deactivated',
    '422':
      'VALIDATION: `details` name each item and field and the reason (a receivedAt in the future, ' +
      'a refused file: `details[0].file` and `.reason`); the channels `proposals` and ' +
      '`ogi_request` take no messages (`details[0].path` is `["channel"]`, with `refusal: ' +
      '"message_channel"`, the `kind` and where such items are entered: `page` and `route`)',
  },
  'POST /channels/{code}/inquiries/{externalId}/messages': {
    '404': 'NOT_FOUND: the channel, or its inquiry `externalId`, is unknown to the desk',
    '409':
      'CONFLICT: this `messageId` was used for another message (another body, kind, sentAt or ' +
      'inquiry); `details[0].path` is `["messageId"]` and its message says what differs. A ' +
      'resend must repeat the message (sentAt may be written in another offset); a new message ' +
      'needs a new messageId',
    '422':
      'VALIDATION: `details` name each field and reason; also a `sentAt` more than ' +
      `${CLOCK_SKEW_MS.message_before_receipt / 60_000} minutes (the clock-skew allowance) before the ` +
      "inquiry's receivedAt or more than " +
      `${CLOCK_SKEW_MS.ahead_of_desk / 60_000} minutes after the desk's clock ` +
      '(`details[0].path` is `["sentAt"]`), and a refused file ' +
      '(`details[0].file` and `.reason`)',
  },
}

const inquiryExample: ChannelInquiryInput = {
  externalId: 'MX-20240926-0001',
  subject: '小区东门消防通道被占用',
  body: '东门消防通道长期停放车辆，请尽快处理。',
  receivedAt: '2024-09-26T09:30:00+08:00',
  citizen: { name: '贺林', phone: '13800138000' },
  category: '执法监察',
  attachments: [{ url: 'https://platform.example/files/photo-1.jpg', name: '现场照片.jpg' }],
}

const messageExample: FollowUpMessageInput = {
  messageId: 'MX-20240926-0001-M2',
  body: '补充材料：今天上午又被占用。',
  sentAt: '2024-09-27T08:00:00+08:00',
  kind: 'citizen',
}

/** Request bodies shown in the reference page (each must pass its route's validation). */
export const REQUEST_EXAMPLES: Record<string, unknown> = {
  'POST /channels/{code}/inquiries': inquiryExample,
  'POST /channels/{code}/inquiries/{externalId}/messages': messageExample,
}
