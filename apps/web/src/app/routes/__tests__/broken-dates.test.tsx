import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

// a time no browser can parse (an earlier API wrote pre-1901 offsets as "+08:5.71666666666664")
const BROKEN = '1900-02-28T00:00:00.000+08:5.71666666666664'

describe('a time the page cannot read', () => {
  it('keeps the queue usable and shows the raw value', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [
        makeInquiry({ subject: '旧日期的申请', receivedAt: BROKEN, dueAt: BROKEN }),
        makeInquiry({ subject: '路灯不亮' }),
      ],
    })
    server.use(...desk.handlers)
    renderWithClient('/queue')
    expect(await screen.findByRole('link', { name: '旧日期的申请' })).toBeTruthy()
    expect(screen.getByRole('link', { name: '路灯不亮' })).toBeTruthy()
    expect(screen.getAllByText(BROKEN).length).toBeGreaterThan(0)
  })

  it('keeps the inquiry page usable, reply box included, and shows the raw value', async () => {
    const inquiry = makeInquiry({
      subject: '旧日期的申请',
      status: 'assigned',
      receivedAt: BROKEN,
      dueAt: BROKEN,
    })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    server.use(...desk.handlers, ...createFakeWorkflow(desk).handlers)
    renderWithClient(`/inquiries/${inquiry.id}`)
    expect(await screen.findByRole('heading', { name: '旧日期的申请' })).toBeTruthy()
    expect(screen.getByLabelText('答复内容')).toBeTruthy()
    expect(screen.getAllByText(BROKEN).length).toBeGreaterThan(0)
    expect(screen.queryByText(/页面加载出错/)).toBeNull()
  })
})
