/**
 * Attachments: the files that come with a message (a photo, a scanned letter, a PDF) and with a
 * reply (the signed answer document). What a file may be is decided by its content (magic bytes),
 * never by its name or the Content-Type header; a name is kept for display only.
 *
 * Limits per source ("profile"):
 * - `public`: the director's mailbox form, up to 5 files of 10 MB, images and PDF — the limits a
 *   citizen is told before uploading (MAILBOX_FILE_NOTE);
 * - `channel`: files sent by a channel's API, the mailbox's per-file limits (10 MB, images and PDF),
 *   20 files per item, and at most 1 MB of inline (base64) content per item;
 * - `staff`: notes and replies on the inquiry page, up to 10 files of 50 MB, office documents too.
 * Personal data: images lose their EXIF/XMP metadata (GPS position, device) before they are
 * stored (个人信息保护法 art. 6, data minimisation).
 */
import { z } from 'zod'
import { instantSchema } from './supported-dates.ts'
import { lineTextSchema, textSchema } from './text.ts'
import { inOrderWithinSkew } from './clock-skew.ts'

const MB = 1024 * 1024

/** Image types the desk keeps (metadata removed) and previews. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const
const PDF = 'application/pdf'
/** Office documents as file-type reports them (OOXML, legacy OLE compound files, OpenDocument). */
const OFFICE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const

export const ATTACHMENT_PROFILES = ['public', 'channel', 'staff'] as const
export type AttachmentProfile = (typeof ATTACHMENT_PROFILES)[number]

export type AttachmentLimits = {
  /** bytes per file */
  maxFileBytes: number
  /** files per message */
  maxFiles: number
  /** types detected from the content */
  types: readonly string[]
}

export const ATTACHMENT_LIMITS: Record<AttachmentProfile, AttachmentLimits> = {
  public: { maxFileBytes: 10 * MB, maxFiles: 5, types: [...IMAGE_TYPES, PDF] },
  channel: { maxFileBytes: 10 * MB, maxFiles: 20, types: [...IMAGE_TYPES, PDF] },
  staff: { maxFileBytes: 50 * MB, maxFiles: 10, types: [...IMAGE_TYPES, PDF, ...OFFICE_TYPES] },
}

/**
 * How long the links to a reply's files that the outbox sends to a channel's webhook work (ms):
 * 7 days, signed with the channel's webhook secret, enough for a platform bridge that runs daily
 * to fetch them after an outage of a few days.
 */
export const REPLY_FILE_LINK_MS = 7 * 24 * 60 * 60 * 1000

/** Decoded bytes of inline (base64) files per channel item, all files together. */
export const MAX_INLINE_BYTES_PER_ITEM = 1 * MB

/** What the mailbox form says before a citizen chooses files. */
export const MAILBOX_FILE_NOTE =
  '可上传照片或PDF文件，最多5个，每个不超过10MB。照片中的位置等信息会在保存前去除。'

/** True when `type` (detected from content) is an image the desk previews. */
export const isImageType = (type: string): boolean =>
  (IMAGE_TYPES as readonly string[]).includes(type)

/**
 * Why a file is refused, in the words the 422's `details[].reason` uses: `type` (content not
 * allowed), `size` (over the per-file limit), `count` (too many files), `empty`, `unreadable` (an
 * image that does not decode), `name` (a name with a folder part), `token` (unknown or used upload).
 */
export const FILE_REFUSALS = [
  'type',
  'size',
  'count',
  'empty',
  'unreadable',
  'name',
  'token',
] as const
export type FileRefusal = (typeof FILE_REFUSALS)[number]

/**
 * Unicode bidirectional formatting characters (UAX #9 §2: embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069, marks U+200E/U+200F/U+061C). In a file name they reorder what is shown:
 * `发票\u202Efdp.exe` displays as "发票exe.pdf" (the "RLO extension spoof"), so a name loses them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g

/** `name` without bidirectional formatting characters (BIDI_CONTROLS): shown as it is stored. */
const withoutBidiControls = (name: string): string => name.replace(BIDI_CONTROLS, '')

/**
 * A display name: any folder part is dropped (`C:\\a\\b.pdf` and `../../b.pdf` become `b.pdf`),
 * control and bidirectional formatting characters removed (so the name shown and the download's
 * Content-Disposition name read as they are), at most 200 characters. Names are never used as paths.
 */
export function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  const clean = withoutBidiControls(base)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200)
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean
}

/** True when a name carries a folder part or a parent reference: refused from the channel API. */
export const nameHasPath = (name: string): boolean =>
  /[\\/]/.test(name) || name === '..' || name === '.'

const fileName = lineTextSchema()
  .trim()
  .min(1)
  .max(200)
  .refine((n) => !nameHasPath(n), { message: 'a file name, not a path' })

/** Attachment of a message: an upload token, inline base64 content, or a link (stored, never fetched). */
export const attachmentInputSchema = z.union([
  z
    .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,40}$/), name: fileName.optional() })
    .strict(),
  z
    .object({
      name: fileName,
      contentBase64: z.base64().max(Math.ceil((MAX_INLINE_BYTES_PER_ITEM * 4) / 3) + 4),
    })
    .strict(),
  z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), name: fileName.optional() }).strict(),
])
export type AttachmentInput = z.infer<typeof attachmentInputSchema>

/** Files a form uploaded first (`POST …/uploads`), named by their tokens: at most `max`. */
export const uploadRefListSchema = (max: number) =>
  z.array(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,40}$/) }).strict()).max(max)

/** Up to `ATTACHMENT_LIMITS.channel.maxFiles` attachments. */
export const attachmentListSchema = z
  .array(attachmentInputSchema)
  .max(ATTACHMENT_LIMITS.channel.maxFiles)

/** An attachment as the API shows it; `url` downloads the bytes (`type` 'link': `url` is the link). */
export type AttachmentView = {
  id: number
  name: string
  type: string
  size: number
  url: string
  source: string
}

/** 补充/追问 from the citizen, 催办 from the platform. */
export const MESSAGE_KINDS = ['citizen', 'platform'] as const

/** A message after the first (`POST /api/channels/:code/inquiries/:externalId/messages`). */
export const followUpMessageSchema = z.object({
  messageId: lineTextSchema().trim().min(1).max(100),
  body: textSchema().trim().min(1).max(50_000),
  sentAt: instantSchema,
  kind: z.enum(MESSAGE_KINDS),
  attachments: attachmentListSchema.optional(),
})
export type FollowUpMessageInput = z.infer<typeof followUpMessageSchema>

/**
 * True when a message sent at `sentAt` can follow an inquiry received at `receivedAt` (both UTC
 * ms): not before the receipt, less the clock-skew rule's `message_before_receipt` allowance.
 */
export function messageFollowsReceipt(sentAt: number, receivedAt: number): boolean {
  return inOrderWithinSkew(receivedAt, sentAt, 'message_before_receipt')
}
