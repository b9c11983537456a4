import { describe, expect, it } from 'vitest'
import { tables } from '../db/engine.ts'
import { addInquiries, setupDesk, signIn, type Session, type Desk } from '../test/setup.ts'

function send(desk: Desk, s: Session, path: string, body: unknown, key?: string) {
  const headers: Record<string, string> = {
    cookie: s.cookie,
    'x-csrf-token': s.csrf,
    'content-type': 'application/json',
  }
  if (key) headers['idempotency-key'] = key
  return desk.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) })
}

const count = async (desk: Desk, table: 'inquiries' | 'replies') =>
  await desk.db.$count(tables(desk.db)[table])
const notes = async (desk: Desk) =>
  (await desk.db.select().from(tables(desk.db).inquiryEvents)).filter((e) => e.type === 'note')
    .length

describe('Idempotency-Key', () => {
  it('answers a resent reply, note and manual entry with the first answer and writes once', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const [inq] = await addInquiries(desk.db, [{}])
    const note = { version: 1, text: '已电话联系' }
    const first = await send(desk, s, `/inquiries/${inq!.id}/notes`, note, 'note-key-0000000001')
    const again = await send(desk, s, `/inquiries/${inq!.id}/notes`, note, 'note-key-0000000001')
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const firstBody = (await first.json()) as { version: number }
    expect(await again.json()).toEqual(firstBody)
    const version = firstBody.version
    const reply = { version, body: '您好，已安排处理。' }
    const r1 = await send(desk, s, `/inquiries/${inq!.id}/replies`, reply, 'reply-key-000000001')
    const r2 = await send(desk, s, `/inquiries/${inq!.id}/replies`, reply, 'reply-key-000000001')
    expect([r1.status, r2.status]).toEqual([201, 201])
    const entry = {
      channel: 'minxin',
      kind: 'phone',
      subject: '咨询',
      summary: '问办事流程',
      outcome: 'follow_up',
    }
    const m1 = await send(desk, s, '/manual-entries', entry, 'manual-key-00000001')
    const m2 = await send(desk, s, '/manual-entries', entry, 'manual-key-00000001')
    expect(await m2.json()).toEqual(await m1.json())
    expect([
      await notes(desk),
      await count(desk, 'replies'),
      await count(desk, 'inquiries'),
    ]).toEqual([1, 1, 2])
    // another key is another action
    expect((await send(desk, s, '/manual-entries', entry, 'manual-key-00000002')).status).toBe(201)
    expect(await count(desk, 'inquiries')).toBe(3)
  })

  it('writes once for concurrent sends, frees the key after a refusal, and keeps callers apart', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const other = await signIn(desk, 'responder')
    const [inq] = await addInquiries(desk.db, [{}])
    const note = { version: 1, text: '并发' }
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        send(desk, s, `/inquiries/${inq!.id}/notes`, note, 'same-key-0000000001'),
      ),
    )
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true)
    expect(await notes(desk)).toBe(1)
    const bad = await send(
      desk,
      s,
      `/inquiries/${inq!.id}/notes`,
      { version: 1, text: '' },
      'fix-key-00000000001',
    )
    expect(bad.status).toBe(422)
    expect(
      (
        await send(
          desk,
          s,
          `/inquiries/${inq!.id}/notes`,
          { version: 2, text: '改正后' },
          'fix-key-00000000001',
        )
      ).status,
    ).toBe(201)
    const entry = {
      channel: 'minxin',
      kind: 'phone',
      subject: '咨询',
      summary: '问',
      outcome: 'follow_up',
    }
    await send(desk, s, '/manual-entries', entry, 'shared-key-00000001')
    const theirs = await send(desk, other, '/manual-entries', entry, 'shared-key-00000001')
    expect(theirs.headers.get('idempotent-replayed')).toBeNull()
    expect((await send(desk, s, '/manual-entries', entry, 'short')).status).toBe(422)
  })

  it('refuses the same key with another body (422 naming the header) and writes nothing more', async () => {
    const desk = await setupDesk()
    const s = await signIn(desk, 'admin')
    const [inq] = await addInquiries(desk.db, [{}])
    const path = `/inquiries/${inq!.id}/notes`
    const first = await send(desk, s, path, { version: 1, text: '第一条' }, 'bound-key-00000001')
    expect(first.status).toBe(201)
    const other = await send(desk, s, path, { version: 2, text: '另一条' }, 'bound-key-00000001')
    expect(other.status).toBe(422)
    const body = (await other.json()) as { error: { details: { path: string[] }[] } }
    expect(body.error.details[0]!.path).toEqual(['Idempotency-Key'])
    // another path with the same key is another request as well
    const elsewhere = await send(
      desk,
      s,
      `/inquiries/${inq!.id}/notes?x=1`,
      { version: 1, text: '第一条' },
      'bound-key-00000001',
    )
    expect(elsewhere.status).toBe(422)
    expect(await notes(desk)).toBe(1)
    // the first request itself is still answered from the store
    const again = await send(desk, s, path, { version: 1, text: '第一条' }, 'bound-key-00000001')
    expect(again.headers.get('idempotent-replayed')).toBe('true')
  })
})
