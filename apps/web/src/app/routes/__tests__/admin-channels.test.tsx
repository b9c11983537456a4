import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('admin: channels', () => {
  it('adds a channel and lists it', async () => {
    const desk = createFakeDesk({ user: ADMIN })
    server.use(...desk.handlers)
    const app = renderWithClient('/admin/channels')

    expect(await screen.findByText('民心网联网平台')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: '添加渠道' }))
    await app.user.type(await screen.findByLabelText('渠道代码'), 'wechat')
    await app.user.type(screen.getByLabelText('中文名称'), '政务微信')
    await app.user.type(screen.getByLabelText('英文名称'), 'WeChat')
    await app.user.click(screen.getByRole('button', { name: /保\s*存/ }))

    expect(await screen.findByText('政务微信')).toBeTruthy()
    expect(desk.state.writes.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/channels',
      body: { code: 'wechat', nameZh: '政务微信', nameEn: 'WeChat', intake: 'api' },
    })
  })

  it('tells a responder who opens an admin page which role it needs', async () => {
    server.use(...createFakeDesk({ user: RESPONDER }).handlers)
    const app = renderWithClient('/admin/channels')
    expect(await screen.findByRole('heading', { name: '无权访问此页面' })).toBeTruthy()
    expect(screen.getByText(/需要“管理员”或更高的角色，您当前的角色是“答复人员”/)).toBeTruthy()
    expect(app.location()).toBe('/admin/channels')
  })
})
