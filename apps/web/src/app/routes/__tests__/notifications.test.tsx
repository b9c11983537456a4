import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const item = (key: string, kind: string, inquiryId: number, subject: string, isRead = false) => ({
  key,
  kind,
  inquiryId,
  subject,
  at: '2024-09-27T10:00:00+08:00',
  actor: kind === 'overdue' ? null : '陈静',
  detail: kind === 'draft_sent_back' ? '补充办理依据' : null,
  isRead,
})

function notifications() {
  const state = {
    items: [
      item('overdue:7:2024-09-27', 'overdue', 7, '早已逾期的问询'),
      item('draft_sent_back:3', 'draft_sent_back', 8, '需审核的问询'),
      item('event:41', 'assigned', 9, '派给我的问询', true),
    ],
    marks: [] as unknown[],
  }
  const answer = () =>
    HttpResponse.json({ items: state.items, unread: state.items.filter((i) => !i.isRead).length })
  const handlers = [
    http.get('*/api/notifications', answer),
    http.post('*/api/notifications/read', async ({ request }) => {
      const body = (await request.json()) as { keys?: string[]; all?: true }
      state.marks.push(body)
      for (const i of state.items) if (body.all || body.keys?.includes(i.key)) i.isRead = true
      return answer()
    }),
  ]
  return { state, handlers }
}

describe('the notification bell', () => {
  it('asks as a background poll (X-Desk-Background: 1), which the API does not count as activity', async () => {
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [] })
    const seen: (string | null)[] = []
    server.use(
      http.get('*/api/notifications', ({ request }) => {
        seen.push(request.headers.get('x-desk-background'))
        return HttpResponse.json({ items: [], unread: 0 })
      }),
      ...desk.handlers,
    )
    renderWithClient('/queue')
    await waitFor(() => expect(seen.length).toBeGreaterThan(0))
    expect(seen.every((h) => h === '1')).toBe(true)
  })

  it('counts the unread, lists them with what happened, opens one (marked read) and marks all read', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [makeInquiry({ id: 7, subject: '早已逾期的问询' })],
    })
    const notes = notifications()
    server.use(...notes.handlers, ...desk.handlers)
    const app = renderWithClient('/queue')

    const bell = await screen.findByRole('button', { name: '2 条未读通知' })
    await app.user.click(bell)
    const panel = (await screen.findByText('我的通知')).closest('.ant-popover') as HTMLElement
    expect(within(panel).getByText('已逾期')).toBeTruthy()
    expect(within(panel).getByText('您的答复稿被退回修改')).toBeTruthy()
    expect(within(panel).getByText(/补充办理依据/)).toBeTruthy()
    expect(within(panel).getAllByText('未读')).toHaveLength(2)

    await app.user.click(within(panel).getByText('早已逾期的问询'))
    await waitFor(() => expect(app.location()).toBe('/inquiries/7'))
    expect(notes.state.marks).toEqual([{ keys: ['overdue:7:2024-09-27'] }])
    expect(await screen.findByRole('button', { name: '1 条未读通知' })).toBeTruthy()

    await app.user.click(screen.getByRole('button', { name: '1 条未读通知' }))
    await app.user.click(await screen.findByRole('button', { name: '全部标为已读' }))
    expect(await screen.findByRole('button', { name: '通知' })).toBeTruthy()
    expect(notes.state.marks.at(-1)).toEqual({ all: true })
  })
})
