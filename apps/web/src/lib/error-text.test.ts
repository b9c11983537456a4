import {
  API_ERROR_CODES,
  API_ERROR_REASONS,
  FILE_REFUSALS,
  WEBHOOK_ADDRESS_REFUSALS,
} from '@desk/domain'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from './api-client.ts'
import { errorText } from './error-text.ts'

afterEach(() => void i18next.changeLanguage('zh-CN'))

describe('error sentences', () => {
  it.each(['zh-CN', 'en'])(
    'give every error code and refusal reason the API can return a %s sentence',
    (lang) => {
      const t = i18next.getFixedT(lang)
      const keys = [...API_ERROR_CODES, 'INTERNAL']
        .map((c) => `errors.${c}`)
        .concat(API_ERROR_REASONS.map((r) => `errors.reason.${r}`))
        .concat(FILE_REFUSALS.map((r) => `errors.file.${r}`))
        .concat(WEBHOOK_ADDRESS_REFUSALS.map((r) => `errors.webhook.${r}`))
      const missing = keys.filter(
        (key) => !i18next.exists(key, { lng: lang, fallbackLng: false }) || t(key) === key,
      )
      expect(missing).toEqual([])
    },
  )

  it("say a refusal's reason with its details in the user's language, never the server's English", async () => {
    const claimed = new ApiError(409, 'CONFLICT', 'Already claimed by 王五', {
      reason: 'claimed',
      holder: '王五',
    })
    expect(errorText(claimed)).toBe('此问询已被 王五 签收。')
    const gone = new ApiError(404, 'NOT_FOUND', 'Inquiry 32 does not exist')
    expect(errorText(gone)).toBe('找不到要访问的内容：它可能已被移走，或您无权查看')
    const invalid = new ApiError(422, 'VALIDATION', 'body: Too small', [
      { path: ['body'], message: 'Too small' },
    ])
    expect(errorText(invalid)).toBe('输入有误：body')
    await i18next.changeLanguage('en')
    expect(errorText(claimed)).toBe('王五 has claimed this inquiry.')
  })

  it('say a username is taken whatever its case, in either language', async () => {
    const taken = new ApiError(409, 'CONFLICT', 'Username zhang is taken', {
      reason: 'username_taken',
      username: 'zhang',
    })
    expect(errorText(taken)).toBe('用户名 zhang 已被使用（用户名不区分大小写），请换一个。')
    await i18next.changeLanguage('en')
    expect(errorText(taken)).toBe(
      'The username zhang is taken (usernames ignore case); choose another.',
    )
  })

  it("name the roles a refused route is open to and the caller's own, in either language", async () => {
    const refused = new ApiError(403, 'FORBIDDEN', 'This needs one of the roles …', {
      reason: 'role_required',
      roles: ['responder', 'manager', 'admin'],
      role: 'security_admin',
    })
    expect(errorText(refused)).toBe(
      '只有答复人员、负责人或管理员可以执行此操作，您的角色是安全管理员。',
    )
    await i18next.changeLanguage('en')
    expect(errorText(refused)).toBe(
      'Only the role Responder, Manager, or Admin may do this; yours is Security admin.',
    )
  })

  it('say why a webhook address is refused, by its kind, in either language', async () => {
    const refused = (kind: string, address: string) =>
      new ApiError(422, 'VALIDATION', 'webhookUrl: …', [
        { path: ['webhookUrl'], message: '…', reason: 'webhook_address', kind, address },
      ])
    expect(errorText(refused('metadata', '169.254.169.254'))).toBe(
      'Webhook 地址 169.254.169.254 是云服务器的元数据服务，系统不向其投递。',
    )
    for (const kind of WEBHOOK_ADDRESS_REFUSALS)
      expect(errorText(refused(kind, '10.0.0.1'))).toContain('Webhook 地址 10.0.0.1 ')
    await i18next.changeLanguage('en')
    expect(errorText(refused('private', '10.1.2.3'))).toBe(
      'The webhook address 10.1.2.3 is in a private network range: webhooks reach private networks only when the server sets DESK_WEBHOOK_PRIVATE_NETWORKS=1.',
    )
  })

  it('say where proposals and disclosure requests are entered when a message is refused from their channel', async () => {
    const refused = (kind: string) =>
      new ApiError(422, 'VALIDATION', 'Channel … holds … items, not messages', [
        { path: ['channel'], message: '…', refusal: 'message_channel', kind },
      ])
    expect(errorText(refused('proposal'))).toBe(
      '“建议提案”渠道只收人大代表建议和政协提案，不收来信来电：请在“登记簿 › 建议提案”中点“登记建议提案”录入，录入后列入建议提案登记簿。',
    )
    expect(errorText(refused('disclosure'))).toContain('“登记簿 › 依申请公开”')
    await i18next.changeLanguage('en')
    expect(errorText(refused('disclosure'))).toBe(
      'The Disclosure requests channel takes disclosure requests, not messages: enter them under Registers › Disclosure requests › Enter a disclosure request, which keeps them in that register.',
    )
  })

  it('name the file a 422 refused, with the reason', async () => {
    const refused = new ApiError(
      422,
      'VALIDATION',
      '扫描件.jpg: this type of file is not accepted',
      [{ path: ['file'], message: '…', file: '扫描件.jpg', reason: 'type' }],
    )
    expect(errorText(refused)).toBe(
      '“扫描件.jpg”不是可接受的文件类型（按文件内容判断，可上传照片、PDF、Word/Excel 文件）',
    )
    await i18next.changeLanguage('en')
    expect(errorText(refused)).toMatch(/^“扫描件\.jpg” is not a file type the desk accepts/)
  })

  it("fall back to the server's message only for a code the SPA does not know", () => {
    expect(errorText(new ApiError(502, 'UNKNOWN', 'Bad Gateway'))).toBe('请求失败：Bad Gateway')
    expect(errorText(new ApiError(418, 'TEAPOT', 'I am a teapot'))).toBe('请求失败：I am a teapot')
  })
})
