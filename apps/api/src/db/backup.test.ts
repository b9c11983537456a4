import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { diskFileStore } from '../lib/file-store.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { tinyPdf } from '../test/files.ts'
import { T0, call, signIn } from '../test/setup.ts'
import { backupDesk } from './backup.ts'
import { openDb } from './client.ts'

describe('backup', () => {
  it('copies the database, its phone-search key and its files; a desk restored from them serves the same file and finds the caller by phone', async () => {
    const work = mkdtempSync(join(tmpdir(), 'desk-backup-test-'))
    const db = openDb(join(work, 'live', 'desk.sqlite'))
    await ensureChannels(db, DEFAULT_CHANNELS, T0)
    const files = diskFileStore(join(work, 'live', 'files'))
    const desk = { db, app: createApp({ db, files, now: () => T0 }) }
    const admin = await signIn(desk, 'admin')
    const pdf = tinyPdf('backed up')
    const item = {
      externalId: 'B-1',
      subject: '扫描件',
      body: '见附件',
      citizen: { phone: '13812345678' },
      receivedAt: '2024-09-27T09:30:00+08:00',
      attachments: [{ name: '来信.pdf', contentBase64: pdf.toString('base64') }],
    }
    const created = await call(desk, admin, 'POST', '/channels/mayor_mailbox/inquiries', item)
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { results: { id: number }[] }).results[0]!.id

    const out = await backupDesk(db, files, join(work, 'backup'))
    db.$client.close()

    const restoredDb = openDb(out.database)
    const restored = {
      db: restoredDb,
      app: createApp({ db: restoredDb, files: diskFileStore(out.files), now: () => T0 }),
    }
    const login = await restored.app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin1', password: 'secret-pass' }),
    })
    const session = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
      userId: admin.userId,
    }
    const list = (await (
      await call(restored, session, 'GET', `/inquiries/${id}/attachments`)
    ).json()) as { attachments: { name: string; url: string }[] }
    expect(list.attachments.map((a) => a.name)).toEqual(['来信.pdf'])
    const bytes = Buffer.from(
      await (
        await call(restored, session, 'GET', list.attachments[0]!.url.replace('/api', ''))
      ).arrayBuffer(),
    )
    expect(bytes.equals(pdf)).toBe(true)
    const byPhone = (await (
      await call(restored, session, 'GET', '/inquiries?status=all&q=138%201234%205678')
    ).json()) as { items: { id: number }[] }
    expect(byPhone.items.map((i) => i.id)).toEqual([id])
    expect(readFileSync(out.database).subarray(0, 15).toString()).toBe('SQLite format 3')
    restoredDb.$client.close()
  })
})
