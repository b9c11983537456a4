/**
 * End to end in Chromium against the real desk: a disclosure request is entered, asked to correct
 * (补正), corrected and answered 部分公开 through the API; in the browser an admin opens the year's
 * national table, finds it in the 部分公开 × 自然人 cell, follows that number and sees the register
 * list exactly this request; on the request's page the answer document (答复书) is previewed and
 * read back (mammoth), filled from the record, then submitted, sent back, resubmitted and — not by
 * its author (four eyes: the button is disabled and says why) but by a second manager — signed
 * off, its signed DOCX (dated the sign-off day) and A4 print view (printed to PDF: one page)
 * checked, and its delivery recorded (a day before the sign-off refused on the field); a 行政复议
 * case is filed pending and later given its result, and the year's section 四 counts it once in
 * that column; an admin corrects an outcome label and
 * the table prints it; a request is entered in its form and opens with its clock running. With DESK_SCREENSHOTS=<dir> the
 * request's page is saved at 1440x900 and 390x844 in zh-CN and en, the print view in zh-CN and as
 * PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addUser, post, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { seriousAxeViolations } from './axe.ts'
import { launchChromium, shots } from './browser.ts'
import { clearOfBeijingMidnight } from './beijing-day.ts'

// the whole spec (receipt, sign-off, delivery, review case) is dated today in Beijing
await clearOfBeijingMidnight(20 * 60_000)
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now())
const YESTERDAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
  Date.now() - 86_400_000,
)
const SUBJECT = '申请公开某地块土地出让合同'
/** TODAY as the document prints it, e.g. 2026年12月6日 */
const TODAY_ZH = (([y, m, d]) => `${y}年${Number(m)}月${Number(d)}日`)(TODAY.split('-'))
const SIGNER = { username: 'zhou', displayName: '周主任', password: 'manager-pass-1' }
let desk: DeskServer
let browser: Browser
let id: number

type View = { request: { inquiryId: number }; clock: { state: string } }
type Inquiry = { inquiry: { version: number } }
type ReviewTable = { sectionFour: { kind: string; cells: { column: string; count: number }[] }[] }

beforeAll(async () => {
  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addUser(admin, { ...SIGNER, role: 'manager' })
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

async function signedInPage(username = 'admin', password = ADMIN_PASSWORD): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true })
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
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

it('reviews, signs off and delivers the answer document from the request’s page: sent back, resubmitted, signed by another manager than its author; the signed DOCX and the A4 print view carry the 文号; a delivery day before the sign-off is refused', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/inquiries/${id}`)
  const card = page.getByTestId('answer-document')
  await card.getByLabel('答复机关').fill('某市自然资源局')
  await card.getByLabel('文号').fill('某自然资依复〔2026〕3号')
  const [preview] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: /预览答复书/ }).click(),
  ])
  expect(preview.suggestedFilename()).toMatch(/^政府信息公开申请答复书-OGI-\d{8}-\w+\.docx$/)
  const { value } = await mammoth.extractRawText({ buffer: readFileSync(await preview.path()) })
  expect(value).toContain('王某：')
  expect(value).toContain(`申请获取“${SUBJECT}”`)
  expect(value).toContain('第三十七条')
  expect(value).toContain('理由如下：地块界址图涉及国家秘密。')
  expect(value).toContain('六十日内依法申请行政复议')

  // review: submitted, sent back with a comment, resubmitted, signed off
  await card.getByRole('button', { name: '提交审核' }).click()
  const first = card.getByTestId('answer-version-1')
  await first.getByText('待审核').waitFor()
  await shots(page, 'disclosure-answer-review', () =>
    first.getByText(/待审核|Awaiting review/).waitFor(),
  )
  await first.getByLabel('退回意见').fill('文号编号有误')
  await first.getByRole('button', { name: '退回修改' }).click()
  await first.getByText('已退回').waitFor()
  expect(await first.textContent()).toContain('文号编号有误')
  await card.getByLabel('文号').fill('某自然资依复〔2026〕4号')
  await card.getByRole('button', { name: '提交审核' }).click()
  const second = card.getByTestId('answer-version-2')
  // four eyes: its author may not sign it off; the button says why
  const ownSignOff = second.getByRole('button', { name: /签\s*发/ })
  await ownSignOff.waitFor()
  expect(await ownSignOff.isDisabled()).toBe(true)
  // said under the buttons, not in a tooltip a disabled button cannot open, and read out with it
  const said = () =>
    ownSignOff.evaluate((b) => {
      const id = b.getAttribute('aria-describedby')
      return id === null ? null : document.getElementById(id)?.textContent
    })
  await expect.poll(said).toContain('须由另一位负责人审核签发')
  expect(await second.getByText(/签\s*发：这一稿是您本人起草提交的/).isVisible()).toBe(true)
  await shots(page, 'disclosure-answer-own-version', () =>
    second.getByText(/待审核|Awaiting review/).waitFor(),
  )
  const signer = await signedInPage(SIGNER.username, SIGNER.password)
  await signer.goto(`${desk.baseUrl}/inquiries/${id}`)
  const theirs = signer.getByTestId('answer-document').getByTestId('answer-version-2')
  await theirs.getByRole('button', { name: /签\s*发/ }).click()
  await theirs.getByText('已签发').waitFor()
  await signer.close()
  await page.reload()
  await second.getByText('已签发').waitFor()
  expect(await second.textContent()).toContain('周主任')
  await page.getByText('答复书签发').waitFor()

  const [signed] = await Promise.all([
    page.waitForEvent('download'),
    second.getByRole('link', { name: 'DOCX' }).click(),
  ])
  const lines = (await mammoth.extractRawText({ buffer: readFileSync(await signed.path()) })).value
    .split('\n')
    .filter((l) => l.trim() !== '')
  expect(lines.slice(0, 2)).toEqual(['政府信息公开申请答复书', '某自然资依复〔2026〕4号'])
  // dated the day it was signed off (成文日期)
  expect(lines.slice(-2)).toEqual(['某市自然资源局', TODAY_ZH])

  // delivery: a day before the sign-off is a field error; then post with its tracking number
  await card.getByLabel('送达日期').fill(YESTERDAY)
  await card.getByRole('button', { name: '记录送达' }).click()
  await card.getByRole('alert').filter({ hasText: '送达日期不能早于签发之日' }).waitFor()
  await card.getByLabel('送达日期').fill(TODAY)
  await card.getByLabel('邮件号').fill('1150123456789')
  await card.getByRole('button', { name: '记录送达' }).click()
  await card.getByTestId('delivery').waitFor()
  expect(await card.getByTestId('delivery').textContent()).toContain(`已送达：邮寄 · ${TODAY}`)
  expect(await card.getByTestId('delivery').textContent()).toContain('邮件号 1150123456789')
  await shots(page, 'disclosure-request', () => card.getByTestId('delivery').waitFor())
  expect(await seriousAxeViolations(page)).toEqual([])

  // a 行政复议 case filed against it, pending, is listed on the page
  const cases = page.getByTestId('review-cases')
  await cases.getByLabel('受理日期').fill(TODAY)
  await cases.getByRole('button', { name: '登记案件' }).click()
  await cases.getByText(`行政复议 · ${TODAY} 受理 · 尚未审结`).waitFor()
  // its result later: the same case moves to 结果纠正 and the year's section 四 counts it once there
  const filed = cases.locator('[data-testid^="review-case-"]')
  await filed.getByRole('button', { name: '记录审结结果' }).click()
  await filed.getByRole('combobox', { name: '结果' }).click()
  await page.locator('.ant-select-dropdown:visible').getByTitle('结果纠正', { exact: true }).click()
  await filed.getByLabel('备注（案号等）').fill('某复决字〔2026〕5号')
  await shots(page, 'disclosure-review-conclude', () =>
    filed.getByRole('button', { name: /保存结果|Save the result/ }).waitFor(),
  )
  await filed.getByRole('button', { name: '保存结果' }).click()
  await cases
    .getByText(`行政复议 · ${TODAY} 受理 · 结果纠正 · ${TODAY} 审结 · 某复决字〔2026〕5号`)
    .waitFor()
  await page.getByText('行政复议/诉讼案件审结').waitFor()
  expect(await cases.locator('[data-testid^="review-case-"]').count()).toBe(1)
  await shots(page, 'disclosure-review-concluded', () =>
    cases
      .getByText(/结果纠正|Corrected/)
      .first()
      .waitFor(),
  )
  const table = await page.request.get(
    `${desk.baseUrl}/api/reports/disclosure?year=${TODAY.slice(0, 4)}`,
  )
  const review = ((await table.json()) as ReviewTable).sectionFour.find((k) => k.kind === 'review')
  expect(Object.fromEntries((review?.cells ?? []).map((c) => [c.column, c.count]))).toEqual({
    upheld: 0,
    corrected: 1,
    other: 0,
    pending: 0,
    total: 1,
  })

  // the print view: one A4 page with the agency's 版头, 文号, title and signature, no draft mark
  const href = await second.getByRole('link', { name: '打印 / PDF' }).getAttribute('href')
  await page.goto(`${desk.baseUrl}${href ?? ''}`)
  const sheet = page.getByTestId('answer-sheet')
  await sheet.waitFor()
  expect(await page.getByTestId('draft-mark').count()).toBe(0)
  expect(await seriousAxeViolations(page)).toEqual([])
  const text = (await sheet.textContent()) ?? ''
  for (const part of [
    '某市自然资源局',
    '某自然资依复〔2026〕4号',
    '政府信息公开申请答复书',
    '王某：',
  ])
    expect(text).toContain(part)
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
  const dir = process.env.DESK_SCREENSHOTS
  if (dir) {
    writeFileSync(join(dir, 'disclosure-answer-print.pdf'), pdf)
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({
        path: join(dir, `disclosure-answer-print-zh-CN-${w}x${h}.png`),
        fullPage: true,
      })
    }
  }

  // the register lists the request with its delivery
  await page.goto(
    `${desk.baseUrl}/reports/disclosure/register?year=${TODAY.slice(0, 4)}&row=partial&column=natural_person`,
  )
  await page.getByTestId('register-count').waitFor()
  expect(await page.getByRole('listitem').textContent()).toContain(
    `送达：邮寄 ${TODAY} (1150123456789)`,
  )
  await page.close()
}, 120_000)

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
  await card
    .getByText('第 2 行 · 申请人类型：无法识别的填写内容：个人（请按样例表格填写）')
    .waitFor()
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

it('lets an admin correct an outcome row’s label, and the year’s table prints the correction', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/admin/disclosure-labels`)
  const zh = page.getByLabel('grant 中文名称')
  await zh.fill('予以公开（已核对）')
  await shots(page, 'disclosure-labels', () =>
    page
      .getByLabel(/^grant /)
      .first()
      .waitFor(),
  )
  await page.getByLabel('grant 中文名称').fill('予以公开（已核对）')
  const row = page.getByRole('row').filter({ has: page.getByLabel('grant 中文名称') })
  await row.getByRole('button', { name: /保\s*存/ }).click()
  await expect.poll(() => row.getByRole('button', { name: /保\s*存/ }).isDisabled()).toBe(true)
  await page.goto(`${desk.baseUrl}/reports/disclosure/${TODAY.slice(0, 4)}`)
  await page.getByText('（一）予以公开（已核对）').first().waitFor()
  await page.close()
}, 60_000)

it('enters a request in its form, submitted with Enter, and opens its page with the running clock', async () => {
  const page = await signedInPage()
  await page.goto(`${desk.baseUrl}/disclosure/new`)
  // the other fields keep their defaults (自然人, 当面提交, today)
  await page.getByLabel('申请人', { exact: true }).fill('李某')
  await page.getByLabel('申请内容').fill('请公开某路段改造工程的立项批复。')
  await page.getByLabel('申请公开的信息').fill('某路段改造工程立项批复')
  await page.getByLabel('申请公开的信息').press('Enter')
  await page.waitForURL(/\/inquiries\/\d+$/)
  await page.getByTestId('clock-state').filter({ hasText: '办理中' }).waitFor()
  await page.getByRole('heading', { name: '某路段改造工程立项批复' }).waitFor()
  await page.close()
}, 60_000)
