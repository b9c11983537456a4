/**
 * End to end in Chromium: axe-core finds no serious or critical violation on any staff page (as
 * the admin, who may open every one) nor on the public pages, in Chinese; the queue in Chinese
 * shows no Latin date format (mm/dd/yyyy, AM/PM). With DESK_SCREENSHOTS=<folder> it also saves
 * every page at 1440×900 and 390×844 in zh-CN and en, for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe.ts'
import { launchChromium } from './browser.ts'
import { post, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { PUBLIC_PAGES, STAFF_PAGES, withInquiry } from './pages.ts'

let desk: DeskServer
let browser: Browser
let inquiryId = 0

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await post(admin, '/departments', { name: '规划处' })
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()
  const created = await post<{ results: { id: number }[] }>(admin, '/channels/minxin/inquiries', [
    {
      externalId: 'A11Y-1',
      subject: '小区路灯不亮',
      body: '东门路灯坏了一周。',
      receivedAt: hoursAgo(30),
      citizen: { name: '赵市民', phone: '13812345678' },
    },
    {
      externalId: 'A11Y-2',
      subject: '夜间施工噪音',
      body: '工地夜里十一点还在施工。',
      receivedAt: hoursAgo(3),
    },
  ])
  inquiryId = created.results[0]!.id
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function signedInContext(
  language: 'zh-CN' | 'en',
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: language, viewport, reducedMotion: 'reduce' })
  await context.addInitScript((lang) => window.localStorage.setItem('desk.lang', lang), language)
  const page = await context.newPage()
  await page.goto(`${desk.baseUrl}/login`)
  await page.locator('#username, input[autocomplete="username"]').first().fill('admin')
  await page.locator('input[type="password"]').fill(ADMIN_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/queue/)
  await page.close()
  return context
}

/** Opens `path` and waits until its data has loaded (no request in flight, no spinner). */
async function open(page: Page, path: string) {
  await page.goto(`${desk.baseUrl}${withInquiry(path, inquiryId)}`)
  await page.waitForLoadState('networkidle')
  // a table's spinner may start after the network went quiet (a lazy route's own queries)
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
  )
  await page.waitForLoadState('networkidle')
}

describe('accessibility and Chinese conventions in the browser', () => {
  it('has no serious or critical axe violation on any staff page, nor on the public pages', async () => {
    const context = await signedInContext('zh-CN')
    const page = await context.newPage()
    const found: Record<string, string[]> = {}
    for (const path of STAFF_PAGES) {
      await open(page, path)
      expect(new URL(page.url()).pathname).toBe(withInquiry(path.split('?')[0]!, inquiryId))
      const violations = await seriousAxeViolations(page)
      if (violations.length > 0) found[path] = violations
    }
    const citizen = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    for (const path of PUBLIC_PAGES) {
      await open(citizen, path)
      const violations = await seriousAxeViolations(citizen)
      if (violations.length > 0) found[path] = violations
    }
    expect(found).toEqual({})
    await context.close()
  }, 300_000)

  it('shows the queue in Chinese without a Latin date format', async () => {
    const context = await signedInContext('zh-CN')
    const page = await context.newPage()
    await open(page, '/queue?status=all')
    await page.getByRole('link', { name: '小区路灯不亮' }).waitFor()
    expect(await page.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0)
    await page.getByPlaceholder('接收日期自').click()
    await page.locator('.ant-picker-dropdown .ant-picker-header-view').first().waitFor()
    const text = await page.evaluate(() => document.body.innerText)
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b[AP]M\b|mm\/dd\/yyyy/i)
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(
      await page.locator('.ant-picker-dropdown .ant-picker-header-view').first().innerText(),
    ).toMatch(/^\d{4}年\s*\d{1,2}月$/)
    await context.close()
  })

  it.runIf(process.env.DESK_SCREENSHOTS)(
    'saves screenshots of every page for review',
    async () => {
      const dir = process.env.DESK_SCREENSHOTS as string
      mkdirSync(dir, { recursive: true })
      for (const language of ['zh-CN', 'en'] as const) {
        for (const viewport of [
          { width: 1440, height: 900 },
          { width: 390, height: 844 },
        ]) {
          const context = await signedInContext(language, viewport)
          const page = await context.newPage()
          for (const path of [...STAFF_PAGES, ...PUBLIC_PAGES]) {
            await open(page, path)
            const name = path.replace(/[/?=:]+/g, '_').replace(/^_/, '') || 'root'
            await page.screenshot({
              path: join(dir, `${name}-${language}-${viewport.width}.png`),
              fullPage: true,
            })
          }
          await context.close()
        }
      }
    },
    600_000,
  )
})
