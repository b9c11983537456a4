/**
 * End to end in Chromium against the real desk: a citizen writes on /mailbox at phone size
 * (375×667, WeChat's browser), a responder replies from the queue, the citizen reads the reply on
 * /mailbox/track; axe-core finds no serious or critical violation on either public page; a phone
 * consultation logged as answered counts as replied at once.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addResponder, post, RESPONDER, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { seriousAxeViolations } from './axe.ts'
import { launchChromium } from './browser.ts'

const PHONE = { width: 375, height: 667 }
const REPLY = '赵先生您好：\n东门路灯已于今日修复。\n感谢您的监督。'
let desk: DeskServer
let browser: Browser

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addResponder(admin)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function citizenPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  })
  return context.newPage()
}

async function staffPage(): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill(RESPONDER.username)
  await page.getByLabel('密码').fill(RESPONDER.password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/queue$/)
  return page
}

async function track(page: Page, trackingNumber: string) {
  await page.goto(`${desk.baseUrl}/mailbox/track?no=${trackingNumber}`)
  await page.getByLabel('联系电话').fill('138 1234 5678')
  await page.getByRole('button', { name: '查询' }).click()
  await page.getByRole('heading', { name: '查询结果' }).waitFor()
}

describe('public mailbox in the browser', () => {
  it('a citizen writes at phone size, a responder replies, the citizen reads the reply', async () => {
    const citizen = await citizenPage()
    await citizen.goto(`${desk.baseUrl}/mailbox`)
    await citizen.getByRole('heading', { name: '给局长写信' }).waitFor()
    expect(await seriousAxeViolations(citizen)).toEqual([])
    // nothing wider than the phone's screen
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    )

    await citizen.getByLabel('标题').fill('东门路灯不亮')
    await citizen.getByLabel('留言内容').fill('小区东门的路灯坏了一周，晚上很黑。')
    await citizen.getByText('17 / 3000 字').waitFor()
    await citizen.getByLabel('姓名').fill('赵市民')
    await citizen.getByLabel('联系电话').fill('138 1234 5678')
    await citizen.getByLabel('我已阅读并同意《个人信息保护说明》').check()
    await citizen.getByRole('button', { name: '提交留言' }).click()
    const trackingNumber = (await citizen.getByTestId('tracking-number').textContent()) ?? ''
    expect(trackingNumber).toMatch(/^JZ[23456789A-Z]{10}$/)

    await citizen.getByRole('link', { name: '查询办理进度' }).last().click()
    await citizen.waitForURL(/\/mailbox\/track\?no=JZ/)
    expect(await seriousAxeViolations(citizen)).toEqual([])
    await track(citizen, trackingNumber)
    await citizen.getByText('已受理').waitFor()
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    )

    const li = await staffPage()
    await li.getByRole('tab', { name: /局长信箱/ }).click()
    await li.getByRole('link', { name: '东门路灯不亮' }).click()
    await li.getByLabel('答复内容').fill(REPLY)
    await li.getByRole('button', { name: '发送答复' }).click()
    await li.getByText('东门路灯已于今日修复。', { exact: false }).first().waitFor()

    await track(citizen, trackingNumber)
    await citizen.getByText('已答复', { exact: true }).waitFor()
    expect(await citizen.locator('.mb-reply').innerText()).toBe(REPLY)
    expect(await seriousAxeViolations(citizen)).toEqual([])
  })

  it('a wrong phone gets the same answer as an unknown number', async () => {
    const citizen = await citizenPage()
    const ask = async (no: string, phone: string) => {
      await citizen.goto(`${desk.baseUrl}/mailbox/track?no=${no}`)
      await citizen.getByLabel('联系电话').fill(phone)
      await citizen.getByRole('button', { name: '查询' }).click()
      return citizen.getByRole('alert').filter({ hasText: /\S/ }).innerText()
    }
    const unknown = await ask('JZ2345678923', '13812345678')
    expect(unknown).toBe('没有找到与该查询号和联系电话相符的留言，请核对后再试。')
    const submitted = await post<{ trackingNumber: string }>(
      { baseUrl: desk.baseUrl, cookie: '', csrf: '' },
      '/public/mailbox',
      {
        subject: '咨询',
        body: '咨询',
        name: '钱',
        phone: '13900001111',
        agreePrivacy: true,
        idempotencyKey: 'e2e-wrong-phone-key-1',
      },
    )
    expect(await ask(submitted.trackingNumber, '13812345678')).toBe(unknown)
  })

  it('a phone consultation logged as answered counts as replied at once', async () => {
    const li = await staffPage()
    const replied = async () => {
      const res = await li.request.get(`${desk.baseUrl}/api/inquiries/counts?status=replied`)
      return (
        ((await res.json()) as { byChannel: Record<string, number> }).byChannel.hotline_12345 ?? 0
      )
    }
    const before = await replied()
    await li.getByRole('link', { name: '电话/来信登记' }).click()
    await li.waitForURL(/\/intake\/manual$/)
    await li.getByLabel('来电（来信）人').fill('孙女士')
    await li.getByLabel('标题').fill('咨询公积金提取')
    await li.getByLabel('内容摘要').fill('来电咨询租房提取公积金的材料。')
    await li.getByLabel('答复内容').fill('已告知所需材料和办理地点。')
    await li.getByLabel('答复内容').press('Control+Enter')
    await li.getByRole('link', { name: '查看问询' }).waitFor()
    expect(await replied()).toBe(before + 1)
  })
})
