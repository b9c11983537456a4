/**
 * End to end in Chromium against the real desk: a citizen attaches a photo on /mailbox at phone
 * size, a responder sees it on the inquiry page and replies with a PDF dropped on the reply box,
 * and the citizen finds both on /mailbox/track and downloads the PDF's very bytes; staff logging a
 * letter drop its scan and a photo on the entry form and find them on the new inquiry's page.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addResponder, RESPONDER, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium, shots } from './browser.ts'

const PHONE = { width: 375, height: 667 }
// a 1×1 PNG (a photo as far as the desk's content check goes)
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const ANSWER_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% e2e answer\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)
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

async function staffPage(): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}/queue`)
  await page.getByLabel('用户名').fill(RESPONDER.username)
  await page.getByLabel('密码').fill(RESPONDER.password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/queue$/)
  return page
}

describe('files from the mailbox to the reply and back', () => {
  it('a photo goes in with the letter, a PDF comes back with the reply, the citizen downloads it', async () => {
    const citizen = await (
      await browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true })
    ).newPage()
    await citizen.goto(`${desk.baseUrl}/mailbox`)
    await citizen.getByLabel('标题').fill('消防通道被占')
    await citizen.getByLabel('留言内容').fill('东门消防通道长期停车，附照片。')
    await citizen.getByLabel('姓名').fill('陈女士')
    await citizen.getByLabel('联系电话').fill('138 1234 5678')
    // the limits are said before choosing
    await citizen
      .getByText('可上传照片或PDF文件，最多5个，每个不超过10MB。照片中的位置等信息会在保存前去除。')
      .waitFor()
    await citizen
      .getByLabel('附件（选填）')
      .setInputFiles({ name: '东门占道.png', mimeType: 'image/png', buffer: PHOTO })
    await citizen.getByText('东门占道.png（1 KB）').waitFor()
    await citizen.getByLabel('我已阅读并同意《个人信息保护说明》').check()
    await citizen.getByRole('button', { name: '提交留言' }).click()
    const trackingNumber = (await citizen.getByTestId('tracking-number').textContent()) ?? ''
    expect(trackingNumber).toMatch(/^JZ/)

    const li = await staffPage()
    await li.getByRole('tab', { name: /局长信箱/ }).click()
    // the queue's paper clip (the only row with files)
    await li.locator('[data-has-files]').first().waitFor()
    await li.getByRole('link', { name: '消防通道被占' }).click()
    await li.getByText('东门占道.png').first().waitFor()
    await li.getByLabel('答复内容').fill('已责成物业清理，详见答复意见书。')
    await li
      .locator('[data-reply-files] input[type=file]')
      .setInputFiles({ name: '答复意见书.pdf', mimeType: 'application/pdf', buffer: ANSWER_PDF })
    await li.getByRole('button', { name: '发送答复' }).click()
    // the files card lists the reply's file once the reply is sent
    await li.getByText('答复意见书.pdf').first().waitFor()
    await li.getByText('已答复').first().waitFor()

    await citizen.goto(`${desk.baseUrl}/mailbox/track?no=${trackingNumber}`)
    await citizen.getByLabel('联系电话').fill('138 1234 5678')
    await citizen.getByRole('button', { name: '查询' }).click()
    await citizen.getByText('已答复').first().waitFor()
    await citizen.getByRole('link', { name: '东门占道.png' }).waitFor()
    const pdfLink = citizen.getByRole('link', { name: '答复意见书.pdf' })
    const href = (await pdfLink.getAttribute('href')) ?? ''
    const download = await citizen.request.get(`${desk.baseUrl}${href}`)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toBe('application/pdf')
    expect(Buffer.from(await download.body()).equals(ANSWER_PDF)).toBe(true)
    // the tracking page with the reply's file and the form for a further message (补充留言)
    await shots(citizen, 'mailbox-track', () => pdfLink.waitFor(), ['zh-CN'])
    await shots(li, 'inquiry-files', () => li.getByText('答复意见书.pdf').first().waitFor())
  })
})

/** Drops files on `zone` as a browser does: a `drop` event whose DataTransfer carries them. */
async function dropOn(
  page: Page,
  zone: Locator,
  files: { name: string; type: string; bytes: Buffer }[],
) {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer()
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
        dt.items.add(new File([bytes], f.name, { type: f.type }))
      }
      return dt
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })),
  )
  await zone.dispatchEvent('drop', { dataTransfer })
}

describe('a letter logged with its scan', () => {
  it('the scan and a photo dropped on the entry form are on the new inquiry, added with it', async () => {
    const page = await staffPage()
    await page.goto(`${desk.baseUrl}/intake/manual`)
    await page.getByLabel('方式').selectOption('letter')
    await page.getByLabel('来电（来信）人').fill('周先生')
    await page.getByLabel('标题').fill('反映农田里搭建彩钢棚')
    await page.getByLabel('内容摘要').fill('来信反映村东农田新搭彩钢棚，附现场照片。')
    await page.getByLabel('需后续办理（进入答复队列）').check()
    await dropOn(page, page.getByText('把来信扫描件或照片拖放到这里，或点击选择'), [
      { name: '来信扫描件.pdf', type: 'application/pdf', bytes: ANSWER_PDF },
      { name: '彩钢棚.png', type: 'image/png', bytes: PHOTO },
    ])
    await page.getByText('彩钢棚.png').waitFor()
    await shots(page, 'manual-entry-files', () => page.getByText('来信扫描件.pdf').waitFor())
    await page.getByRole('button', { name: /^保\s*存$/ }).click()
    await page.getByRole('link', { name: '查看问询' }).click()
    await page.getByText('反映农田里搭建彩钢棚').first().waitFor()
    // the files card: the scan and the photo's preview, both the citizen's material
    await page.getByRole('img', { name: '彩钢棚.png 的预览' }).waitFor()
    expect(await page.getByText(/^来信人 · /).count()).toBe(2)
    // the timeline: the files added with the entry
    const added = page.locator('.ant-timeline-item').filter({ hasText: '添加附件' })
    await added.filter({ hasText: '来信扫描件.pdf' }).filter({ hasText: '彩钢棚.png' }).waitFor()
    await shots(page, 'manual-entry-inquiry', () =>
      page.getByText('来信扫描件.pdf').first().waitFor(),
    )
  })
})
