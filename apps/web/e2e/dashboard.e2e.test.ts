/**
 * End to end in Chromium against the real desk: a manager opens the dashboard from the menu, picks
 * a range, clicks a channel's overdue number and sees exactly that many rows in the queue; then
 * downloads the year's tally as CSV from the reports page and reads it back (UTF-8 BOM, counts);
 * clicks a department's pending number and sees that department's rows, the department named in a tag.
 * Overdue items are made by posting inquiries received weeks ago through the channel API; two of them are
 * transferred (转办) to 规划处 through the API.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, post, read, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

const PASSWORD = 'manager-pass'
const DAY_MS = 86_400_000
const NOW = Date.now()
let desk: DeskServer
let browser: Browser

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
const shanghaiDate = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ms)

const inquiry = (externalId: string, daysAgo: number) => ({
  externalId,
  subject: `问询 ${externalId}`,
  body: '小区门口路灯不亮，请尽快维修。',
  receivedAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
  citizen: { name: '赵市民', phone: '13812345678' },
})

// minxin: three received 6–8 weeks ago (long past any deadline), one an hour ago; 12345: two old ones
const MINXIN = [
  inquiry('MX-1', 42),
  inquiry('MX-2', 49),
  inquiry('MX-3', 56),
  inquiry('MX-4', 1 / 24),
]
const HOTLINE = [inquiry('HL-1', 45), inquiry('HL-2', 50)]
/** Transferred to 规划处 before the browser starts; the other four stay not dispatched (未分派). */
const TRANSFERRED = ['MX-1', 'HL-1']
const YEAR = shanghaiDate(NOW - 56 * DAY_MS).slice(0, 4)
const inYear = (items: { receivedAt: string }[]) =>
  items.filter((i) => shanghaiDate(Date.parse(i.receivedAt)).startsWith(YEAR)).length

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addUser(admin, {
    username: 'zhou',
    displayName: '周主任',
    role: 'manager',
    password: PASSWORD,
  })
  await post(admin, '/channels/minxin/inquiries', MINXIN)
  await post(admin, '/channels/hotline_12345/inquiries', HOTLINE)
  const planning = await post<{ department: { id: number } }>(admin, '/departments', {
    name: '规划处',
  })
  const { items } = await read<{ items: { id: number; externalId: string; version: number }[] }>(
    admin,
    '/inquiries?status=all&limit=200',
  )
  for (const i of items.filter((i) => TRANSFERRED.includes(i.externalId))) {
    await post(admin, `/inquiries/${i.id}/transfer`, {
      version: i.version,
      departmentId: planning.department.id,
      note: '请规划处办理',
    })
  }
  browser = await launchChromium()
})

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

describe('managers dashboard and yearly tally in the browser', () => {
  it('clicks a channel’s overdue number and sees exactly that many rows; downloads the tally CSV', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })
    const page = await context.newPage()
    await logIn(page)

    // the statistics are one area of the menu: hover it, then pick the entry
    await page.locator('.ant-menu-submenu-title', { hasText: '统计' }).hover()
    await page.getByRole('link', { name: '统计看板' }).click()
    await page.waitForURL(/\/dashboard$/)
    const from = shanghaiDate(NOW - 90 * DAY_MS)
    const today = shanghaiDate(NOW)
    // the range picker: type the start date, Enter moves to the end date, Enter there commits the range
    const start = page.getByPlaceholder('起始日期')
    await start.click()
    await start.fill(from)
    await start.press('Enter')
    await page.getByPlaceholder('截止日期').press('Enter')
    await page.waitForURL(new RegExp(`/dashboard\\?from=${from}&to=${today}$`))

    const overdue = page.getByRole('link', { name: '民心网联网平台 逾期 3' })
    await overdue.waitFor()
    expect(await page.getByRole('link', { name: '民心网联网平台 接收 4' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '12345网络问政 逾期 2' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '合计 逾期 5' }).count()).toBe(1)
    // the chart chunk loads and draws
    await page.getByRole('img', { name: '各渠道接收量趋势图' }).locator('svg').waitFor()

    await overdue.click()
    await page.waitForURL(/\/queue\?/)
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from,
      to: today,
      channel: 'minxin',
      due: 'overdue',
    })
    const rows = page.locator('.ant-table-row')
    await expect.poll(() => rows.count()).toBe(3)
    for (const id of ['MX-1', 'MX-2', 'MX-3'])
      expect(await page.getByRole('link', { name: `问询 ${id}` }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '问询 MX-4' }).count()).toBe(0)

    await page.locator('.ant-menu-submenu-title', { hasText: '统计' }).hover()
    await page.getByRole('link', { name: '年度统计' }).click()
    await page.waitForURL(/\/reports$/)
    if (YEAR !== today.slice(0, 4)) {
      await page.getByRole('combobox', { name: '年份' }).click()
      await page.getByTitle(`${YEAR}年`).click()
    }
    const minxinInYear = inYear(MINXIN)
    await page
      .getByText(new RegExp(`^${YEAR}年共办理.*“民心网联网平台”${minxinInYear}件`))
      .waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const bytes = readFileSync(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]?.startsWith('渠道,')).toBe(true)
    expect(
      lines
        .find((l) => l.startsWith('民心网联网平台,'))
        ?.split(',')
        .slice(0, 4),
    ).toEqual(['民心网联网平台', String(minxinInYear), '0', String(minxinInYear)])
    expect(lines.find((l) => l.startsWith('12345网络问政,'))?.split(',')[1]).toBe(
      String(inYear(HOTLINE)),
    )
    await context.close()
  })

  it('clicks a department’s pending number and sees exactly that department’s rows', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await logIn(page)
    const from = shanghaiDate(NOW - 90 * DAY_MS)
    const today = shanghaiDate(NOW)
    await page.goto(`${desk.baseUrl}/dashboard?from=${from}&to=${today}`)

    const pending = page.getByRole('link', { name: '规划处 在办 2' })
    await pending.waitFor()
    expect(await page.getByRole('link', { name: '未分派 在办 4' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '规划处 逾期 2' }).count()).toBe(1)

    await pending.click()
    await page.waitForURL(/\/queue\?/)
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
      from,
      to: today,
      department: expect.stringMatching(/^[1-9]\d*$/),
    })
    const rows = page.locator('.ant-table-row')
    await expect.poll(() => rows.count()).toBe(2)
    for (const id of TRANSFERRED)
      expect(await page.getByRole('link', { name: `问询 ${id}` }).count()).toBe(1)
    await page.getByText('部门：规划处').waitFor()
    await context.close()
  })
})
