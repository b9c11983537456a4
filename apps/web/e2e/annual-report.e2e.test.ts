/**
 * End to end in Chromium against the real desk: a deputy's suggestion is assigned to the bureau as
 * the lead unit last year; in the browser a manager finds it in the proposals register (menu,
 * filters; the assignment list's upload refuses a bad row), opens it, claims it, records the
 * consultation and drafts the answer; the drafter's 签发 is refused with its reason on the card,
 * another manager signs it off, and the first records the deputy's rating on its page;
 * then the manager opens last year's annual report draft from the menu, finds the
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
import { addUser, post, read, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium, shots } from './browser.ts'

const PASSWORD = 'manager-pass'
const YEAR =
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now()).slice(0, 4),
  ) - 1
let desk: DeskServer
let browser: Browser
let manager: Awaited<ReturnType<typeof signIn>>
let signer: Awaited<ReturnType<typeof signIn>>
let suggestionId: number

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addUser(admin, {
    username: 'zhou',
    displayName: '周主任',
    role: 'manager',
    password: PASSWORD,
  })
  await addUser(admin, {
    username: 'qian',
    displayName: '钱处长',
    role: 'manager',
    password: PASSWORD,
  })
  manager = await signIn(desk.baseUrl, 'zhou', PASSWORD)
  signer = await signIn(desk.baseUrl, 'qian', PASSWORD)
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
  suggestionId = id
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
  // the login page's own URL may end in next=/queue: wait for the signed-in menu too
  await page.getByRole('menu').first().waitFor()
}

const REFERENCE = '市政协十四届二次会议第0042号'
const SENTENCE = `${YEAR}年，我局共承办市政协提案1件，均为主办件。主办市政协重点提案1件。`

describe('a suggestion handled in the browser', () => {
  it('is found in the register, claimed, consulted, answered, signed off and rated on its page', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    })
    const page = await context.newPage()
    await logIn(page)
    // the registers are one area of the menu: hover it, then pick the entry
    await page.locator('.ant-menu-submenu-title', { hasText: '登记簿' }).hover()
    await page.getByRole('menuitem', { name: '建议提案' }).click()
    await page.waitForURL(/\/proposals$/)
    await page.goto(`${desk.baseUrl}/proposals/${YEAR}`)
    const register = page.getByTestId('proposal-register')
    await register.getByRole('link', { name: REFERENCE }).waitFor()
    // assigned last March, due in June, not answered: overdue; the filters go into the URL
    await page.getByText('只看逾期未办结').click()
    await page.getByText('只看重点建议、提案').click()
    await page.waitForURL(/key=1/)
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ overdue: '1', key: '1' })
    await register.getByText('共 1 件').waitFor()
    await register.getByText('已逾期').waitFor()

    // the assignment list's upload: a checked file with a bad due date names its row and column
    const card = page.getByTestId('assignment-list-import')
    await card.locator('input[type=file]').setInputFiles({
      name: '交办清单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `会议,编号,标题,代表委员,来源,承办方式,主办单位,协办单位,重点,交办日期,办理期限\n市人大二次会议,0009,关于停车的建议,张某,市人大,主办,,市交通局、市财政局,,${YEAR}-03-15,下月\n`,
      ),
    })
    await card.getByText('第 2 行 · 办理期限：不是有效日期：下月').waitFor()
    await shots(page, 'proposal-register', () => card.getByText(/第 2 行|Row 2/).waitFor())
    await page.setViewportSize({ width: 1440, height: 900 })

    await register.getByRole('link', { name: REFERENCE }).click()
    await page.waitForURL(new RegExp(`/inquiries/${suggestionId}$`))
    const panel = page.getByTestId('proposal-panel')
    await panel.getByText('市政协十四届二次会议第0042号').waitFor()
    // a lead item: the co-unit's opinion step is not offered, nor the rating before the answer
    expect(await panel.getByRole('button', { name: '报送协办意见' }).count()).toBe(0)
    expect(await panel.getByRole('button', { name: '登记评价' }).count()).toBe(0)
    const claim = page.getByRole('button', { name: /^签\s*收$/ })
    await claim.click()
    await claim.waitFor({ state: 'detached' })
    await page.getByText('办理中').first().waitFor()

    await panel.getByRole('button', { name: '记录沟通' }).click()
    await panel.getByLabel('参加人员').fill('李文华委员；规划处')
    await panel.getByRole('button', { name: /提\s*交/ }).click()
    await panel.getByText(/面商 · 李文华委员；规划处/).waitFor()

    await panel.getByRole('button', { name: '起草答复' }).click()
    await panel.getByLabel('内容').fill('您的提案已采纳，历史街区保护规划已编制完成。')
    await shots(page, 'proposal-steps', () => panel.getByTestId('proposal-step-form').waitFor())
    await page.setViewportSize({ width: 1440, height: 900 })
    await panel.getByRole('button', { name: /提\s*交/ }).click()
    await panel.getByText('A类 · 待签发').waitFor()
    // nobody signs off an answer they drafted: the button is disabled and the card says why
    const signOff = panel.getByRole('button', { name: '签发答复' })
    expect(await signOff.isDisabled()).toBe(true)
    const reasonId = await signOff.getAttribute('aria-describedby')
    expect(reasonId).toBeTruthy()
    expect(await page.locator(`[id="${reasonId}"]`).textContent()).toContain(
      '须由另一位负责人审核签发',
    )
    const { inquiry: drafted } = await read<{ inquiry: { version: number } }>(
      manager,
      `/proposals/${suggestionId}`,
    )
    await post(signer, `/proposals/${suggestionId}/answer/sign-off`, { version: drafted.version })
    await page.reload()
    await panel.getByText(/A类 · \d{4}-\d{2}-\d{2} 已签发答复/).waitFor()

    await panel.getByRole('button', { name: '登记评价' }).click()
    await panel.getByRole('button', { name: /提\s*交/ }).click()
    await panel.getByText('满意', { exact: true }).waitFor()
    const { inquiry } = await read<{ inquiry: { status: string } }>(
      manager,
      `/proposals/${suggestionId}`,
    )
    expect(inquiry.status).toBe('closed')
    await shots(page, 'proposal-inquiry', () => panel.getByText(/已签发|signed off/).waitFor())
    // closed now: no longer among the overdue ones
    await page.goto(`${desk.baseUrl}/proposals/${YEAR}?overdue=1`)
    await register.getByText('共 0 件').waitFor()
    await context.close()
  }, 120_000)
})

describe('the annual report draft in the browser', () => {
  it('counts the rated suggestion, links to it, saves the bureau with who saved it', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    })
    const page = await context.newPage()
    await logIn(page)
    await page.locator('.ant-menu-submenu-title', { hasText: '统计' }).hover()
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
