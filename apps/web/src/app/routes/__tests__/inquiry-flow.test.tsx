import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeConfig, MANAGER } from '../../../testing/fake-config.ts'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const templateOptions = async (app: ReturnType<typeof renderWithClient>) => {
  await app.user.click(await screen.findByRole('combobox', { name: '插入答复模板' }))
  // antd's accessible listbox names options by value; the visible items carry the titles
  const items = () =>
    [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'))
  await waitFor(() => expect(items().length).toBeGreaterThan(0))
  const titles = items()
  await app.user.keyboard('{Escape}')
  return titles
}

describe('inquiry page: working through the queue', () => {
  it('"send and next" replies, then opens the next pending inquiry of the queue view it came from', async () => {
    const first = makeInquiry({ subject: '路灯不亮', status: 'assigned', channel: 'minxin' })
    const other = makeInquiry({ subject: '道路积水', status: 'new', channel: 'hotline_12345' })
    const second = makeInquiry({ subject: '噪音扰民', status: 'new', channel: 'minxin' })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [first, other, second] })
    server.use(...createFakeWorkflow(desk).handlers, ...desk.handlers)
    const app = renderWithClient('/queue?channel=minxin')

    await app.user.click(await screen.findByRole('link', { name: '路灯不亮' }))
    await app.user.type(await screen.findByLabelText('答复内容'), '已安排维修。')
    await app.user.click(screen.getByRole('button', { name: '发送并处理下一件' }))

    await waitFor(() => expect(app.location()).toBe(`/inquiries/${second.id}`))
    expect(await screen.findByRole('heading', { name: '噪音扰民' })).toBeTruthy()
    expect(desk.state.writes.at(-1)).toMatchObject({
      path: `/api/inquiries/${first.id}/replies`,
      body: { body: '已安排维修。' },
    })
    const next = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)
    expect([next?.query.get('channel'), next?.query.get('status')]).toEqual(['minxin', 'pending'])
    // back goes to the same view
    expect(screen.getByRole('link', { name: '← 返回答复队列' }).getAttribute('href')).toBe(
      '/queue?channel=minxin',
    )
  })

  it('lists a template a manager created in the reply composer without a reload', async () => {
    const inquiry = makeInquiry({ subject: '占道经营', status: 'assigned', category: '城市管理' })
    const config = createFakeConfig()
    const desk = createFakeDesk({ user: MANAGER, inquiries: [inquiry] })
    server.use(...config.handlers, ...createFakeWorkflow(desk).handlers, ...desk.handlers)
    const app = renderWithClient(`/inquiries/${inquiry.id}`)
    expect(await templateOptions(app)).toEqual(['占道经营答复', '通用答复'])

    await app.navigate('/admin/templates')
    await app.user.click(await screen.findByRole('button', { name: '新建模板' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText('标题'), '噪音投诉答复')
    await app.user.type(within(dialog).getByLabelText('模板正文'), '您好，来件已转交。')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText('噪音投诉答复')).toBeTruthy()

    await app.navigate(`/inquiries/${inquiry.id}`)
    await waitFor(async () => expect(await templateOptions(app)).toContain('噪音投诉答复'))
  })
})
