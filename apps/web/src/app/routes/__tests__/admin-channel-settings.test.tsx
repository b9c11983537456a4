import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function setup() {
  const config = createFakeConfig()
  server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
  return { config, app: renderWithClient('/admin/channel-settings') }
}

describe('admin: channel sign-off and webhook', () => {
  it('shows whether a secret is set, never the secret', async () => {
    setup()
    const hotline = (await screen.findByText('12345网络问政')).closest('tr')!
    expect(within(hotline).getByText('https://12345.example.gov.cn/hook')).toBeTruthy()
    expect(within(hotline).getByText('已设置密钥')).toBeTruthy()
    const minxin = screen.getByText('民心网联网平台').closest('tr')!
    expect(within(minxin).getByText('未设置密钥')).toBeTruthy()
    expect(within(minxin).getByText('无接口：答复在平台上发布后手工标记')).toBeTruthy()
  })

  it('shows the 422 of a webhook URL without a secret beside the secret field, then saves with one', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: '编辑 民心网联网平台' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.click(within(dialog).getByRole('checkbox', { name: '答复需审核' }))
    await app.user.type(
      within(dialog).getByLabelText('回传地址（Webhook）'),
      'https://minxin.example.cn/hook',
    )
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))

    expect(
      await within(dialog).findByText('设置回传地址时必须提供签名密钥（至少 16 个字符）'),
    ).toBeTruthy()
    expect(config.state.writes.at(-1)?.body).toEqual({
      requiresSignOff: true,
      reopenOnMessage: true,
      webhookUrl: 'https://minxin.example.cn/hook',
    })

    await app.user.type(within(dialog).getByLabelText(/签名密钥/), 'a-long-shared-secret-1234')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    const minxin = (await screen.findByText('https://minxin.example.cn/hook')).closest('tr')!
    expect(within(minxin).getByText('已设置密钥')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/channel-settings/minxin',
      body: {
        requiresSignOff: true,
        reopenOnMessage: true,
        webhookUrl: 'https://minxin.example.cn/hook',
        webhookSecret: 'a-long-shared-secret-1234',
      },
    })
  })

  it('warns, after saving, that a webhook host does not resolve from the desk', async () => {
    const { app } = setup()
    await app.user.click(await screen.findByRole('button', { name: '编辑 12345网络问政' }))
    const dialog = await screen.findByRole('dialog')
    const url = within(dialog).getByLabelText('回传地址（Webhook）')
    await app.user.clear(url)
    await app.user.type(url, 'https://hooks.bureau.internal/hook')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(
      await screen.findByText(
        'Webhook 主机 hooks.bureau.internal 目前无法从本系统解析。设置已保存；每次推送时会再检查其解析到的地址。',
      ),
    ).toBeTruthy()
    expect(await screen.findByText('https://hooks.bureau.internal/hook')).toBeTruthy()
  })

  it('keeps the stored secret when the field stays empty', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: '编辑 12345网络问政' }))
    const dialog = await screen.findByRole('dialog')
    expect((within(dialog).getByLabelText(/签名密钥/) as HTMLInputElement).value).toBe('')
    await app.user.click(within(dialog).getByRole('checkbox', { name: '答复需审核' }))
    await app.user.click(within(dialog).getByRole('checkbox', { name: /重新办理/ }))
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    await screen.findByRole('button', { name: '编辑 12345网络问政' })
    expect(config.state.writes.at(-1)?.body).toEqual({
      requiresSignOff: false,
      reopenOnMessage: false,
      webhookUrl: 'https://12345.example.gov.cn/hook',
    })
  })
})
