import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

type Department = { id: number; name: string; isActive: boolean }

describe('/departments', () => {
  it('an admin creates, renames and deactivates a department; any staff lists them', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const created = await call(desk, admin, 'POST', '/departments', { name: '规划处' })
    expect(created.status).toBe(201)
    const { department } = (await created.json()) as { department: Department }
    expect(department).toMatchObject({ name: '规划处', isActive: true })

    const renamed = await call(desk, admin, 'PATCH', `/departments/${department.id}`, {
      name: '规划与土地处',
      isActive: false,
    })
    expect(renamed.status).toBe(200)
    expect(((await renamed.json()) as { department: Department }).department).toMatchObject({
      id: department.id,
      name: '规划与土地处',
      isActive: false,
    })

    const responder = await signIn(desk, 'responder')
    const list = await call(desk, responder, 'GET', '/departments')
    expect(list.status).toBe(200)
    expect(
      ((await list.json()) as { departments: Department[] }).departments.map((d) => [
        d.name,
        d.isActive,
      ]),
    ).toEqual([['规划与土地处', false]])
  })

  it('answers 409 for a taken name, 404 for an unknown id, 422 for a blank name, 403 for a manager, 401 without a session', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    await call(desk, admin, 'POST', '/departments', { name: '办公室' })
    expect((await call(desk, admin, 'POST', '/departments', { name: '办公室' })).status).toBe(409)
    expect((await call(desk, admin, 'PATCH', '/departments/999', { name: '新名字' })).status).toBe(
      404,
    )
    const blank = await call(desk, admin, 'POST', '/departments', { name: '' })
    expect(blank.status).toBe(422)
    expect(JSON.stringify(await blank.json())).toContain('name')
    const manager = await signIn(desk, 'manager')
    expect(
      (await call(desk, manager, 'POST', '/departments', { name: '执法监察支队' })).status,
    ).toBe(403)
    expect((await call(desk, undefined, 'GET', '/departments')).status).toBe(401)
  })
})
