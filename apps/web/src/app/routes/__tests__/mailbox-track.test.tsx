import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const REPLY = '您好：\n路灯已于9月30日修复。\n感谢您的监督。'

function trackApi() {
  const bodies: unknown[] = []
  server.use(
    http.post('*/api/public/mailbox/track', async ({ request }) => {
      const body = (await request.json()) as { trackingNumber: string; phone: string }
      bodies.push(body)
      if (body.trackingNumber !== 'JZ23456789AB' || body.phone !== '13812345678') {
        return HttpResponse.json(
          { error: { code: 'NOT_FOUND', message: 'No message matches' } },
          { status: 404 },
        )
      }
      return HttpResponse.json({
        trackingNumber: 'JZ23456789AB',
        subject: '小区路灯不亮',
        status: 'replied',
        receivedAt: '2024-09-27T09:30:00.000+08:00',
        reply: { body: REPLY, at: '2024-09-30T15:00:00.000+08:00' },
        files: [
          {
            name: '答复意见书.pdf',
            type: 'application/pdf',
            size: 2048,
            fromDesk: true,
            url: '/api/public/mailbox/files/7?exp=1&sig=ab',
          },
        ],
      })
    }),
  )
  return bodies
}

describe('/mailbox/track', () => {
  it('shows the status and the reply text, line breaks kept', async () => {
    const bodies = trackApi()
    const app = renderWithClient('/mailbox/track?no=JZ23456789AB')
    expect(((await screen.findByLabelText(/^查询号/)) as HTMLInputElement).value).toBe(
      'JZ23456789AB',
    )
    await app.user.type(screen.getByLabelText(/^联系电话/), '13812345678')
    await app.user.click(screen.getByRole('button', { name: '查询' }))

    expect(await screen.findByText('已答复')).toBeTruthy()
    const reply = screen.getByText((_, el) => el?.className === 'mb-reply')
    expect(reply.textContent).toBe(REPLY)
    expect(screen.getByText('2024-09-30 15:00')).toBeTruthy()
    expect(screen.getByRole('link', { name: '答复意见书.pdf' }).getAttribute('href')).toBe(
      '/api/public/mailbox/files/7?exp=1&sig=ab',
    )
    expect(bodies).toEqual([{ trackingNumber: 'JZ23456789AB', phone: '13812345678' }])
  })

  it('answers a wrong phone with the not-found message, and refuses a malformed number without asking', async () => {
    const bodies = trackApi()
    const app = renderWithClient('/mailbox/track')
    await app.user.type(await screen.findByLabelText(/^查询号/), 'jz23456789ab')
    await app.user.type(screen.getByLabelText(/^联系电话/), '13900000000')
    await app.user.click(screen.getByRole('button', { name: '查询' }))
    const notFound = await screen.findByText(
      '没有找到与该查询号和联系电话相符的留言，请核对后再试。',
    )
    expect(notFound.getAttribute('role')).toBe('alert')
    expect(bodies).toEqual([{ trackingNumber: 'JZ23456789AB', phone: '13900000000' }]) // upper-cased by the schema

    await app.user.clear(screen.getByLabelText(/^查询号/))
    await app.user.type(screen.getByLabelText(/^查询号/), 'JZ0001')
    await app.user.click(screen.getByRole('button', { name: '查询' }))
    expect(await screen.findByText('查询号格式不正确：JZ 加 10 位字母数字')).toBeTruthy()
    expect(bodies).toHaveLength(1)
  })
})
