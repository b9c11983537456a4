import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

type Settings = {
  channel: string
  requiresSignOff: boolean
  webhookUrl: string | null
  hasWebhookSecret: boolean
}

describe('/channel-settings', () => {
  it('an admin turns on sign-off and a webhook; staff read it without the secret', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const res = await call(desk, admin, 'PATCH', '/channel-settings/mayor_mailbox', {
      requiresSignOff: true,
      webhookUrl: 'https://example.gov.cn/hook',
      webhookSecret: 'a-secret-of-16-chars-or-more',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { settings: Settings }).settings).toEqual({
      channel: 'mayor_mailbox',
      requiresSignOff: true,
      reopenOnMessage: true,
      webhookUrl: 'https://example.gov.cn/hook',
      hasWebhookSecret: true,
    })
    const responder = await signIn(desk, 'responder')
    const list = await call(desk, responder, 'GET', '/channel-settings')
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toContain('a-secret-of-16-chars-or-more')
    const settings = (JSON.parse(text) as { settings: Settings[] }).settings
    expect(settings.find((s) => s.channel === 'mayor_mailbox')).toMatchObject({
      requiresSignOff: true,
      hasWebhookSecret: true,
    })
    expect(settings.find((s) => s.channel === 'minxin')).toMatchObject({
      requiresSignOff: false,
      webhookUrl: null,
      hasWebhookSecret: false,
    })
  })

  it('answers 422 for a webhook without a secret (naming it) or a non-http URL, 404 for an unknown channel, 403 for a manager', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const noSecret = await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
      webhookUrl: 'https://example.gov.cn/hook',
    })
    expect(noSecret.status).toBe(422)
    expect(JSON.stringify(await noSecret.json())).toContain('webhookSecret')
    expect(
      (
        await call(desk, admin, 'PATCH', '/channel-settings/minxin', {
          webhookUrl: 'ftp://example.gov.cn/x',
          webhookSecret: 'a-secret-of-16-chars-or-more',
        })
      ).status,
    ).toBe(422)
    expect(
      (
        await call(desk, admin, 'PATCH', '/channel-settings/no_such_channel', {
          requiresSignOff: true,
        })
      ).status,
    ).toBe(404)
    const manager = await signIn(desk, 'manager')
    expect(
      (await call(desk, manager, 'PATCH', '/channel-settings/minxin', { requiresSignOff: true }))
        .status,
    ).toBe(403)
  })
})
