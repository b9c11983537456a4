/**
 * End to end in Chromium against the real desk, the separation of duties (三员分立): the security
 * admin starts on the accounts page and resets a responder's password; the temporary password is
 * shown once. The responder signing in with it is held on the change-password page (another URL
 * sends them back) until they choose a new one, then reaches the queue. The auditor starts on the
 * audit log, sees no other menu entry, filters it by action and gets the CSV link of that filter.
 * The security admin and the auditor are made with `desk user add` on the server, as a bureau
 * would (the admin may not grant administrative roles), and replace the printed password first.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, post, signIn } from './desk-client.ts'
import { ADMIN_PASSWORD, REPO_ROOT, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium, shots } from './browser.ts'

const PASSWORD = 'E2e-Accounts-2026'
let desk: DeskServer
let browser: Browser

/** `desk user add` on the server: @returns the password it printed (the operator's) */
function deskUser(username: string, role: string): string {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/desk.ts', 'user', 'add', username, '--role', role],
    {
      cwd: join(REPO_ROOT, 'apps/api'),
      env: { ...process.env, DESK_DB: desk.dbPath },
      input: '',
      encoding: 'utf8',
    },
  )
  if (run.status !== 0) throw new Error(`desk user add ${username}: ${run.stderr}${run.stdout}`)
  // the command prints the generated password once
  const password = /shown once: (\S+)\)/.exec(run.stdout)?.[1]
  if (!password) throw new Error(`no password in: ${run.stdout}`)
  return password
}

/**
 * The owner of an account `desk user add` made replaces the printed password at the first sign-in
 * (as for one the admin adds): @returns the owner's password
 */
async function replacePrinted(username: string, printed: string): Promise<string> {
  const own = await signIn(desk.baseUrl, username, printed)
  const password = `${PASSWORD}-own`
  await post(own, '/auth/password', { currentPassword: printed, password })
  return password
}

let securityPassword = ''
let auditorPassword = ''

beforeAll(async () => {
  desk = await startDesk()
  const printedSecurity = deskUser('anquan', 'security_admin')
  const printedAuditor = deskUser('shenji', 'auditor')
  const admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  securityPassword = await replacePrinted('anquan', printedSecurity)
  auditorPassword = await replacePrinted('shenji', printedAuditor)
  await addUser(admin, {
    username: 'lixiao',
    displayName: '李晓',
    role: 'responder',
    password: PASSWORD,
  })
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

async function signInAs(username: string, password: string, lands: RegExp): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(lands)
  return page
}

describe('accounts in the browser', () => {
  it('a reset password holds its owner on the change page until changed', async () => {
    const security = await signInAs('anquan', securityPassword, /\/admin\/users$/)
    const row = security.getByRole('row', { name: /lixiao/ })
    await shots(security, 'accounts', () => row.waitFor())
    await row.getByRole('button', { name: '重置密码' }).click()
    await security.getByRole('button', { name: /确\s*定|OK/ }).click()
    const shown = security.getByTestId('temporary-password')
    await shown.waitFor()
    const temporary = (await shown.innerText()).trim()
    expect(temporary.length).toBeGreaterThanOrEqual(16)
    await security
      .getByRole('dialog')
      .getByRole('button', { name: /完\s*成|Done/ })
      .click()
    await row.getByText('须修改密码').waitFor()

    const li = await signInAs('lixiao', temporary, /\/account\/password/)
    await li.getByText('您的密码已由安全管理员重置').waitFor()
    await shots(li, 'change-password', () => li.locator('input[type="password"]').first().waitFor())
    await li.goto(`${desk.baseUrl}/queue`)
    await li.waitForURL(/\/account\/password\?next=%2Fqueue$/)
    await li.getByLabel('当前密码').fill(temporary)
    await li.getByLabel('新密码', { exact: true }).fill('Li-New-Pass-2026')
    await li.getByLabel('再次输入新密码').fill('Li-New-Pass-2026')
    await li.getByRole('button', { name: '修改密码' }).click()
    await li.waitForURL(/\/queue$/)
    await li.getByRole('heading', { name: '答复队列' }).waitFor()
  })

  it('the auditor sees only the audit log, filters it and downloads the filter as CSV', async () => {
    const page = await signInAs('shenji', auditorPassword, /\/audit$/)
    const menu = page.getByRole('menu').first()
    await menu.getByText('审计日志').waitFor()
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['审计日志'])
    await page.getByLabel('事件').click()
    await page.getByTitle('登录成功').click()
    await page.waitForURL(/action=login_succeeded/)
    // the URL changes before the page renders the filter, and lixiao (signed in when made) is in
    // the unfiltered list too: wait for the link that carries the filter
    const link = page.locator('a[href$="?action=login_succeeded"]', { hasText: /导出 CSV/ })
    await link.waitFor()
    await page.getByRole('cell', { name: 'lixiao' }).first().waitFor()
    const href = await link.getAttribute('href')
    expect(href).toBe('/api/audit/export.csv?action=login_succeeded')
    const res = await page.request.get(`${desk.baseUrl}${href}`)
    expect(res.status()).toBe(200)
    expect(await res.text()).toContain('登录成功')
    await shots(page, 'audit-log', () =>
      page.getByRole('cell', { name: 'lixiao' }).first().waitFor(),
    )
  })
})
