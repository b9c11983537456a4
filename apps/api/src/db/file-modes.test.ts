import { chmodSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { diskFileStore } from '../lib/file-store.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { writeStagedFile } from '../modules/imports/import-staging.ts'
import { T0 } from '../test/setup.ts'
import { backupDesk } from './backup.ts'
import { openDb } from './client.ts'

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8)

describe('the desk’s files on disk', () => {
  it('are readable by the desk’s account only: folders it makes 0700, database, WAL, key, attachments, staged imports and backups 0600', async () => {
    const work = mkdtempSync(join(tmpdir(), 'desk-modes-test-'))
    const data = join(work, 'data')
    const db = openDb(join(data, 'desk.sqlite'))
    await ensureChannels(db, DEFAULT_CHANNELS, T0) // a write, so the WAL holds pages
    const files = diskFileStore(join(data, 'files'))
    const sha = 'ab'.repeat(32)
    await files.put(sha, new TextEncoder().encode('来信'))
    await writeStagedFile(join(data, 'imports'), 'upload1', new TextEncoder().encode('a,b\n'))
    await backupDesk(db, files, join(work, 'backup'))

    expect(readdirSync(data).sort()).toEqual([
      'desk.sqlite',
      'desk.sqlite-shm',
      'desk.sqlite-wal',
      'files',
      'imports',
      'phone-search.key',
    ])
    const modes = Object.fromEntries(
      [
        'data',
        'data/desk.sqlite',
        'data/desk.sqlite-wal',
        'data/desk.sqlite-shm',
        'data/phone-search.key',
        'data/files',
        'data/files/ab',
        `data/files/ab/${sha}`,
        'data/imports',
        'data/imports/upload1.upload',
        'backup',
        'backup/desk.sqlite',
        'backup/phone-search.key',
        'backup/files',
        `backup/files/ab/${sha}`,
      ].map((p) => [p, modeOf(join(work, p))]),
    )
    expect(modes).toEqual({
      data: '700',
      'data/desk.sqlite': '600',
      'data/desk.sqlite-wal': '600',
      'data/desk.sqlite-shm': '600',
      'data/phone-search.key': '600',
      'data/files': '700',
      'data/files/ab': '700',
      [`data/files/ab/${sha}`]: '600',
      'data/imports': '700',
      'data/imports/upload1.upload': '600',
      backup: '700',
      'backup/desk.sqlite': '600',
      'backup/phone-search.key': '600',
      'backup/files': '700',
      [`backup/files/ab/${sha}`]: '600',
    })
    db.$client.close()
  })

  it('tightens a database an earlier version left readable by others when it opens it again', () => {
    const work = mkdtempSync(join(tmpdir(), 'desk-modes-test-'))
    // a folder that existed before (as /var/lib/… would): not the desk's to change
    chmodSync(work, 0o755)
    const path = join(work, 'desk.sqlite')
    openDb(path).$client.close()
    chmodSync(path, 0o644)
    const db = openDb(path)
    expect([modeOf(path), modeOf(work)]).toEqual(['600', '755'])
    db.$client.close()
  })
})
