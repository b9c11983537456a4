import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

type User = {
  id: number
  username: string
  displayName: string
  role: string
  departmentId: number | null
  isActive: boolean
}

describe('/users', () => {
  it('an admin creates a responder in a department, then moves them and changes the role; the list shows it and no password hash', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const dept = (await (
      await call(desk, admin, 'POST', '/departments', { name: '规划处' })
    ).json()) as { department: { id: number } }
    const created = await call(desk, admin, 'POST', '/users', {
      username: 'zhang.san',
      displayName: '张三',
      role: 'responder',
      password: 'long-enough-1',
      department: dept.department.id,
    })
    expect(created.status).toBe(201)
    const { user } = (await created.json()) as { user: User }
    expect(user).toMatchObject({
      username: 'zhang.san',
      displayName: '张三',
      role: 'responder',
      departmentId: dept.department.id,
    })

    const moved = await call(desk, admin, 'PATCH', `/users/${user.id}`, {
      department: null,
      role: 'manager',
    })
    expect(moved.status).toBe(200)
    expect(((await moved.json()) as { user: User }).user).toMatchObject({
      id: user.id,
      role: 'manager',
      departmentId: null,
    })

    const list = await call(desk, admin, 'GET', '/users')
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toMatch(/passwordHash|scrypt|argon/i)
    expect(
      (JSON.parse(text) as { users: User[] }).users.find((u) => u.id === user.id),
    ).toMatchObject({ role: 'manager', departmentId: null })
  })

  it('answers 409 for a taken username, 422 for a short password or bad username, 404 for an unknown user or department, 403 for a manager', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const base = {
      username: 'li.si',
      displayName: '李四',
      role: 'responder',
      password: 'long-enough-1',
    }
    expect((await call(desk, admin, 'POST', '/users', base)).status).toBe(201)
    expect((await call(desk, admin, 'POST', '/users', base)).status).toBe(409)
    const short = await call(desk, admin, 'POST', '/users', {
      ...base,
      username: 'wang.wu',
      password: 'short',
    })
    expect(short.status).toBe(422)
    const plain = await call(desk, admin, 'POST', '/users', {
      ...base,
      username: 'wangwu',
      password: 'xwangwux',
    })
    expect(((await plain.json()) as { error: { message: string } }).error.message).toBe(
      'The password needs at least 2 of: lower case, upper case, digits, other characters and must not contain the username',
    )
    const named = await call(desk, admin, 'POST', '/users', {
      ...base,
      username: 'wang.wu',
      password: 'Wang.Wu-2024',
    })
    expect(((await named.json()) as { error: { message: string } }).error.message).toBe(
      'The password must not contain the username',
    )
    expect(
      (await call(desk, admin, 'POST', '/users', { ...base, username: 'has space' })).status,
    ).toBe(422)
    expect(
      (
        await call(desk, admin, 'POST', '/users', {
          ...base,
          username: 'zhao.liu',
          department: 999,
        })
      ).status,
    ).toBe(404)
    expect((await call(desk, admin, 'PATCH', '/users/999', { role: 'manager' })).status).toBe(404)
    const manager = await signIn(desk, 'manager')
    expect((await call(desk, manager, 'GET', '/users')).status).toBe(403)
  })
})
