/**
 * Files of messages, notes and replies, before and while they are attached: a file is checked and
 * stored when it is uploaded (a token comes back) or when it arrives inline, and bound to its
 * inquiry (and reply or message) in that write's transaction. This module knows no inquiry rules;
 * the callers (channel intake, mailbox, messages, the attachments module) run the writes.
 * Errors: VALIDATION (a file refused: `details[].file` and `.reason`), CONFLICT (an upload bound twice).
 */
import {
  ATTACHMENT_LIMITS,
  MAX_INLINE_BYTES_PER_ITEM,
  displayName,
  nameHasPath,
  type AttachmentInput,
  type AttachmentProfile,
  type AttachmentView,
} from '@desk/domain'
import { customAlphabet } from 'nanoid'
import type { Db } from '../../db/client.ts'
import type { FileStore } from '../../lib/file-store.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './files.repo.ts'
import { checkFile, readLimited, refuse } from './file-check.ts'

export type FilesCtx = { db: Db; files: FileStore; now: number }

/** Who staged an upload: only the same caller may bind it. */
export type Uploader = `user:${number}` | `channel:${string}` | 'public'

const newToken = customAlphabet('0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 32)

/** The API view of a row: `url` downloads the bytes (a link's own URL for links). */
export function toView(
  row: Pick<repo.AttachmentRow, 'id' | 'name' | 'type' | 'size' | 'url' | 'source'>,
): AttachmentView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    size: row.size,
    source: row.source,
    url: row.type === 'link' ? (row.url ?? '') : `/api/attachments/${row.id}`,
  }
}

/**
 * Stores an uploaded body (read to `profile`'s per-file limit, not further) and stages it under a
 * new token for the message that will name it. `rawName` is for display; a folder part is refused.
 * @throws AppError VALIDATION naming the file (name, size, type, empty, unreadable)
 */
export async function stageUpload(
  ctx: FilesCtx,
  input: {
    body: ReadableStream<Uint8Array> | null
    rawName: string
    profile: AttachmentProfile
    uploader: Uploader
    userId: number | null
  },
) {
  const limits = ATTACHMENT_LIMITS[input.profile]
  if (nameHasPath(input.rawName)) throw refuse(input.rawName, 'name', limits, ['name'])
  const name = displayName(input.rawName)
  const file = await checkFile(await readLimited(input.body, name, limits), name, limits)
  await ctx.files.put(file.sha256, file.bytes)
  const token = newToken()
  await repo.insertAttachment(ctx.db, {
    source: input.uploader.startsWith('user:') ? 'staff' : 'citizen',
    name,
    type: file.type,
    size: file.size,
    sha256: file.sha256,
    token,
    uploader: input.uploader,
    createdBy: input.userId,
    createdAt: ctx.now,
  })
  return { token, name, type: file.type, size: file.size }
}

/** An attachment checked and ready to bind: a staged upload, a new stored file, or a link. */
export type PreparedAttachment =
  | { kind: 'staged'; id: number; name: string }
  | { kind: 'file'; name: string; type: string; size: number; sha256: string }
  | { kind: 'link'; name: string; url: string }

/**
 * Checks a message's attachments before anything of the message is written: the count, each
 * token (staged by this uploader, not used), inline files (≤ 1 MB decoded per message, then the
 * same checks as uploads; their bytes are stored now, the rows written by `bindAttachments`).
 * `path` prefixes the error paths (e.g. `[3]` for the fourth item of a batch).
 * @throws AppError VALIDATION naming the file and the reason
 */
export async function prepareAttachments(
  ctx: FilesCtx,
  inputs: readonly AttachmentInput[],
  opts: { profile: AttachmentProfile; uploader: Uploader; path?: (string | number)[] },
): Promise<PreparedAttachment[]> {
  const limits = ATTACHMENT_LIMITS[opts.profile]
  const at = (i: number) => [...(opts.path ?? []), 'attachments', i]
  if (inputs.length > limits.maxFiles)
    throw refuse(`${inputs.length} files`, 'count', limits, [...(opts.path ?? []), 'attachments'])
  const staged = new Map(
    (
      await repo.findStaged(
        ctx.db,
        inputs.flatMap((a) => ('token' in a ? [a.token] : [])),
      )
    ).map((r) => [r.token, r]),
  )
  const inlineBytes = inputs.reduce(
    (n, a) => n + ('contentBase64' in a ? Buffer.byteLength(a.contentBase64, 'base64') : 0),
    0,
  )
  if (inlineBytes > MAX_INLINE_BYTES_PER_ITEM) {
    throw new AppError(
      'VALIDATION',
      `Inline files over ${MAX_INLINE_BYTES_PER_ITEM} bytes in one message: upload them (POST …/uploads) and send the tokens`,
      [
        {
          path: [...(opts.path ?? []), 'attachments'],
          message: 'inline files over 1 MB',
          reason: 'size',
        },
      ],
    )
  }
  const out: PreparedAttachment[] = []
  for (const [i, a] of inputs.entries()) {
    if ('token' in a) {
      const row = staged.get(a.token)
      if (!row || row.uploader !== opts.uploader)
        throw refuse(a.name ?? a.token, 'token', limits, at(i))
      out.push({ kind: 'staged', id: row.id, name: a.name ? displayName(a.name) : row.name })
    } else if ('contentBase64' in a) {
      const file = await checkFile(
        Buffer.from(a.contentBase64, 'base64'),
        displayName(a.name),
        limits,
        at(i),
      )
      await ctx.files.put(file.sha256, file.bytes)
      out.push({
        kind: 'file',
        name: file.name,
        type: file.type,
        size: file.size,
        sha256: file.sha256,
      })
    } else {
      out.push({
        kind: 'link',
        url: a.url,
        name: a.name ? displayName(a.name) : new URL(a.url).hostname,
      })
    }
  }
  return out
}

export type BindTarget = {
  inquiryId: number
  replyId?: number | null
  messageId?: number | null
  draftId?: number | null
  source: 'citizen' | 'staff'
  createdBy: number | null
  uploader: Uploader
  now: number
}

/**
 * Writes prepared attachments onto their inquiry (and reply or message), in the caller's
 * transaction. @returns their views, for the event that records them
 * @throws AppError CONFLICT when a staged upload was bound by a concurrent request (roll back)
 */
export async function bindAttachments(
  db: Db,
  prepared: readonly PreparedAttachment[],
  to: BindTarget,
): Promise<AttachmentView[]> {
  const common = {
    inquiryId: to.inquiryId,
    replyId: to.replyId ?? null,
    messageId: to.messageId ?? null,
    draftId: to.draftId ?? null,
    source: to.source,
  }
  const views = []
  for (const p of prepared) {
    if (p.kind === 'staged') {
      const bound = await repo.bindStaged(db, p.id, { ...common, name: p.name })
      if (!bound)
        throw new AppError('CONFLICT', `Upload ${p.name} is attached elsewhere already`, {
          reason: 'upload_used',
        })
      views.push(toView(bound))
      continue
    }
    const content =
      p.kind === 'file'
        ? { type: p.type, size: p.size, sha256: p.sha256, url: null }
        : { type: 'link', size: 0, sha256: null, url: p.url }
    const row = {
      ...common,
      ...content,
      name: p.name,
      uploader: to.uploader,
      createdBy: to.createdBy,
      createdAt: to.now,
    }
    views.push(toView({ id: await repo.insertAttachment(db, row), ...row }))
  }
  return views
}

/** The files of an inquiry's drafts, by draft id, as the API shows them. */
export async function draftFilesOf(
  db: Db,
  inquiryId: number,
): Promise<Map<number, AttachmentView[]>> {
  const byDraft = new Map<number, AttachmentView[]>()
  for (const row of await repo.listDraftFiles(db, inquiryId)) {
    if (row.draftId === null) continue
    byDraft.set(row.draftId, [...(byDraft.get(row.draftId) ?? []), toView(row)])
  }
  return byDraft
}

/**
 * On 签发: the files the draft carried become the released reply's (they stay the draft's too),
 * in the caller's transaction. @returns how many files the reply now carries from the draft
 */
export async function moveDraftFilesToReply(db: Db, draftId: number, replyId: number) {
  return await repo.attachDraftFilesToReply(db, draftId, replyId)
}
