import { fireEvent, screen, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient, type RenderedApp } from '../../../testing/render.tsx'

type Sent = {
  subject: string
  phone: string
  agreePrivacy: boolean
  idempotencyKey: string
  email?: string
}

/** The public mailbox API: answers in turn from `answers` (the last one repeats), records bodies. */
function mailboxApi(answers: (() => Response | Promise<Response>)[]) {
  const bodies: Sent[] = []
  server.use(
    http.post('*/api/public/mailbox', async ({ request }) => {
      bodies.push((await request.json()) as Sent)
      await delay(50)
      return (answers[bodies.length - 1] ?? answers.at(-1)!)()
    }),
  )
  return bodies
}

const created = () =>
  HttpResponse.json(
    { trackingNumber: 'JZ23456789AB', receivedAt: '2024-09-27T09:30:00.000+08:00', created: true },
    { status: 201 },
  )

async function fillForm(app: RenderedApp, phone = '138 1234 5678') {
  await app.user.type(await screen.findByLabelText(/^标题/), '小区路灯不亮')
  await app.user.type(screen.getByLabelText(/^留言内容/), '东门路灯坏了一周。')
  await app.user.type(screen.getByLabelText(/^姓名/), '赵市民')
  await app.user.type(screen.getByLabelText(/^联系电话/), phone)
  await app.user.click(screen.getByLabelText('我已阅读并同意《个人信息保护说明》'))
}

describe('/mailbox', () => {
  it('marks every field required or optional the same way, after its label', async () => {
    renderWithClient('/mailbox')
    expect(await screen.findByLabelText('标题（必填）')).toBeTruthy()
    expect(screen.getByLabelText('联系电话（必填）')).toBeTruthy()
    expect(screen.getByLabelText('电子邮箱（选填）')).toBeTruthy()
    // the optional mark is as light as the required one: the label itself is the only bold part
    const marks = [...document.querySelectorAll('label .mb-mark')].map((m) => m.textContent)
    expect(marks).toEqual(['（必填）', '（必填）', '（必填）', '（必填）', '（选填）', '（选填）'])
  })

  it('counts characters against the limit as the citizen types', async () => {
    const app = renderWithClient('/mailbox')
    await app.user.type(await screen.findByLabelText(/^标题/), '路灯不亮')
    expect(screen.getByText('4 / 60 字')).toBeTruthy()
    // pasted text over the limit is kept, and the counter says by how much
    fireEvent.change(screen.getByLabelText(/^标题/), { target: { value: '长'.repeat(65) } })
    expect(screen.getByText('65 / 60 字，超出 5 字')).toBeTruthy()
  })

  it('files the message and shows the tracking number with a link to tracking', async () => {
    const bodies = mailboxApi([created])
    const app = renderWithClient('/mailbox')
    await fillForm(app)
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))

    expect((await screen.findByTestId('tracking-number')).textContent).toBe('JZ23456789AB')
    expect(screen.getByRole('heading', { name: '留言已提交' })).toBeTruthy()
    const receipt = within(screen.getByRole('region', { name: '留言已提交' }))
    expect(receipt.getByRole('link', { name: '查询办理进度' }).getAttribute('href')).toBe(
      '/mailbox/track?no=JZ23456789AB',
    )
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({
      subject: '小区路灯不亮',
      phone: '13812345678',
      agreePrivacy: true,
      email: '',
    })
    expect(bodies[0]!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/)
  })

  it('sends one idempotency key for a double click and for a resend after a network error', async () => {
    const bodies = mailboxApi([() => HttpResponse.error(), created])
    const app = renderWithClient('/mailbox')
    await fillForm(app)
    const button = screen.getByRole('button', { name: '提交留言' })
    await app.user.dblClick(button)
    expect(
      await screen.findByText('网络连接失败，请检查网络后再点一次提交。您的留言不会重复提交。'),
    ).toBeTruthy()
    expect(bodies).toHaveLength(1) // the second click of the double click sent nothing

    await app.user.click(screen.getByRole('button', { name: '提交留言' }))
    expect((await screen.findByTestId('tracking-number')).textContent).toBe('JZ23456789AB')
    expect(bodies).toHaveLength(2)
    expect(bodies[1]!.idempotencyKey).toBe(bodies[0]!.idempotencyKey)
  })

  it('tells the citizen the number of the letter an earlier send filed when the key came with another text, and sends the text anew', async () => {
    const reused = () =>
      HttpResponse.json(
        {
          error: {
            code: 'CONFLICT',
            message: 'This form’s idempotencyKey came with another letter',
            details: [
              {
                path: ['idempotencyKey'],
                message: 'used for another letter (its body differs)',
                trackingNumber: 'JZ98765432CD',
              },
            ],
          },
        },
        { status: 409 },
      )
    const bodies = mailboxApi([reused, created])
    const app = renderWithClient('/mailbox')
    await fillForm(app)
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))
    expect(
      await screen.findByText(
        '您之前提交的留言已收到，回执编号 JZ98765432CD，可凭编号查询办理进度；修改后的内容还没有提交，再点一次提交将作为一封新留言发送。',
      ),
    ).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))
    expect((await screen.findByTestId('tracking-number')).textContent).toBe('JZ23456789AB')
    expect(bodies).toHaveLength(2)
    expect(bodies[1]!.idempotencyKey).not.toBe(bodies[0]!.idempotencyKey)
  })

  it('checks the fields before sending and names each problem', async () => {
    const bodies = mailboxApi([created])
    const app = renderWithClient('/mailbox')
    await app.user.type(await screen.findByLabelText(/^联系电话/), '12345')
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))

    expect(await screen.findByText('有 5 项需要修改，请查看标出的内容。')).toBeTruthy()
    expect(screen.getByText('请填写标题')).toBeTruthy()
    expect(screen.getByText('电话号码不正确：请填写手机号，或带区号的固定电话')).toBeTruthy()
    expect(screen.getByText('请阅读并同意个人信息保护说明')).toBeTruthy()
    expect(screen.getByLabelText(/^标题/).getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(screen.getByLabelText(/^标题/))
    expect(bodies).toHaveLength(0)
  })

  it('shows the API 422 answer under the fields it names', async () => {
    mailboxApi([
      () =>
        HttpResponse.json(
          {
            error: {
              code: 'VALIDATION',
              message: 'Invalid json',
              details: [
                { path: ['phone'], message: 'x' },
                { path: ['email'], message: 'y' },
              ],
            },
          },
          { status: 422 },
        ),
    ])
    const app = renderWithClient('/mailbox')
    await fillForm(app)
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))

    expect(await screen.findByText('有 2 项需要修改，请查看标出的内容。')).toBeTruthy()
    const phoneField = screen.getByLabelText(/^联系电话/).closest('div')!
    expect(
      within(phoneField as HTMLElement).getByText(
        '电话号码不正确：请填写手机号，或带区号的固定电话',
      ),
    ).toBeTruthy()
    const emailField = screen.getByLabelText(/^电子邮箱/).closest('div')!
    expect(within(emailField as HTMLElement).getByText('电子邮箱格式不正确')).toBeTruthy()
  })

  it.each([
    [429, 'RATE_LIMITED', '操作过于频繁，请一小时后再试。'],
    [413, 'PAYLOAD_TOO_LARGE', '内容过长，请删减留言后再提交。'],
    [409, 'CONFLICT', '局长信箱暂停受理网上留言，请拨打 12345 热线或通过其他渠道联系我们。'],
  ])('explains a %i answer in Chinese', async (status, code, text) => {
    mailboxApi([() => HttpResponse.json({ error: { code, message: 'no' } }, { status })])
    const app = renderWithClient('/mailbox')
    await fillForm(app)
    await app.user.click(screen.getByRole('button', { name: '提交留言' }))
    expect((await screen.findByText(text)).getAttribute('role')).toBe('alert')
  })
})
