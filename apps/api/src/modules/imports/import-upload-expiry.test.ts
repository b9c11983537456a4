import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { createTestDb } from '../../db/client.ts'
import { T0 } from '../../test/setup.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { createUser } from '../users/users.service.ts'
import { stagedPath } from './import-staging.ts'
import { stageUpload } from './import-wizard.service.ts'
import * as repo from './imports.repo.ts'

const DAY_MS = 86_400_000

describe('the expiry of staged uploads', () => {
  it('removes uploads older than a day, except one a queued or running job still reads', async () => {
    const db = await createTestDb()
    await ensureChannels(db, DEFAULT_CHANNELS, T0)
    const user = await createUser(
      db,
      { username: 'r1', displayName: 'R', role: 'responder', password: 'secret-pass' },
      T0,
    )
    const settings = {
      stagingDir: join(mkdtempSync(join(tmpdir(), 'desk-stage-')), 's'),
      workerDb: null,
    }
    const stage = (fileName: string, now: number) =>
      stageUpload(db, settings, {
        fileName,
        body: new TextEncoder().encode('留言编号,留言主题\r\n1,主题'),
        actorId: user.id,
        now,
      })
    const uploads = {
      queued: await stage('queued.csv', T0),
      running: await stage('running.csv', T0),
      written: await stage('written.csv', T0),
      unused: await stage('unused.csv', T0),
    }
    for (const status of ['queued', 'running', 'written'] as const) {
      await repo.insertImportBatch(db, {
        kind: 'import',
        status,
        channelCode: 'minxin',
        fileName: `${status}.csv`,
        format: 'csv',
        uploadId: uploads[status].id,
        createdBy: user.id,
        createdAt: T0,
      })
    }
    // a new upload a day and a minute later sweeps the expired ones
    await stage('next.csv', T0 + DAY_MS + 60_000)
    const kept: Record<string, [boolean, boolean]> = {}
    for (const [name, u] of Object.entries(uploads)) {
      kept[name] = [
        (await repo.findImportUpload(db, u.id)) !== undefined,
        existsSync(stagedPath(settings.stagingDir, u.id)),
      ]
    }
    expect(kept).toEqual({
      queued: [true, true],
      running: [true, true],
      written: [false, false],
      unused: [false, false],
    })
  })
})
