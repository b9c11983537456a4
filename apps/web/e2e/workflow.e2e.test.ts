/**
 * End to end in Chromium, the 12345 work-order path: a responder claims an inquiry on the 12345 channel and
 * transfers it to another department; that department's responder claims it and submits a reply
 * draft (the channel requires sign-off); a manager, in a second browser context, approves it; the
 * reply reaches a local webhook receiver (node:http on 127.0.0.1) signed with the channel's secret;
 * the manager sees it delivered and records the follow-up call.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, post, signIn, write } from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

const PASSWORD = 'workflow-pass'
const SECRET = 'e2e-webhook-secret-0123456789'
const REPLY = '您好，占道摊点已于今日清理，城管队员将持续巡查。'
let desk: DeskServer
let browser: Browser
let receiver: Server
let receiverUrl = ''
let inquiryId = 0
const received: { headers: IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok))
  const address = receiver.address()
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`

  desk = await startDesk()
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  const city = await post<{ department: { id: number } }>(admin, '/departments', {
    name: '城市管理处',
  })
  const traffic = await post<{ department: { id: number } }>(admin, '/departments', {
    name: '交通运输处',
  })
  const users = [
    { username: 'li', displayName: '李答复', role: 'responder', department: city.department.id },
    {
      username: 'wang',
      displayName: '王答复',
      role: 'responder',
      department: traffic.department.id,
    },
    { username: 'liu', displayName: '刘科长', role: 'manager', department: null },
  ]
  for (const u of users) await addUser(admin, { ...u, password: PASSWORD })
  await write(admin, 'PATCH', '/channel-settings/hotline_12345', {
    requiresSignOff: true,
    webhookUrl: receiverUrl,
    webhookSecret: SECRET,
  })
  const created = await post<{ results: { id: number }[] }>(
    admin,
    '/channels/hotline_12345/inquiries',
    {
      externalId: 'GD-2026-0001',
      subject: '人行道占道经营',
      body: '小区门口人行道被摊点占用，行人只能走机动车道。',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      citizen: { name: '赵市民', phone: '13812345678' },
      category: '咨询',
    },
  )
  inquiryId = created.results[0]!.id
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
  await new Promise<void>((ok) => (receiver ? receiver.close(() => ok()) : ok()))
})

async function logIn(username: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}${path}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  return page
}

describe('the responder workflow in the browser', () => {
  it('claim, transfer, draft, approve in a second context, delivered to the webhook, follow-up', async () => {
    const li = await logIn('li', `/inquiries/${inquiryId}`)
    await li.getByRole('heading', { name: '人行道占道经营' }).waitFor()
    await li.getByRole('button', { name: /^签\s*收$/ }).click()
    await li.getByText(/· 李答复 · 签收$/).waitFor()

    await li.getByRole('button', { name: /^转\s*办$/ }).click()
    const dialog = li.getByRole('dialog')
    await dialog.getByRole('combobox', { name: '目标处室' }).click()
    await li.getByTitle('交通运输处').click()
    await dialog.getByLabel('转办说明').fill('涉及道路占用，请交通运输处办理')
    await dialog.getByRole('button', { name: /^转\s*办$/ }).click()
    // now in the other department, out of li's sight: the page ends on the queue saying where it went
    await li.getByText('问询已转办至 交通运输处').waitFor()
    await li.waitForURL(/\/queue$/)
    await li.getByRole('heading', { name: '答复队列' }).waitFor()
    expect(await li.getByText('问询不存在').count()).toBe(0)
    expect(await li.locator('.ant-message-error').count()).toBe(0)

    const wang = await logIn('wang', `/inquiries/${inquiryId}`)
    await wang.getByRole('heading', { name: '人行道占道经营' }).waitFor()
    // li's claim put the pool inquiry in li's department, which the transfer names as its origin
    await wang.getByText('城市管理处 → 交通运输处：涉及道路占用，请交通运输处办理').waitFor()
    await wang.getByRole('button', { name: /^签\s*收$/ }).click()
    await wang.getByText('需审核').waitFor()
    await wang.getByLabel('答复内容').fill(REPLY)
    await wang.getByRole('button', { name: '提交审核', exact: true }).click()
    await wang.getByText('待审核').waitFor()
    expect(received).toHaveLength(0) // nothing leaves before sign-off

    const liu = await logIn('liu', `/inquiries/${inquiryId}`)
    await liu.getByText('第 1 稿').first().waitFor()
    await liu.getByRole('button', { name: '审核通过' }).click()
    await liu.getByText('审核人：刘科长').waitFor()

    // the outbox worker posts within a few seconds (5 s interval)
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1)
    const delivery = received[0]!
    expect(JSON.parse(delivery.body)).toMatchObject({
      externalId: 'GD-2026-0001',
      body: REPLY,
      channel: 'hotline_12345',
    })
    const signature = createHmac('sha256', SECRET).update(delivery.body).digest('hex')
    expect(delivery.headers['x-desk-signature']).toBe(`sha256=${signature}`)
    expect(delivery.headers['idempotency-key']).toBeTruthy()

    await expect
      .poll(
        async () => {
          await liu.reload()
          await liu.getByText('审核人：刘科长').waitFor()
          return liu.getByText('已送达渠道').count()
        },
        { timeout: 20_000 },
      )
      .toBe(1)

    await liu.getByRole('radio', { name: '满意', exact: true }).check()
    await liu.getByLabel('回访记录').fill('市民表示摊点已清理')
    await liu.getByRole('button', { name: '记录回访' }).click()
    await liu.getByText(/满意 · 市民表示摊点已清理/).waitFor()
    await liu
      .getByText(/· 回访$/)
      .first()
      .waitFor()
  })
})
