/**
 * End to end in Chromium against the real desk: an admin marks Saturday 2025-06-07 as a make-up
 * workday on the calendar page. An open 12345 consultation received Fri 2025-06-06 (3 working
 * days from the next working day) was due Wed 06-11 17:00; with the extra workday it is due Tue
 * 06-10 17:00. The page reports the moved count; the API and the inquiry page show the new date and
 * the inquiry's timeline shows the due-date event with its reason.
 * The admin also adds a deadline policy (民心网, category 求助, 2 working days) on the policies
 * page; it is listed, and an inquiry received on that channel afterwards is due by it.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post, signIn, type ApiSession } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

let desk: DeskServer
let browser: Browser
let admin: ApiSession
let inquiryId = 0

async function dueAt(id: number): Promise<string> {
  const res = await fetch(`${desk.baseUrl}/api/inquiries/${id}`, {
    headers: { cookie: admin.cookie },
  })
  if (!res.ok) throw new Error(`GET /inquiries/${id}: ${res.status}`)
  return ((await res.json()) as { inquiry: { dueAt: string } }).inquiry.dueAt
}

beforeAll(async () => {
  desk = await startDesk()
  admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  const created = await post<{ results: { id: number }[] }>(
    admin,
    '/channels/hotline_12345/inquiries',
    [
      {
        externalId: 'HL-CAL-1',
        subject: '咨询公积金提取',
        body: '请问公积金提取需要哪些材料？',
        category: '咨询',
        receivedAt: '2025-06-06T02:00:00.000Z', // Fri 10:00 in Beijing
        citizen: { name: '钱市民', phone: '13812345678' },
      },
    ],
  )
  inquiryId = created.results[0]?.id ?? 0
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

describe('working-day calendar in the browser', () => {
  it('adds a make-up workday, sees the moved count, and the open inquiry is due a day earlier', async () => {
    expect(await dueAt(inquiryId)).toBe('2025-06-11T17:00:00.000+08:00')

    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await page.goto(`${desk.baseUrl}/admin/calendar`)
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.waitForURL(/\/admin\/calendar$/)
    // the bundled years are listed with their source
    await page.getByRole('button', { name: /查看 2025/ }).click()
    await page.getByText('端午节').first().waitFor()

    await page.getByRole('button', { name: '添加或更正日期' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('日期').fill('2025-06-07')
    await dialog.getByLabel('调休上班').check()
    await dialog.getByLabel('名称').fill('端午节调休（测试）')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()

    await page.getByText('已重新计算 1 件未结来件的办理期限，其中 1 件的到期时间已调整。').waitFor()
    const moved = page.getByRole('link', {
      name: `来件 #${inquiryId}：2025-06-11 17:00 → 2025-06-10 17:00`,
    })
    await moved.waitFor()
    // the new date is listed in the year's table
    expect(
      await page
        .getByRole('row', { name: /2025-06-07/ })
        .getByText('调休上班')
        .count(),
    ).toBe(1)

    expect(await dueAt(inquiryId)).toBe('2025-06-10T17:00:00.000+08:00')
    await moved.click()
    await page.getByRole('heading', { name: '咨询公积金提取' }).waitFor()
    await page.getByText('2025-06-10 17:00').first().waitFor()
    // the move is an event in the inquiry's timeline, with the reason the API recorded
    await page.getByText('期限变更').first().waitFor()
    await page
      .getByText(/calendar: 2025-06-07 set to workday/)
      .first()
      .waitFor()
  })

  it('refuses a year file with a date outside its year, naming the entry, then loads the corrected file', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await page.goto(`${desk.baseUrl}/admin/calendar`)
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.waitForURL(/\/admin\/calendar$/)
    await page.getByText('chinese-days@1.5.7').first().waitFor()

    // a year loads only with its fixed-date holidays off: 2027's 1-2 May fall on a weekend
    const days = [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '国庆节', date: '2027-10-01', isOffDay: true },
      { name: '春节', date: '2028-02-06', isOffDay: true },
    ]
    const file = (content: unknown) => ({
      name: '2027.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(content)),
    })
    await page.locator('input[type="file"]').setInputFiles(file({ year: 2027, papers: [], days }))
    await page.getByText(/2027\.json 未载入/).waitFor()
    // one line per problem: the entry's path and the reason
    const problem = page
      .getByRole('listitem')
      .filter({ hasText: '2028-02-06 is outside 2027 (only the previous December may be listed)' })
    await problem.waitFor()
    expect(await problem.locator('code').textContent()).toBe('days.2.date')

    await page
      .locator('input[type="file"]')
      .setInputFiles(file({ year: 2027, papers: [], days: days.slice(0, 2) }))
    await page.getByText('已载入 2027 年（2 个日期）。').waitFor()
    const row = page.getByRole('row', { name: /holiday-cn:2027\.json/ })
    expect(await row.getByRole('cell', { name: '2027', exact: true }).count()).toBe(1)
  })
  it('adds a deadline policy on the policies page: it is listed and new inquiries are due by it', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await page.goto(`${desk.baseUrl}/admin/deadlines`)
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.waitForURL(/\/admin\/deadlines$/)

    await page.getByRole('button', { name: '新建办理时限' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: '渠道' }).click()
    await page.getByTitle('民心网联网平台').click()
    await dialog.getByLabel('类别').fill('求助')
    await dialog.getByLabel('数量').fill('2')
    await dialog.getByLabel('依据').fill('本局民心网求助类2个工作日（测试）')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()

    const row = page.getByRole('row', { name: /本局民心网求助类2个工作日（测试）/ })
    // the channel's name comes with the channel list, which may answer after the policies
    await row.getByText('民心网联网平台').waitFor()
    expect(await row.getByText('民心网联网平台').count()).toBe(1)
    expect(await row.getByText('2 个工作日').count()).toBe(1)

    // received Wed 2025-03-05 10:00 in Beijing: two working days from the next one is Fri 03-07 (was 15)
    const created = await post<{ results: { id: number }[] }>(admin, '/channels/minxin/inquiries', [
      {
        externalId: 'MX-POLICY-1',
        subject: '求助：小区路灯不亮',
        body: '小区路灯坏了一周，请帮忙联系维修。',
        category: '求助',
        receivedAt: '2025-03-05T02:00:00.000Z',
        citizen: { name: '孙市民', phone: '13812345679' },
      },
    ])
    expect(await dueAt(created.results[0]?.id ?? 0)).toBe('2025-03-07T17:00:00.000+08:00')
  })
})
