import { asc, gte } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/engine.ts'
import { hashPassword } from '../../lib/password.ts'
import { DEFAULT_SECURITY } from '../../lib/security-settings.ts'
import { runMigration } from '../../test/migrations.ts'
import { loginWaitMs, recordLoginFailure } from '../auth/login-throttle.service.ts'
import { T0, call, setupDesk, signIn } from '../../test/setup.ts'

const login = (desk: Awaited<ReturnType<typeof setupDesk>>, username: string, password: string) =>
  call(desk, undefined, 'POST', '/auth/login', { username, password })

describe('usernames without case', () => {
  it('are one account whatever the case typed: stored in lower case, taken in any case, signed in in any case', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const input = { displayName: '张三', role: 'responder', password: 'long-enough-1' }
    const made = await call(desk, admin, 'POST', '/users', { ...input, username: ' Zhang.San ' })
    expect(made.status).toBe(201)
    expect(((await made.json()) as { user: { username: string } }).user.username).toBe('zhang.san')
    const again = await call(desk, admin, 'POST', '/users', { ...input, username: 'zhang.SAN' })
    expect(again.status).toBe(409)
    expect(
      ((await again.json()) as { error: { message: string; details: unknown } }).error,
    ).toEqual({
      code: 'CONFLICT',
      message: 'Username zhang.san is taken',
      details: { reason: 'username_taken', username: 'zhang.san' },
    })
    for (const typed of [
      'ZHANG.SAN',
      'zhang.san',
      'Zhang.San',
      ' zhang.san',
      'Zhang.San ',
      '\u3000zhang.san\t',
    ])
      expect((await login(desk, typed, 'long-enough-1')).status, typed).toBe(200)
    // a wrong password in another case counts against the same name (one back-off, not one per case)
    expect((await login(desk, 'ZHANG.san', 'wrong')).status).toBe(401)
  })

  it('the sign-in back-off counts a name typed with spaces or in another case as the one name', async () => {
    const desk = await setupDesk()
    const typed = [' zhang.san', 'ZHANG.SAN ', '\u3000Zhang.San', 'zhang.san\t', 'zhang.san']
    for (const name of typed)
      await recordLoginFailure(desk.db, name, '203.0.113.9', T0, DEFAULT_SECURITY)
    // five failures of the one pair lock it for the first back-off step (1 s)
    expect(await loginWaitMs(desk.db, 'zhang.san', '203.0.113.9', T0)).toBe(1000)
    expect(await loginWaitMs(desk.db, ' ZHANG.SAN ', '203.0.113.9', T0)).toBe(1000)
    expect(await loginWaitMs(desk.db, 'li.si', '203.0.113.9', T0)).toBe(0)
  })

  it('the migration picks a free name when <name>-<id> is taken already, in any case', async () => {
    const desk = await setupDesk()
    const { users } = tables(desk.db)
    const passwordHash = await hashPassword('old-desk-pass-1')
    const row = (username: string) => ({
      username,
      displayName: username,
      role: 'responder' as const,
      passwordHash,
      createdAt: T0,
      passwordChangedAt: T0,
    })
    const [first] = await desk.db.insert(users).values(row('Zhang')).returning({ id: users.id })
    // the account the clash's rename would collide with, then the clash itself
    const id = first!.id
    await desk.db.insert(users).values([row(`ZHANG-${id + 2}`), row('zhang')])
    await runMigration(desk.db, '_username_case.sql')
    const after = await desk.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(gte(users.id, id))
      .orderBy(asc(users.id))
    expect(after).toEqual([
      { id, username: 'zhang' },
      { id: id + 1, username: `zhang-${id + 2}` },
      { id: id + 2, username: `zhang-${id + 2}-1` },
    ])
    expect((await login(desk, `zhang-${id + 2}-1`, 'old-desk-pass-1')).status).toBe(200)
  })

  it('the migration keeps every account that differed only in case, renames all but the oldest and reports each in the audit log', async () => {
    const desk = await setupDesk()
    const { users } = tables(desk.db)
    const passwordHash = await hashPassword('old-desk-pass-1')
    const row = (username: string) => ({
      username,
      displayName: username,
      role: 'responder' as const,
      passwordHash,
      createdAt: T0,
      passwordChangedAt: T0,
    })
    // as an earlier version stored them
    await desk.db.insert(users).values(['Zhang', 'zhang', 'ZHANG', 'Li'].map(row))
    await runMigration(desk.db, '_username_case.sql')

    const after = await desk.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .orderBy(asc(users.id))
    const [first, second, third, li] = after
    expect(after.map((u) => u.username)).toEqual([
      'zhang',
      `zhang-${second!.id}`,
      `zhang-${third!.id}`,
      'li',
    ])
    expect(first!.id).toBeLessThan(second!.id)
    // each still signs in, with its name now
    for (const name of ['Zhang', `zhang-${second!.id}`, `ZHANG-${third!.id}`, 'LI'])
      expect((await login(desk, name, 'old-desk-pass-1')).status, name).toBe(200)
    expect(li!.username).toBe('li')

    const security = await signIn(desk, 'security_admin')
    const { events } = (await (
      await call(desk, security, 'GET', '/users/security-events')
    ).json()) as {
      events: { action: string; target: string; detail: Record<string, unknown> }[]
    }
    expect(
      events
        .filter((e) => e.action === 'username_renamed')
        .map((e) => [e.target, e.detail])
        .sort(),
    ).toEqual(
      [
        [`user:${second!.id}`, { from: 'zhang', to: `zhang-${second!.id}`, reason: 'case_clash' }],
        [`user:${third!.id}`, { from: 'ZHANG', to: `zhang-${third!.id}`, reason: 'case_clash' }],
      ].sort(),
    )
  })
})
