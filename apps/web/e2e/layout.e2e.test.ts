/**
 * End to end in Chromium against the real desk, the frame on a desktop and a phone:
 * - at 1440 px the menu of an admin, a manager and a responder shows every entry (the daily work on
 *   the bar, the rest in one submenu per area) without antd folding any into "…", in zh-CN and en;
 *   at 390 px the drawer lists every entry;
 * - at 390 px the queue lays each row out as a card (tags under the subject) and the page does not
 *   scroll sideways;
 * - at 390 px neither the dashboard nor the year's tally scrolls sideways, in zh-CN and en (a wide
 *   table scrolls inside its card);
 * - a manager registers one suggestion by hand from the register page and finds it there.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, post, sampleInquiry, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium, shots } from './browser.ts'

const PASSWORD = 'E2e-Layout-2026'
let desk: DeskServer
let browser: Browser

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
    username: 'li',
    displayName: '李答复',
    role: 'responder',
    password: PASSWORD,
  })
  await post(admin, '/channels/minxin/inquiries', [
    sampleInquiry('MX-1', '关于小区东门外人行道长期被占用导致行人只能走机动车道的反映', 30),
    sampleInquiry('MX-2', '公交站牌缺失', 4),
    sampleInquiry('MX-3', '夜间施工噪音扰民', 3),
  ])
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function signedIn(username: string, password: string, width: number, height: number) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } })
  const page = await context.newPage()
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/queue$/)
  return page
}

/**
 * Whether the horizontal menu shows all its top entries: antd's "…" item is hidden (aria-hidden)
 * and every entry lies inside the menu's box.
 */
const menuFits = (page: Page) =>
  page.evaluate(() => {
    const menu = document.querySelector('.ant-menu-horizontal')
    if (!menu) return false
    const rest = menu.querySelector(':scope > .ant-menu-overflow-item-rest')
    const items = [...menu.querySelectorAll(':scope > .ant-menu-overflow-item')].filter(
      (li) => !li.classList.contains('ant-menu-overflow-item-rest'),
    )
    const box = menu.getBoundingClientRect()
    return (
      items.length > 0 &&
      (!rest || rest.getAttribute('aria-hidden') === 'true') &&
      items.every(
        (li) =>
          li.getAttribute('aria-hidden') !== 'true' &&
          li.getBoundingClientRect().right <= box.right,
      )
    )
  })

/**
 * Opens `path` on the signed-in phone-sized page and expects no sideways scroll (page width ≤ 390
 * px) in zh-CN, then in English, whose labels are longer; leaves the page in zh-CN. `ready` waits
 * for the page's content.
 */
async function expectFitsPhone(page: Page, path: string, ready: () => Promise<void>) {
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  await page.goto(`${desk.baseUrl}${path}`)
  await ready()
  expect(await pageWidth(), `${path} zh-CN`).toBeLessThanOrEqual(390)
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: '中文' }).waitFor()
  await ready()
  expect(await pageWidth(), `${path} en`).toBeLessThanOrEqual(390)
  await page.getByRole('button', { name: '中文' }).click()
}

/** Every entry the horizontal menu offers: its top entries, and each area's by hovering it. */
async function menuEntries(page: Page): Promise<string[]> {
  const tops = await page.locator('.ant-menu-horizontal').evaluate((menu) =>
    [...menu.querySelectorAll(':scope > .ant-menu-overflow-item')]
      .filter((li) => !li.classList.contains('ant-menu-overflow-item-rest'))
      .map((li) => ({
        title: (li as HTMLElement).innerText.trim(),
        isArea: li.classList.contains('ant-menu-submenu'),
      })),
  )
  const names: string[] = []
  for (const { title, isArea } of tops) {
    if (!isArea) {
      names.push(title)
      continue
    }
    const area = page.locator('.ant-menu-horizontal .ant-menu-submenu-title', { hasText: title })
    await area.hover()
    // the area's own popup: the list its title controls
    const popup = page.locator(`[id="${await area.getAttribute('aria-controls')}"]`)
    await popup.waitFor()
    const entries = popup.locator(':scope > [role=menuitem], :scope > li > [role=menuitem]')
    for (const text of await entries.allInnerTexts()) names.push(`${title} › ${text.trim()}`)
    await page.mouse.move(700, 880)
    await popup.waitFor({ state: 'hidden' })
  }
  return names
}

const ADMIN_ENTRIES = [
  '答复队列',
  '电话/来信登记',
  '文件导入',
  '登记簿 › 建议提案',
  '登记簿 › 依申请公开',
  '统计 › 统计看板',
  '统计 › 年度统计',
  '统计 › 年度报告',
  '管理 › 期限提醒',
  '管理 › 延期审批',
  '管理 › 渠道管理',
  '管理 › 用户管理',
  '管理 › 配置',
]

describe('the frame on a desktop and a phone', () => {
  it('shows every menu entry at 1440 px for each role, and lists them all in the drawer at 390 px', async () => {
    for (const [user, password, expected] of [
      ['admin', ADMIN_PASSWORD, ADMIN_ENTRIES],
      ['zhou', PASSWORD, ADMIN_ENTRIES.filter((e) => !/渠道管理|用户管理/.test(e))],
      ['li', PASSWORD, ADMIN_ENTRIES.slice(0, 3)],
    ] as const) {
      const page = await signedIn(user, password, 1440, 900)
      await expect.poll(() => menuFits(page), { timeout: 10_000 }).toBe(true)
      // no stray line under the middle of the header: the menu draws no border of its own
      expect(
        await page
          .locator('.ant-menu-horizontal')
          .evaluate((menu) => getComputedStyle(menu).borderBottomWidth),
      ).toBe('0px')
      expect(await menuEntries(page), user).toEqual(expected)
      if (user === 'admin') await shots(page, 'menu-admin', () => page.locator('main').waitFor())
      await page.setViewportSize({ width: 1440, height: 900 })
      // English labels are longer: they fit too
      await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('button', { name: '中文' }).waitFor()
      await expect.poll(() => menuFits(page), { timeout: 10_000 }).toBe(true)
      await page.getByRole('button', { name: '中文' }).click()

      await page.setViewportSize({ width: 390, height: 844 })
      await page.getByRole('button', { name: '菜单' }).click()
      const drawer = page.locator('.ant-drawer')
      await drawer.getByRole('menuitem').first().waitFor()
      const listed = (await drawer.getByRole('menuitem').allInnerTexts()).map((s) => s.trim())
      const leaves = expected.map((e) => e.split(' › ').pop()!).filter((e) => e !== '配置')
      for (const leaf of leaves) expect(listed, `${user}: ${leaf}`).toContain(leaf)
      await page.context().close()
    }
  })

  it('lays the queue out for a phone: tags under the subject, no sideways scroll at 390 px', async () => {
    const page = await signedIn('li', PASSWORD, 390, 844)
    const card = page.getByTestId('queue-card').filter({ hasText: '人行道长期被占用' })
    await card.waitFor()
    const title = await card.getByRole('link').boundingBox()
    const tag = await card.locator('.ant-tag').first().boundingBox()
    expect(tag!.y).toBeGreaterThan(title!.y + title!.height - 1) // under the title, not beside it
    expect(tag!.x + tag!.width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // at 1440 px the same rows are the table's columns again
    await shots(page, 'queue-phone', () =>
      page.getByText('人行道长期被占用', { exact: false }).waitFor(),
    )
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.context().close()
  })

  it('fits the dashboard and the year’s tally to a phone in zh-CN and en: no sideways scroll at 390 px', async () => {
    const page = await signedIn('zhou', PASSWORD, 390, 844)
    for (const [path, ready] of [
      ['/reports', () => page.locator('.ant-table-row').first().waitFor()],
      ['/dashboard', () => page.locator('.ant-segmented').waitFor()],
    ] as const) {
      await expectFitsPhone(page, path, ready)
    }
    await page.context().close()
  })

  it('fits the daily digest and the extension requests to a phone in zh-CN and en, a 300-character unbroken subject wrapping', async () => {
    const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
    const long = 'x'.repeat(300)
    await post(admin, '/channels/minxin/inquiries', [sampleInquiry('MX-LONG', long, 24 * 60)])
    const page = await signedIn('zhou', PASSWORD, 390, 844)
    for (const [path, ready] of [
      ['/digest', () => page.getByText(long).first().waitFor()],
      ['/deadlines/extensions', () => page.locator('.ant-table').first().waitFor()],
    ] as const) {
      await page.setViewportSize({ width: 390, height: 844 })
      await expectFitsPhone(page, path, ready)
      await shots(page, `phone${path.replaceAll('/', '-')}`, ready)
    }
    await page.context().close()
  })

  it('registers one suggestion by hand from the register page and finds it there', async () => {
    const page = await signedIn('zhou', PASSWORD, 1440, 900)
    await page.goto(`${desk.baseUrl}/proposals`)
    await page.getByRole('button', { name: /登记建议提案/ }).click()
    await page.waitForURL(/\/proposals\/new$/)
    const form = page.getByTestId('proposal-entry-form')
    await form.getByRole('button', { name: /^登\s*记$/ }).click()
    await form.getByText('未填写').first().waitFor()
    await shots(page, 'proposal-entry', () =>
      form.locator('.ant-form-item-has-error').first().waitFor(),
    )
    await page.setViewportSize({ width: 1440, height: 900 })
    await form.getByLabel('来源').fill('市人大')
    await form.getByLabel('会议届次').fill('市人大十六届二次会议')
    await form.getByLabel('编号').fill('0123')
    await form.getByLabel('标题').fill('关于增设老旧小区充电桩的建议')
    await form.getByLabel('代表委员', { exact: true }).fill('王建国')
    await form.getByRole('button', { name: /^登\s*记$/ }).click()
    await page.waitForURL(/\/proposals\/\d{4}$/)
    const register = page.getByTestId('proposal-register')
    await register.getByRole('link', { name: '市人大十六届二次会议第0123号' }).waitFor()
    await register.getByText('关于增设老旧小区充电桩的建议').waitFor()
    await page.context().close()
  })
})
