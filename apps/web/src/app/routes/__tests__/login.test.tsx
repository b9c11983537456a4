import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('login', () => {
  it('sends a signed-out visitor to /login and back to the page they asked for after signing in', async () => {
    const desk = createFakeDesk({
      user: null,
      password: 'secret-pass',
      inquiries: [makeInquiry({ channel: 'minxin', subject: '噪音扰民' })],
    })
    server.use(...desk.handlers)
    const app = renderWithClient('/queue?channel=minxin')

    await screen.findByRole('button', { name: /登\s*录/ })
    expect(app.location()).toBe('/login?next=%2Fqueue%3Fchannel%3Dminxin')

    await app.user.type(screen.getByLabelText('用户名'), 'zhang')
    await app.user.type(screen.getByLabelText('密码'), 'wrong-pass')
    await app.user.click(screen.getByRole('button', { name: /登\s*录/ }))
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy()
    expect(app.location()).toMatch(/^\/login/)

    await app.user.clear(screen.getByLabelText('密码'))
    await app.user.type(screen.getByLabelText('密码'), 'secret-pass')
    await app.user.click(screen.getByRole('button', { name: /登\s*录/ }))

    expect(await screen.findByRole('link', { name: '噪音扰民' })).toBeTruthy()
    expect(app.location()).toBe('/queue?channel=minxin')
    expect(screen.getByText('张答复')).toBeTruthy()
    expect(desk.state.writes[1]?.body).toEqual({ username: 'zhang', password: 'secret-pass' })
  })
})
