import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function desk() {
  return createFakeDesk({
    user: RESPONDER,
    inquiries: [
      makeInquiry({ id: 501, subject: '路灯不亮', version: 3 }),
      makeInquiry({ id: 502, subject: '井盖缺失', version: 7 }),
      makeInquiry({ id: 503, subject: '噪音扰民', channel: 'minxin' }),
      makeInquiry({ id: 504, subject: '已答复的问询', status: 'replied' }),
    ],
  })
}

const activeSubject = () => document.querySelector('.queue-row-active a')?.textContent ?? null

afterEach(() => localStorage.clear())

describe('queue as a work tool', () => {
  it('shows the total of the view and how many rows are loaded', async () => {
    server.use(...desk().handlers)
    renderWithClient('/queue')
    expect(await screen.findByText('共 3 条，已显示 3 条')).toBeTruthy()
  })

  it('asks for pages of the chosen size and remembers it for the next visit', async () => {
    const fake = desk()
    server.use(...fake.handlers)
    const app = renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })
    const lastLimit = () =>
      fake.state.reads
        .filter((r) => r.path === '/api/inquiries')
        .at(-1)
        ?.query.get('limit')
    expect(lastLimit()).toBe('50')

    await app.user.click(screen.getByRole('combobox', { name: '每页条数' }))
    await app.user.click(await screen.findByTitle('每页 200 条'))
    await waitFor(() => expect(lastLimit()).toBe('200'))
    app.unmount()

    renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })
    expect(lastLimit()).toBe('200')
  })

  it('moves with j and k, claims with c and opens with Enter; typing in the search box is not a shortcut', async () => {
    const fake = desk()
    server.use(...fake.handlers)
    const app = renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })

    await app.user.keyboard('j')
    expect(activeSubject()).toBe('路灯不亮')
    await app.user.keyboard('jj')
    expect(activeSubject()).toBe('噪音扰民')
    await app.user.keyboard('k')
    expect(activeSubject()).toBe('井盖缺失')
    await waitFor(() => expect(document.activeElement?.textContent).toBe('井盖缺失'))

    await app.user.keyboard('c')
    await waitFor(() =>
      expect(fake.state.writes.at(-1)).toMatchObject({
        path: '/api/inquiries/502/claim',
        body: { version: 7 },
      }),
    )
    expect(await screen.findByText('已签收：井盖缺失')).toBeTruthy()

    const search = screen.getByPlaceholderText('搜索标题、内容或工单号')
    await app.user.click(search)
    await app.user.keyboard('jkc')
    expect((search as HTMLInputElement).value).toBe('jkc')
    expect(activeSubject()).toBe('井盖缺失')
    expect(fake.state.writes.filter((w) => w.path.endsWith('/claim'))).toHaveLength(1)

    search.blur()
    await app.user.keyboard('{Enter}')
    await waitFor(() => expect(app.location()).toBe('/inquiries/502'))
  })

  it('opens the current inquiry with the reply box focused on r', async () => {
    server.use(...desk().handlers)
    const app = renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })
    await app.user.keyboard('jr')
    const box = await screen.findByRole('textbox', { name: '答复内容' })
    expect(app.location()).toBe('/inquiries/501')
    await waitFor(() => expect(document.activeElement).toBe(box))
  })

  it('lists the shortcuts in a help overlay on ?', async () => {
    server.use(...desk().handlers)
    const app = renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })
    await app.user.keyboard('{Shift>}?{/Shift}')
    const help = await screen.findByRole('dialog')
    expect(within(help).getByText('键盘快捷键')).toBeTruthy()
    for (const action of ['下一条', '上一条', '打开当前问询', '签收当前问询', '打开当前问询并答复'])
      expect(within(help).getByText(action)).toBeTruthy()
    // while it is open, j does not move the queue
    await app.user.keyboard('j')
    expect(activeSubject()).toBeNull()
  })
})
