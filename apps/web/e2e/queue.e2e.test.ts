/**
 * End to end in Chromium against the real desk: log in, see the channel badges, filter by a
 * channel, open an inquiry, reply, see that channel's pending badge drop by one; a second
 * responder replying on a stale page gets the 409 message naming who changed it.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, post, sampleInquiry, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

const PASSWORD = 'responder-pass'
let desk: DeskServer
let browser: Browser
let inquiryId = 0

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  for (const [username, displayName] of [
    ['li', '李答复'],
    ['wang', '王答复'],
  ] as const) {
    await addUser(admin, { username, displayName, role: 'responder', password: PASSWORD })
  }
  const created = await post<{ results: { id: number }[] }>(admin, '/channels/minxin/inquiries', [
    sampleInquiry('MX-1', '小区路灯不亮', 5),
    sampleInquiry('MX-2', '公交站牌缺失', 4),
    sampleInquiry('MX-3', '夜间施工噪音扰民', 3),
  ])
  inquiryId = created.results[0]!.id
  await post(admin, '/channels/hotline_12345/inquiries', [
    sampleInquiry('HL-1', '道路积水严重', 2),
    sampleInquiry('HL-2', '井盖缺失', 1),
  ])
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function logIn(page: Page, username: string, path: string) {
  await page.goto(`${desk.baseUrl}${path}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

const badge = (page: Page, channelName: string) =>
  page.getByRole('tab', { name: new RegExp(channelName) }).locator('.ant-badge sup')

describe('reply queue in the browser', () => {
  it('replies from the queue, the badge drops, and a stale second page gets the 409 message', async () => {
    const li = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    const wang = await (await browser.newContext({ locale: 'zh-CN' })).newPage()

    // the second responder opens the inquiry first and leaves the page open (it goes stale)
    await logIn(wang, 'wang', `/inquiries/${inquiryId}`)
    await wang.getByRole('heading', { name: '小区路灯不亮' }).waitFor()

    await logIn(li, 'li', '/queue')
    await li.waitForURL(/\/queue$/)
    await expect.poll(() => badge(li, '民心网联网平台').getAttribute('title')).toBe('3')
    expect(await badge(li, '12345网络问政').getAttribute('title')).toBe('2')
    expect(await badge(li, '全部').getAttribute('title')).toBe('5')

    await li.getByRole('tab', { name: /民心网联网平台/ }).click()
    await li.waitForURL(/\/queue\?channel=minxin$/)
    await li.getByRole('link', { name: '夜间施工噪音扰民' }).waitFor()
    await expect.poll(() => li.getByRole('link', { name: '道路积水严重' }).count()).toBe(0)

    await li.getByRole('link', { name: '小区路灯不亮' }).click()
    await li.waitForURL(new RegExp(`/inquiries/${inquiryId}$`))
    await li.getByLabel('答复内容').fill('您好，已安排维修人员三日内修复路灯。')
    await li.getByRole('button', { name: '发送答复' }).click()
    // in the timeline (the textarea may still hold the text for a moment)
    await li.getByRole('list').getByText('您好，已安排维修人员三日内修复路灯。').waitFor()

    await li.getByRole('link', { name: '← 返回答复队列' }).click()
    await expect.poll(() => badge(li, '民心网联网平台').getAttribute('title')).toBe('2')
    expect(await badge(li, '全部').getAttribute('title')).toBe('4')

    await wang.getByLabel('答复内容').fill('我来答复这条。')
    await wang.getByRole('button', { name: '发送答复' }).click()
    await wang
      .getByText('此问询已被 李答复 修改（答复），页面已重新加载，请查看后再操作。')
      .waitFor()
    // reloaded: the stale page now shows li's reply
    await wang.getByRole('list').getByText('您好，已安排维修人员三日内修复路灯。').waitFor()
  })
})
