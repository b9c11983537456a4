import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, CSRF, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const sendButton = () => screen.getByRole('button', { name: /发送答复/ })

describe('inquiry page', () => {
  it('sends the reply with the version it loaded and shows the reply in the timeline', async () => {
    const inquiry = makeInquiry({ subject: '小区停车难', status: 'assigned', version: 3 })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    server.use(...desk.handlers, ...createFakeWorkflow(desk).handlers)
    const app = renderWithClient(`/inquiries/${inquiry.id}`)

    expect(await screen.findByRole('heading', { name: '小区停车难' })).toBeTruthy()
    expect(screen.getByText(/晚上噪音很大/)).toBeTruthy()
    expect(screen.getByText('138****5678')).toBeTruthy()
    expect(screen.getByText('2024-09-27 09:30')).toBeTruthy()

    await app.user.type(screen.getByLabelText('答复内容'), '已转城管部门处理。')
    await app.user.click(sendButton())

    expect(await screen.findByText('已转城管部门处理。')).toBeTruthy()
    expect(desk.state.writes.at(-1)).toEqual({
      method: 'POST',
      path: `/api/inquiries/${inquiry.id}/replies`,
      body: { version: 3, body: '已转城管部门处理。' },
      csrf: CSRF,
    })
    expect(screen.getAllByText('已答复').length).toBeGreaterThan(0)
  })

  it('on a stale page names who changed the inquiry and reloads it', async () => {
    const inquiry = makeInquiry({ subject: '道路积水', status: 'assigned', version: 2 })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    desk.state.conflict = {
      changedBy: '王五',
      action: 'replied',
      apply: (d) => {
        d.status = 'replied'
        d.assignee = { id: 9, displayName: '王五' }
      },
    }
    server.use(...desk.handlers, ...createFakeWorkflow(desk).handlers)
    const app = renderWithClient(`/inquiries/${inquiry.id}`)

    await screen.findByRole('heading', { name: '道路积水' })
    await app.user.type(screen.getByLabelText('答复内容'), '我们正在处理。')
    await app.user.click(sendButton())

    expect(
      await screen.findByText('此问询已被 王五 修改（答复），页面已重新加载，请查看后再操作。'),
    ).toBeTruthy()
    expect(desk.state.writes.at(-1)?.body).toEqual({ version: 2, body: '我们正在处理。' })
    // reloaded: the page now shows the other responder as assignee, and the draft is kept
    expect(await screen.findByText('王五')).toBeTruthy()
    expect(screen.getByLabelText<HTMLTextAreaElement>('答复内容').value).toBe('我们正在处理。')
  })
})

describe('inquiry page: caller history', () => {
  it("counts the caller's earlier inquiries and links each one", async () => {
    const inquiry = makeInquiry({ subject: '楼顶渗水', status: 'assigned' })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    server.use(
      http.get('*/api/inquiries/:id/caller-history', () =>
        HttpResponse.json({
          total: 3,
          items: [
            {
              id: 41,
              subject: '楼顶又渗水了',
              channel: 'minxin',
              status: 'replied',
              receivedAt: '2024-08-02T09:30:00.000+08:00',
            },
          ],
        }),
      ),
      ...desk.handlers,
      ...createFakeWorkflow(desk).handlers,
    )
    renderWithClient(`/inquiries/${inquiry.id}`)

    expect(await screen.findByText('此来电人此前有 3 件问询')).toBeTruthy()
    expect(screen.getByRole('link', { name: '楼顶又渗水了' }).getAttribute('href')).toBe(
      '/inquiries/41',
    )
    expect(screen.getByText('仅列出最近 1 件')).toBeTruthy()
    expect(screen.getByText('2024-08-02 09:30')).toBeTruthy()
  })
})
