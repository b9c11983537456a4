/**
 * Uploads never named by a message (the form was left, the bridge failed between the upload and
 * the item) are removed after a day: the row, and the bytes when no other row names the same hash
 * (identical files are stored once). `startUploadSweeper` runs it hourly in the process that does
 * the background work (main.ts); tests call `sweepStaleUploads` with their own clock.
 */
import { withTransaction } from '../../db/transaction.ts'
import type { Logger } from '../../lib/logger.ts'
import type { FilesCtx } from './files.service.ts'
import * as repo from './files.repo.ts'

/** How long a staged upload waits for its message (ms). */
export const STAGED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000
const SWEEP_EVERY_MS = 60 * 60 * 1000

/**
 * Removes the uploads staged before `ctx.now - STAGED_UPLOAD_TTL_MS` and their unshared bytes.
 * @returns how many uploads and stored files went
 */
export async function sweepStaleUploads(
  ctx: FilesCtx,
): Promise<{ uploads: number; files: number }> {
  const hashes = await withTransaction(ctx.db, async (tx) => {
    const stale = await repo.listStaleStaged(tx, ctx.now - STAGED_UPLOAD_TTL_MS)
    await repo.deleteAttachments(
      tx,
      stale.map((r) => r.id),
    )
    const named = [...new Set(stale.flatMap((r) => (r.sha256 === null ? [] : [r.sha256])))]
    const kept = await repo.hashesInUse(tx, named)
    return { uploads: stale.length, unused: named.filter((h) => !kept.has(h)) }
  })
  // bytes go after the rows' commit: a crash in between leaves an unnamed file, never a row
  // without its bytes (an upload of the same bytes in this instant is the one case left)
  for (const h of hashes.unused) await ctx.files.remove(h)
  return { uploads: hashes.uploads, files: hashes.unused.length }
}

/** Sweeps now and then every hour until stopped. */
export function startUploadSweeper(
  ctx: Omit<FilesCtx, 'now'> & { now?: () => number; logger: Logger },
) {
  let running: Promise<void> = Promise.resolve()
  const tick = () => {
    running = sweepStaleUploads({ db: ctx.db, files: ctx.files, now: (ctx.now ?? Date.now)() })
      .then((r) => {
        if (r.uploads > 0) ctx.logger.info('stale uploads removed', r)
      })
      .catch((err: unknown) => ctx.logger.error(err))
  }
  tick()
  const timer = setInterval(tick, SWEEP_EVERY_MS)
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
