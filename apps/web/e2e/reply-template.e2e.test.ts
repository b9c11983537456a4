/**
 * End to end in Chromium: a responder inserts a reply template starting with {市民姓名} into the
 * reply box, which previews the masked name; the sent reply in the timeline carries the citizen's
 * real name, filled by the API from the unmasked record. With DESK_SCREENSHOTS=<dir>, the queue's
 * tags (已催办, 第 N 轮, the paper clip), the inquiry page (timeline, the reply box's drop zone)
 * and the tracking page's 补充留言 form are photographed at 1440x900 and 390x844.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, shots } from './browser.ts'
import { addResponder, post, read, RESPONDER, signIn, type ApiSession } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'

let desk: DeskServer
let browser: Browser
let admin: ApiSession
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const item = (externalId: string, subject: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  subject,
  body: `${subject}，请尽快处理。`,
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  citizen: { name: '贺林', phone: '13812345678' },
  category: '咨询',
  ...extra,
})

async function inquiryOf(externalId: string) {
  const list = await read<{ items: { id: number; externalId: string }[] }>(
    admin,
    '/inquiries?status=all',
  )
  return list.items.find((i) => i.externalId === externalId)!.id
}

beforeAll(async () => {
  desk = await startDesk()
  admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addResponder(admin)
  await post(admin, '/templates', {
    category: '咨询',
    title: '占道回复',
    body: '{市民姓名}您好：您反映的占道问题已处理，感谢监督。',
  })
  await post(admin, '/channels/minxin/inquiries', [
    item('MX-NAME-1', '人行道被摊点占用'),
    // a file, then the platform's 催办: the queue's paper clip and 已催办
    item('MX-TAGS-1', '消防通道被占用', {
      attachments: [{ name: '现场照片.png', contentBase64: PNG_1X1 }],
    }),
  ])
  await post(admin, '/channels/minxin/inquiries/MX-TAGS-1/messages', {
    messageId: 'MX-TAGS-1-U1',
    body: '平台催办：请加快办理。',
    sentAt: new Date().toISOString(),
    kind: 'platform',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function staffPage(path: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}${path}`)
  await page.getByLabel('用户名').fill(RESPONDER.username)
  await page.getByLabel('密码').fill(RESPONDER.password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  return page
}

describe('a reply template with the citizen’s name', () => {
  it('previews the masked name, and the sent reply in the timeline carries the real one', async () => {
    const id = await inquiryOf('MX-NAME-1')
    const page = await staffPage(`/inquiries/${id}`)
    await page.getByRole('heading', { name: '人行道被摊点占用' }).waitFor()
    await page.getByRole('button', { name: /^签\s*收$/ }).click()
    await page.getByText(/· 李答复 · 签收$/).waitFor()
    await page.getByRole('combobox', { name: '插入答复模板' }).click()
    await page.getByTitle('占道回复').click()
    const box = page.getByLabel('答复内容')
    await expect.poll(() => box.inputValue()).toContain('{市民姓名}您好')
    // the preview shows the responder the masked name only
    expect(await page.getByText('贺林').count()).toBe(0)
    await page
      .getByRole('button', { name: /发送答复/ })
      .first()
      .click()
    await page.getByText('贺林您好：您反映的占道问题已处理，感谢监督。').waitFor()
    expect(await page.getByText('{市民姓名}', { exact: false }).count()).toBe(0)
    const stored = await read<{ inquiry: { replies: { body: string }[] } }>(
      admin,
      `/inquiries/${id}`,
    )
    expect(stored.inquiry.replies.map((r) => r.body)).toEqual([
      '贺林您好：您反映的占道问题已处理，感谢监督。',
    ])
    // the desk's pages and the queue then, for the screenshot pass
    await shots(page, 'reply-timeline', () => page.getByText('贺林您好').first().waitFor())
    const tagged = await inquiryOf('MX-TAGS-1')
    await page.goto(`${desk.baseUrl}/inquiries/${tagged}`)
    await shots(page, 'inquiry-drop-zone', () => page.getByText('平台催办：请加快办理。').waitFor())
    // the citizen writes again after the answer: a second round (第 2 轮)
    await post(admin, '/channels/minxin/inquiries/MX-NAME-1/messages', {
      messageId: 'MX-NAME-1-C1',
      body: '摊点又回来了。',
      sentAt: new Date().toISOString(),
      kind: 'citizen',
    })
    await page.goto(`${desk.baseUrl}/queue?status=all`)
    await shots(page, 'queue-tags', () =>
      page
        .getByText(/^(已催办|Urged)$/)
        .first()
        .waitFor(),
    )
  })
})
