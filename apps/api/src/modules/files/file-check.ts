/**
 * The checks every file passes before it is stored, whatever it came by: size while it is read,
 * type by its content (file-type's magic-byte sniffing, not the name or the Content-Type header),
 * and images re-encoded by sharp (libvips) without their metadata: EXIF GPS position, camera
 * make and serial are personal data the desk does not need (个人信息保护法 art. 6). The
 * orientation is applied to the pixels first, so a photo stays upright without its EXIF tag.
 */
import { createHash } from 'node:crypto'
import { isImageType, type AttachmentLimits, type FileRefusal } from '@desk/domain'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { AppError } from '../../lib/errors.ts'

export type CheckedFile = {
  name: string
  type: string
  size: number
  sha256: string
  bytes: Uint8Array
}

const MB = 1024 * 1024

const REASONS: Record<FileRefusal, (limits: AttachmentLimits) => string> = {
  type: () => 'this type of file is not accepted (checked by its content)',
  size: (l) => `larger than ${l.maxFileBytes / MB} MB`,
  count: (l) => `more than ${l.maxFiles} files`,
  empty: () => 'the file is empty',
  unreadable: () => 'the image cannot be read',
  name: () => 'a file name must not contain a folder (/ or \\)',
  token: () => 'no such upload (unknown token, used already, or uploaded by someone else)',
}

/**
 * 422 VALIDATION naming the file and the reason; `path` locates it in the request
 * (e.g. `[0, 'attachments', 2]`), `details[0].file` and `.reason` name it for the SPA.
 */
export function refuse(
  name: string,
  reason: FileRefusal,
  limits: AttachmentLimits,
  path: (string | number)[] = ['file'],
): AppError {
  const message = `${name}: ${REASONS[reason](limits)}`
  return new AppError('VALIDATION', message, [{ path, message, file: name, reason }])
}

/**
 * Reads a body to its end, refusing it as soon as it passes `limits.maxFileBytes` (the rest is
 * never read).
 * @throws AppError VALIDATION (size, empty)
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  name: string,
  limits: AttachmentLimits,
): Promise<Uint8Array> {
  if (!body) throw refuse(name, 'empty', limits)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limits.maxFileBytes) {
      await reader.cancel()
      throw refuse(name, 'size', limits)
    }
    chunks.push(value)
  }
  if (size === 0) throw refuse(name, 'empty', limits)
  return Buffer.concat(chunks)
}

async function withoutMetadata(bytes: Uint8Array, type: string): Promise<Uint8Array> {
  const animated = type === 'image/gif' || type === 'image/webp'
  const image = sharp(bytes, { animated, failOn: 'error' })
  // sharp writes no metadata unless asked (keepMetadata/withMetadata); rotate() bakes the EXIF orientation in
  const upright = animated ? image : image.rotate()
  if (type === 'image/jpeg') return upright.jpeg({ quality: 92, mozjpeg: true }).toBuffer()
  if (type === 'image/png') return upright.png().toBuffer()
  if (type === 'image/webp') return upright.webp({ quality: 92 }).toBuffer()
  return upright.gif().toBuffer()
}

/**
 * Checks a whole file against `limits`; images come back without metadata, and size and hash
 * are those of the bytes stored.
 * @throws AppError VALIDATION naming `name` and the reason (type, size, empty, unreadable)
 */
export async function checkFile(
  bytes: Uint8Array,
  name: string,
  limits: AttachmentLimits,
  path?: (string | number)[],
): Promise<CheckedFile> {
  if (bytes.byteLength === 0) throw refuse(name, 'empty', limits, path)
  if (bytes.byteLength > limits.maxFileBytes) throw refuse(name, 'size', limits, path)
  const detected = await fileTypeFromBuffer(bytes)
  if (!detected || !limits.types.includes(detected.mime)) throw refuse(name, 'type', limits, path)
  let stored = bytes
  if (isImageType(detected.mime)) {
    try {
      stored = await withoutMetadata(bytes, detected.mime)
    } catch {
      throw refuse(name, 'unreadable', limits, path)
    }
  }
  const sha256 = createHash('sha256').update(stored).digest('hex')
  return { name, type: detected.mime, size: stored.byteLength, sha256, bytes: stored }
}

/** A bounded preview (fits 480×480, WebP) of a stored image, for lists and the inquiry page. */
export function previewOf(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes)
    .resize(480, 480, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer()
}
