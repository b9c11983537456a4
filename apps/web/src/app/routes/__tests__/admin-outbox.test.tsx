import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig, MANAGER } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('manager: outbox', () => {
  it('lists failed deliveries with their error and retries one; delivered ones have no retry', async () => {
    const config = createFakeConfig()
    server.use(...config.handlers, ...createFakeDesk({ user: MANAGER }).handlers)
    const app = renderWithClient('/admin/outbox')

    const row = (await screen.findByText('HTTP 503 Service Unavailable')).closest('tr')!
    expect(within(row).getByRole('link', { name: '#42' }).getAttribute('href')).toBe(
      '/inquiries/42',
    )
    expect(within(row).getByText('10')).toBeTruthy()
    expect(within(row).getByText('2024-10-08 09:15')).toBeTruthy()

    await app.user.click(within(row).getByRole('button', { name: '重试 #7' }))
    expect(await screen.findByText('已重新排队，将立即投递')).toBeTruthy()
    expect(config.state.writes.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/outbox/7/retry',
    })
    // it left the failed list
    await screen.findByText('没有记录')

    await app.user.click(screen.getByText('待投递'))
    const pending = (await screen.findByRole('link', { name: '#42' })).closest('tr')!
    expect(within(pending).getByText('2024-10-08 11:00')).toBeTruthy()

    await app.user.click(screen.getByText('已送达'))
    const delivered = (await screen.findByRole('link', { name: '#43' })).closest('tr')!
    expect(within(delivered).queryByRole('button', { name: /重试/ })).toBeNull()
  })
})
