import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const REPLY = '您好：\n路灯已于9月30日修复。\n感谢您的监督。'

function trackApi() {
  const bodies: unknown[] = []
  const messages: { body: string; at: string }[] = []
  const uploads: string[] = []
  const sent: unknown[] = []
  server.use(
    http.post('*/api/public/mailbox/uploads', async ({ request }) => {
      const name = new URL(request.url).searchParams.get('name') ?? ''
      uploads.push(`${name}:${(await request.arrayBuffer()).byteLength}`)
      if (name.endsWith('.exe'))
        return HttpResponse.json(
          {
            error: {
              code: 'VALIDATION',
              message: 'refused',
              details: [{ path: [], message: 'type', file: name, reason: 'type' }],
            },
          },
          { status: 422 },
        )
      return HttpResponse.json(
        { token: `tok_${uploads.length}_abcdefghijklmnopqrst`, name, type: 'image/jpeg', size: 3 },
        { status: 201 },
      )
    }),
    http.post('*/api/public/mailbox/messages', async ({ request }) => {
      const body = (await request.json()) as { body: string }
      sent.push(body)
      messages.push({ body: body.body, at: '2024-10-10T10:00:00.000+08:00' })
      return HttpResponse.json({ created: true, reopened: { round: 2 } }, { status: 201 })
    }),
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
        messages,
      })
    }),
  )
  return { bodies, uploads, sent }
}

describe('/mailbox/track', () => {
  it('shows the status and the reply text, line breaks kept', async () => {
    const { bodies } = trackApi()
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
    const { bodies } = trackApi()
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

  it('lets the citizen add a message with a photo, naming a refused file, and tells that it will be handled again', async () => {
    const api = trackApi()
    const app = renderWithClient('/mailbox/track?no=JZ23456789AB')
    await app.user.type(await screen.findByLabelText(/^联系电话/), '13812345678')
    await app.user.click(screen.getByRole('button', { name: '查询' }))
    expect(await screen.findByText('补充留言')).toBeTruthy()
    expect(
      screen.getByText(
        '可上传照片或PDF文件，最多5个，每个不超过10MB。照片中的位置等信息会在保存前去除。',
        {
          selector: '#mb-more-files-hint',
        },
      ),
    ).toBeTruthy()
    await app.user.type(screen.getByLabelText(/^补充内容/), '今天仍被占用。')
    const picker = screen.getByLabelText('附件（选填）', { selector: '#mb-more-files' })
    await app.user.upload(picker, new File(['x'], 'tool.exe', { type: 'image/jpeg' }))
    await app.user.click(screen.getByRole('button', { name: '提交补充留言' }))
    expect(await screen.findByText('“tool.exe”不是照片或PDF文件，无法上传')).toBeTruthy()
    expect(api.sent).toEqual([])

    await app.user.click(screen.getByRole('button', { name: '移除 tool.exe' }))
    await app.user.upload(picker, new File(['abc'], '现场.jpg', { type: 'image/jpeg' }))
    await app.user.click(screen.getByRole('button', { name: '提交补充留言' }))
    expect(await screen.findByText('已收到您的补充留言，我们将重新办理。')).toBeTruthy()
    expect(api.sent).toEqual([
      expect.objectContaining({
        trackingNumber: 'JZ23456789AB',
        phone: '13812345678',
        body: '今天仍被占用。',
        attachments: [{ token: 'tok_2_abcdefghijklmnopqrst' }],
      }),
    ])
    // the page asks again and lists the addition
    expect(await screen.findByText('今天仍被占用。')).toBeTruthy()
    expect(api.uploads).toEqual(['tool.exe:1', '现场.jpg:3'])
  })

  it('says an earlier send arrived when its key carried another text, and sends the changed text under a new key', async () => {
    trackApi()
    const keys: string[] = []
    server.use(
      http.post('*/api/public/mailbox/messages', async ({ request }) => {
        keys.push(((await request.json()) as { idempotencyKey: string }).idempotencyKey)
        if (keys.length > 1) return HttpResponse.json({ created: true }, { status: 201 })
        const details = [{ path: ['idempotencyKey'], message: 'used for another message' }]
        return HttpResponse.json(
          { error: { code: 'CONFLICT', message: 'reused', details } },
          { status: 409 },
        )
      }),
    )
    const app = renderWithClient('/mailbox/track?no=JZ23456789AB')
    await app.user.type(await screen.findByLabelText(/^联系电话/), '13812345678')
    await app.user.click(screen.getByRole('button', { name: '查询' }))
    await app.user.type(await screen.findByLabelText(/^补充内容/), '今天仍被占用。')
    await app.user.click(screen.getByRole('button', { name: '提交补充留言' }))
    expect(
      await screen.findByText(
        '您之前提交的补充留言已收到，见上方记录；修改后的内容还没有提交，如需补充请再点一次提交。',
      ),
    ).toBeTruthy()
    // not the closed-mailbox text other 409s show, and the typed text stays
    expect(screen.queryByText(/暂停受理/)).toBeNull()
    expect((screen.getByLabelText(/^补充内容/) as HTMLTextAreaElement).value).toBe('今天仍被占用。')
    await app.user.click(screen.getByRole('button', { name: '提交补充留言' }))
    expect(await screen.findByText('已收到您的补充留言。')).toBeTruthy()
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
  })
})
