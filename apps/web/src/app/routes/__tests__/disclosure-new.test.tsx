import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeDesk, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

beforeEach(() => {
  // only Date is faked ("today" is 2024-10-09 in Beijing); timers stay real for the UI
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2024-10-09T10:00:00+08:00'))
})
afterEach(() => vi.useRealTimers())

describe('entering a disclosure request', () => {
  it('refuses a receipt date before the 条例 came into force or after today, saying why, and sends nothing', async () => {
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [] })
    const posted: unknown[] = []
    server.use(
      ...desk.handlers,
      http.post('*/api/disclosure/requests', async ({ request }) => {
        posted.push(await request.json())
        return HttpResponse.json({}, { status: 500 })
      }),
    )
    const app = renderWithClient('/disclosure/new')
    await app.user.type(await screen.findByLabelText('申请人'), '张三')
    await app.user.type(screen.getByLabelText('申请公开的信息'), '规划许可')
    await app.user.type(screen.getByLabelText('申请内容'), '请公开某地块规划许可证')
    const date = screen.getByLabelText(/^收到申请日/)
    for (const [day, said] of [
      ['2008-04-30', '收到申请日不能早于2008-05-01（《政府信息公开条例》国务院令第492号施行之日）'],
      ['2024-10-10', '收到申请日不能晚于今天'],
    ] as const) {
      await app.user.clear(date)
      await app.user.type(date, day)
      await app.user.click(screen.getByRole('button', { name: /^登\s?记$/ }))
      expect(await screen.findByText(said)).toBeTruthy()
    }
    expect(posted).toEqual([])
  })
})
