import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { diskFileStore } from '../../lib/file-store.ts'
import { tinyPdf } from '../../test/files.ts'
import { addInquiries, setupDesk, T0 } from '../../test/setup.ts'
import { bindAttachments, prepareAttachments, stageUpload } from './files.service.ts'
import { STAGED_UPLOAD_TTL_MS, sweepStaleUploads } from './stale-uploads.ts'

const HOUR = 3_600_000

describe('stale uploads', () => {
  it('removes uploads never bound after a day, and their bytes unless another file shares them', async () => {
    const { db } = await setupDesk()
    const { attachments } = tables(db)
    const files = diskFileStore(mkdtempSync(join(tmpdir(), 'desk-sweep-')))
    const stage = async (bytes: Buffer, now: number) =>
      stageUpload(
        { db, files, now },
        {
          body: new Blob([bytes]).stream(),
          rawName: 'scan.pdf',
          profile: 'public',
          uploader: 'public',
          userId: null,
        },
      )
    const hashOf = async (token: string) =>
      (await db.select().from(attachments)).find((r) => r.token === token)?.sha256 ?? ''
    // left at T0: alone, shared with a file bound to an inquiry, and one staged an hour ago
    const alone = await stage(tinyPdf('alone'), T0)
    const shared = await stage(tinyPdf('shared'), T0)
    const recent = await stage(tinyPdf('recent'), T0 + 24 * HOUR)
    const aloneHash = await hashOf(alone.token)
    const sharedHash = await hashOf(shared.token)
    const recentHash = await hashOf(recent.token)
    const [created] = await addInquiries(db, [{}])
    const bound = await stage(tinyPdf('shared'), T0)
    const prepared = await prepareAttachments({ db, files, now: T0 }, [{ token: bound.token }], {
      profile: 'public',
      uploader: 'public',
    })
    await bindAttachments(db, prepared, {
      inquiryId: created!.id,
      source: 'citizen',
      createdBy: null,
      uploader: 'public',
      now: T0,
    })

    // not yet a day old: nothing goes
    expect(await sweepStaleUploads({ db, files, now: T0 + STAGED_UPLOAD_TTL_MS - 1 })).toEqual({
      uploads: 0,
      files: 0,
    })
    expect(await sweepStaleUploads({ db, files, now: T0 + 25 * HOUR })).toEqual({
      uploads: 2,
      files: 1,
    })
    const left = await db.select().from(attachments).orderBy(asc(attachments.id))
    expect(left.map((r) => [r.token === null ? 'bound' : r.token, r.sha256])).toEqual([
      [recent.token, recentHash],
      ['bound', sharedHash],
    ])
    expect(await files.has(aloneHash)).toBe(false)
    expect(await files.has(sharedHash)).toBe(true)
    expect(await files.has(recentHash)).toBe(true)
    // a second run finds nothing more
    expect(await sweepStaleUploads({ db, files, now: T0 + 25 * HOUR })).toEqual({
      uploads: 0,
      files: 0,
    })
  })
})
