import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function setup() {
  const config = createFakeConfig()
  server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
  return { config, app: renderWithClient('/admin/departments') }
}

describe('admin: departments and staff', () => {
  it('adds, renames and deactivates a department', async () => {
    const { config, app } = setup()
    expect(await screen.findByText('城市管理处')).toBeTruthy()

    await app.user.type(screen.getByLabelText('处室名称'), '信访办')
    await app.user.click(screen.getByRole('button', { name: '添加处室' }))
    expect(await screen.findByText('信访办')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'POST',
      path: '/api/departments',
      body: { name: '信访办' },
    })

    await app.user.click(screen.getByRole('button', { name: '改名 交通运输处' }))
    const dialog = await screen.findByRole('dialog')
    const input = within(dialog).getByLabelText('处室名称')
    await app.user.clear(input)
    await app.user.type(input, '交通管理处')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText('交通管理处')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/departments/2',
      body: { name: '交通管理处' },
    })

    await app.user.click(screen.getByRole('button', { name: '停用 城市管理处' }))
    expect(await screen.findByRole('button', { name: '启用 城市管理处' })).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/departments/1',
      body: { isActive: false },
    })
  })

  it('puts a responder in a department and makes them a manager', async () => {
    const { config, app } = setup()
    const department = await screen.findByRole('combobox', { name: '张答复的所属处室' })
    await app.user.click(department)
    await app.user.click(await screen.findByTitle('交通运输处'))
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/users/2',
      body: { department: 2 },
    })

    await app.user.click(screen.getByRole('combobox', { name: '张答复的角色' }))
    await app.user.click(await screen.findByTitle('负责人'))
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/users/2',
      body: { role: 'manager' },
    })
    expect(config.state.users[1]).toMatchObject({ departmentId: 2, role: 'manager' })
  })
})
