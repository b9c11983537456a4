/**
 * End to end in Chromium: every staff page (as the admin, who may open all of them) and the
 * public mailbox pages run under the desk's Content-Security-Policy without a single violation:
 * none reported to the page (`securitypolicyviolation`) and none logged to the console. Each page
 * is judged once its content has rendered (its main heading or form) and its requests are done.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './browser.ts'
import { post, read, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { PUBLIC_PAGES, STAFF_PAGES, withInquiry } from './pages.ts'

let desk: DeskServer
let browser: Browser
let inquiryId = 0

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await post(admin, '/channels/minxin/inquiries', {
    externalId: 'CSP-1',
    subject: '路灯不亮',
    body: '小区门口路灯不亮。',
    receivedAt: new Date().toISOString(),
  })
  inquiryId = (await read<{ items: { id: number }[] }>(admin, '/inquiries?status=all')).items[0]!.id
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

/** Opens `path` and returns every CSP violation the page saw. */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  const seen: string[] = []
  const onConsole = (m: { text: () => string }) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`)
  }
  page.on('console', onConsole)
  await page.goto(`${desk.baseUrl}${path}`)
  await page.locator('h1, h2, h3, h4, form, .ant-result, canvas, table').first().waitFor()
  await page.waitForLoadState('networkidle')
  const reported = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  )
  page.off('console', onConsole)
  return [...seen, ...reported.map((r) => `${path}: ${r}`)]
}

/** A browser context whose pages collect the CSP violations they report. */
async function watchedContext() {
  const context = await browser.newContext({ locale: 'zh-CN' })
  await context.addInitScript(() => {
    const list: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = list
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  return context
}

describe('Content-Security-Policy in Chromium', () => {
  it('is sent and violated nowhere on the staff and public pages', async () => {
    const context = await watchedContext()
    const page = await context.newPage()
    const first = await page.goto(`${desk.baseUrl}/login`)
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'")
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.waitForURL(/\/queue$/)
    const violations: string[] = []
    for (const path of [...STAFF_PAGES.map((p) => withInquiry(p, inquiryId)), ...PUBLIC_PAGES]) {
      violations.push(...(await violationsOn(page, path)))
    }
    expect(violations).toEqual([])
    await context.close()
    // one visit per page of the list: on a loaded machine 25 pages take more than the default minute
  }, 180_000)

  it('holds on the API reference page, which renders the channel API from the desk alone', async () => {
    const context = await watchedContext()
    const page = await context.newPage()
    const outside: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(desk.baseUrl)) outside.push(r.url())
    })
    const violations = await violationsOn(page, '/api/reference')
    // the tags start folded; Swagger UI marks each operation's path with data-path
    await page.locator('.opblock-tag', { hasText: 'channels' }).first().click()
    await page.locator('[data-path="/channels/{code}/inquiries/{externalId}/messages"]').waitFor()
    expect(violations).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })
})
