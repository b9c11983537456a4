/**
 * End to end in Chromium against the real desk: a disclosure request is entered, asked to correct
 * (补正), corrected and answered 部分公开 through the API; in the browser an admin opens the year's
 * national table, finds it in the 部分公开 × 自然人 cell, follows that number and sees the register
 * list exactly this request; on the request's page the answer document (答复书) is downloaded and
 * read back (mammoth), filled from the record. With DESK_SCREENSHOTS=<dir> the request's page is
 * saved at 1440x900 and 390x844 in zh-CN and en.
 */
import { readFileSync } from 'node:fs'
import mammoth from 'mammoth'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { post, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium, shots } from './browser.ts'

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now())
const SUBJECT = '申请公开某地块土地出让合同'
let desk: DeskServer
let browser: Browser
let id: number

type View = { request: { inquiryId: number }; clock: { state: string } }
type Inquiry = { inquiry: { version: number } }

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  const created = await post<View>(admin, '/disclosure/requests', {
    channel: 'ogi_request',
    applicantType: 'natural_person',
    applicantName: '王某',
    receiptMethod: 'in_person',
    receivedOn: TODAY,
    subject: SUBJECT,
    body: '请公开该地块的出让合同。',
  })
  id = created.request.inquiryId
  const step = async (body: Record<string, unknown>) => {
    const res = await fetch(`${desk.baseUrl}/api/inquiries/${id}`, {
      headers: { cookie: admin.cookie },
    })
    const { inquiry } = (await res.json()) as Inquiry
    return post<View>(admin, `/disclosure/requests/${id}/actions`, {
      version: inquiry.version,
      on: TODAY,
      ...body,
    })
  }
  expect((await step({ action: 'request_correction', answerBy: TODAY })).clock.state).toBe(
    'awaiting_correction',
  )
  expect((await step({ action: 'receive_correction' })).clock.state).toBe('running')
  expect(
    (await step({ action: 'decide', outcome: 'partial', note: '地块界址图涉及国家秘密' })).clock
      .state,
  ).toBe('decided')
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true })
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/queue$/)
  return page
}

it('shows the answered request in its cell of the year’s table, and the cell lists exactly it', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/reports/disclosure/${TODAY.slice(0, 4)}`)
  await expect
    .poll(() => page.getByTestId('disclosure-sentences').textContent())
    .toContain('全年共受理依申请公开1件，均全部办结。')
  const cell = page.getByRole('link', {
    name: '（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人: 1',
  })
  await cell.click()
  await page.getByTestId('register-count').waitFor()
  expect(await page.getByTestId('register-count').textContent()).toBe('1')
  expect(await page.getByRole('listitem').getByRole('link').allTextContents()).toEqual([SUBJECT])
  await page.close()
})

it('downloads the answer document from the request’s page, filled from the record', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/inquiries/${id}`)
  await page.getByLabel('答复机关').fill('某市自然资源局')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载答复书/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^政府信息公开申请答复书-OGI-\d{8}-\w+\.docx$/)
  const { value } = await mammoth.extractRawText({ buffer: readFileSync(await download.path()) })
  expect(value).toContain('王某：')
  expect(value).toContain(`申请获取“${SUBJECT}”`)
  expect(value).toContain('第三十七条')
  expect(value).toContain('理由如下：地块界址图涉及国家秘密。')
  expect(value).toContain('六十日内依法申请行政复议')

  await shots(page, 'disclosure-request', () => page.getByTestId('answer-document').waitFor())
  await page.close()
}, 60_000)

it('imports a register file from the table page: a bad file lists its rows’ problems, the sample imports after its check', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/reports/disclosure/2024`)
  const card = page.getByTestId('register-import')
  await card.locator('input[type=file]').setInputFiles({
    name: '台账.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '登记编号,收到申请日,申请人,申请人类型,提交方式,申请公开的信息,办理结果,答复日期\nB-1,2024-03-04,张某,个人,当面提交,规划许可,予以公开,2024-03-20\n',
    ),
  })
  await card.getByText('第 2 行 · 申请人类型：unknown label: 个人').waitFor()
  const sample = await page.request.get(`${desk.baseUrl}/api/disclosure/import/sample.xlsx`)
  await card.locator('input[type=file]').setInputFiles({
    name: '样例.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sample.body(),
  })
  await card.getByText('样例.xlsx：共 4 行，可新增 4 件，已登记 0 件。').waitFor()
  await shots(page, 'disclosure-import', () => card.getByText(/可新增 4 件|4 new/).waitFor())
  await card.getByRole('button', { name: /确认导入|Import/ }).click()
  await card.getByText('已导入 4 件（已登记的 0 件未改动）。').waitFor()
  await expect
    .poll(() => page.getByTestId('disclosure-sentences').textContent())
    .toContain('全年共受理依申请公开4件')
  await page.close()
}, 60_000)
