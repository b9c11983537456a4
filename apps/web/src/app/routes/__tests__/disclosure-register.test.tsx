import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('/reports/disclosure/register opened without a table cell', () => {
  it('says where cells are chosen and links to the year’s table instead of failing to load', async () => {
    server.use(...createFakeDesk({ user: MANAGER }).handlers)
    renderWithClient('/reports/disclosure/register?year=2025')
    expect(await screen.findByText(/请在统计表中点击一个数字/)).toBeTruthy()
    expect(screen.queryByText('依申请公开数据加载失败')).toBeNull()
    const open = screen.getByRole('link', { name: '打开统计表' })
    expect(open.getAttribute('href')).toBe('/reports/disclosure/2025')
  })
})
