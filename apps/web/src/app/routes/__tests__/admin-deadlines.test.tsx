import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('admin: deadline policies', () => {
  it('lists each policy with rule, start, due-by time, extension and source, and edits one', async () => {
    const config = createFakeConfig()
    server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
    const app = renderWithClient('/admin/deadlines')

    const hotline = (await screen.findByText('12345热线工作规范：咨询类3个工作日')).closest('tr')!
    expect(within(hotline).getByText('12345网络问政')).toBeTruthy()
    expect(within(hotline).getByText('咨询')).toBeTruthy()
    expect(within(hotline).getAllByText('3 个工作日')).toHaveLength(2) // rule and extension
    expect(within(hotline).getByText('自收件后下一个工作日起')).toBeTruthy()
    expect(within(hotline).getByText('17:00')).toBeTruthy()

    const disclosure = screen.getByText('《中华人民共和国政府信息公开条例》第三十三条').closest('tr')!
    expect(within(disclosure).getByText('依申请公开')).toBeTruthy()
    expect(within(disclosure).getByText('2019-05-15 起')).toBeTruthy()
    expect(within(disclosure).getByText('当日 24 时')).toBeTruthy()

    await app.user.click(within(hotline).getByRole('button', { name: '编辑 #1' }))
    const dialog = await screen.findByRole('dialog')
    const amount = within(dialog).getByLabelText('数量')
    await app.user.clear(amount)
    await app.user.type(amount, '5')
    const endOfDay = within(dialog).getByLabelText('截止时刻')
    await app.user.clear(endOfDay)
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))

    expect(await within(hotline).findByText('5 个工作日')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/deadlines/policies/1',
      body: { rule: 'working_days', amount: 5, start: 'next_working_day', endOfDay: null, extensionAmount: 3, source: '12345热线工作规范：咨询类3个工作日' },
    })
  })
})
