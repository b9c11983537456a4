/**
 * The smoke test of the desk on PostgreSQL: the real API started with DESK_DB a fresh database on
 * the server (migrated at start, as `pnpm start` does), the built SPA in Chromium: a responder
 * signs in, the queue lists the channels' items, opens one and replies; the reply is stored (read
 * back through the API after a reload). Skipped with a notice when no server is reachable; fails
 * under CI=true.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addResponder, post, read, RESPONDER, signIn, sampleInquiry } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'
import { createPgDatabase, postgresReachable } from './pg-desk.ts'

const REPLY = '您好，已安排维修人员三日内修复路灯。'
const reachable = await postgresReachable()
let database: Awaited<ReturnType<typeof createPgDatabase>> | undefined
let desk: DeskServer | undefined
let browser: Browser | undefined
let inquiryId = 0

beforeAll(async () => {
  if (!reachable) return
  database = await createPgDatabase()
  desk = await startDesk({ database: database.url })
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addResponder(admin)
  const created = await post<{ results: { id: number }[] }>(admin, '/channels/minxin/inquiries', [
    sampleInquiry('MX-1', '小区路灯不亮', 5),
    sampleInquiry('MX-2', '公交站牌缺失', 4),
  ])
  inquiryId = created.results[0]!.id
  await post(admin, '/channels/hotline_12345/inquiries', [sampleInquiry('HL-1', '道路积水严重', 2)])
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
  await database?.drop()
})

describe.skipIf(!reachable)('the desk on PostgreSQL in the browser', () => {
  it('signs in, lists the queue, opens an inquiry and replies; the reply is stored', async () => {
    const page = await (await browser!.newContext({ locale: 'zh-CN' })).newPage()
    await page.goto(`${desk!.baseUrl}/queue`)
    await page.getByLabel('用户名').fill(RESPONDER.username)
    await page.getByLabel('密码').fill(RESPONDER.password)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.waitForURL(/\/queue$/)
    for (const subject of ['小区路灯不亮', '公交站牌缺失', '道路积水严重'])
      await page.getByRole('link', { name: subject }).waitFor()

    await page.getByRole('link', { name: '小区路灯不亮' }).click()
    await page.waitForURL(new RegExp(`/inquiries/${inquiryId}$`))
    await page.getByLabel('答复内容').fill(REPLY)
    await page.getByRole('button', { name: '发送答复' }).click()
    await page.getByRole('list').getByText(REPLY).waitFor()

    // stored on the server: a fresh page load shows it, and the API lists the item as replied
    await page.reload()
    await page.getByRole('list').getByText(REPLY).waitFor()
    const responder = await signIn(desk!.baseUrl, RESPONDER.username, RESPONDER.password)
    const detail = await read<{ inquiry: { status: string } }>(responder, `/inquiries/${inquiryId}`)
    expect(detail.inquiry.status).toBe('replied')
  })
})
