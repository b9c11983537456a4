/**
 * End to end in Chromium against the real desk: a deputy's suggestion is assigned to the bureau as
 * the lead unit last year, consulted, answered (drafted, signed off by a manager) and rated through
 * the API; in the browser a manager opens last year's annual report draft from the menu, finds the
 * suggestion counted in the proposals sentence, follows its number to the queue, comes back, enters
 * the issuing bureau and saves; the page names who saved it and the DOCX carries the title. Then
 * the manager closes the year (定稿); a suggestion of that year registered afterwards shows as a
 * changed number while the sentence keeps the closed figure.
 * Screenshots of the page (1440x900 and 390x844, zh-CN and en) go to DESK_SCREENSHOTS when set.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post, read, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

const PASSWORD = 'manager-pass'
const YEAR =
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now()).slice(0, 4),
  ) - 1
let desk: DeskServer
let browser: Browser
let manager: Awaited<ReturnType<typeof signIn>>

type View = { inquiry: { version: number; status: string } }

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await post(admin, '/users', {
    username: 'zhou',
    displayName: '周主任',
    role: 'manager',
    password: PASSWORD,
  })
  manager = await signIn(desk.baseUrl, 'zhou', PASSWORD)
  const { id } = await post<{ id: number }>(manager, '/proposals', {
    source: '市政协',
    session: '市政协十四届二次会议',
    number: '0042',
    role: 'lead',
    isKey: true,
    title: '关于加强历史街区保护的提案',
    deputyName: '李文华',
    deputyContact: '13900001234',
    assignedOn: `${YEAR}-03-20`,
  })
  const step = async (path: string, body: Record<string, unknown>) => {
    const { inquiry } = await read<View>(manager, `/proposals/${id}`)
    return post<View>(manager, `/proposals/${id}${path}`, { version: inquiry.version, ...body })
  }
  await step('/consultations', {
    heldOn: `${YEAR}-04-10`,
    form: 'face_to_face',
    participants: '李文华委员；规划处',
  })
  await step('/answer', { category: 'A', body: '您的提案已采纳，历史街区保护规划已编制完成。' })
  await step('/answer/sign-off', {})
  const rated = await step('/rating', { rating: 'satisfied' })
  expect(rated.inquiry.status).toBe('closed')
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function logIn(page: Page) {
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill('zhou')
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/queue$/)
}

const SENTENCE = `${YEAR}年，我局共承办市建议提案1件，市政协主办件1件。主办市政协重点提案1件。`

describe('the annual report draft in the browser', () => {
  it('counts the rated suggestion, links to it, saves the bureau with who saved it', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    })
    const page = await context.newPage()
    await logIn(page)
    await page.getByRole('link', { name: '年度报告' }).click()
    await page.waitForURL(new RegExp(`/reports/annual$`))
    await page.getByText(SENTENCE).waitFor()
    expect(await page.getByText('三、收到和处理政府信息公开申请情况').count()).toBe(1)

    await page.getByRole('link', { name: '查看记录：主办 1' }).click()
    await page.waitForURL(/\/queue\?/)
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
      channel: 'proposals',
      category: '主办',
      status: 'all',
    })
    await page.getByRole('link', { name: '关于加强历史街区保护的提案' }).waitFor()
    await page.goBack()

    await page.getByLabel('发布机关').fill('沈阳市规划和国土资源局')
    await page.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText(/周主任 最后保存于/).waitFor()
    await page
      .getByText(`沈阳市规划和国土资源局${YEAR}年政府信息公开工作年度报告`)
      .first()
      .waitFor()

    const docx = await page.request.get(`${desk.baseUrl}/api/reports/annual/${YEAR}/docx`)
    expect(docx.headers()['content-type']).toContain('wordprocessingml')
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK')

    // 定稿, then a suggestion of that year registered late: the page keeps the closed figures and names the change
    await page.getByRole('button', { name: /定\s*稿/ }).click()
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /定\s*稿/ })
      .click()
    await page.getByText(/已定稿：周主任/).waitFor()
    await post(manager, '/proposals', {
      source: '市人大',
      session: '市十五届人大二次会议',
      number: '0007',
      role: 'co',
      leadUnit: '市交通局',
      title: '关于优化公交线网的建议',
      deputyName: '陈明',
      assignedOn: `${YEAR}-05-06`,
    })
    await page.reload()
    await page.getByText('建议提案：定稿 1，现在 2').waitFor()
    expect(await page.getByText(SENTENCE).count()).toBe(1)

    const dir = process.env.DESK_SCREENSHOTS
    if (dir) {
      mkdirSync(dir, { recursive: true })
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.evaluate((l) => window.localStorage.setItem('desk.lang', l), lang)
        for (const [w, h] of [
          [1440, 900],
          [390, 844],
        ] as const) {
          await page.setViewportSize({ width: w, height: h })
          await page.reload()
          await page.getByText(SENTENCE).waitFor()
          await page.screenshot({
            path: join(dir, `annual-report-${lang}-${w}x${h}.png`),
            fullPage: w === 1440,
          })
        }
      }
    }
    await context.close()
  }, 120_000)
})
