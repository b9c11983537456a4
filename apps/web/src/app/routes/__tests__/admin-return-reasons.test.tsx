import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('admin: return reasons', () => {
  it('adds a reason and deactivates another', async () => {
    const config = createFakeConfig()
    server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
    const app = renderWithClient('/admin/return-reasons')

    expect(await screen.findByText('非本单位职责')).toBeTruthy()
    await app.user.type(screen.getByLabelText('原因'), '涉及司法程序')
    await app.user.click(screen.getByRole('button', { name: '添加退单原因' }))
    expect(await screen.findByText('涉及司法程序')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'POST',
      path: '/api/return-reasons',
      body: { label: '涉及司法程序' },
    })

    await app.user.click(screen.getByRole('button', { name: '停用 重复件' }))
    expect(await screen.findByRole('button', { name: '启用 重复件' })).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/return-reasons/2',
      body: { isActive: false },
    })
  })

  it('refuses an empty reason without sending it', async () => {
    const config = createFakeConfig()
    server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
    const app = renderWithClient('/admin/return-reasons')
    await screen.findByText('非本单位职责')
    await app.user.type(screen.getByLabelText('原因'), '   ')
    await app.user.click(screen.getByRole('button', { name: '添加退单原因' }))
    expect(await screen.findByText('必填')).toBeTruthy()
    expect(config.state.writes).toEqual([])
  })
})
