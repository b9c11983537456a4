/**
 * End to end in Chromium: the real files of ../shared/data go through the import wizard against
 * the real desk (worker-thread jobs on a SQLite file). Teddy Cup 附件4 XLSX gives 451 new
 * inquiries; its GB18030 CSV, the same messages, then gives 0 new and 451 duplicates; the NYC 311
 * 2011 CSV, mapped header by header and read in America/New_York, gives 999. The job's steps are
 * seen and the summary's counts are checked. The data is read from the shared folder, never copied.
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sharedDataDir } from '../../api/src/test/shared-data.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

const teddy = sharedDataDir('teddy-cup-2020-smart-gov')
const nyc = sharedDataDir('nyc-311')

let desk: DeskServer
let browser: Browser
let page: Page

beforeAll(async () => {
  if (!teddy || !nyc) return
  desk = await startDesk()
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await page.goto(`${desk.baseUrl}/imports/new`)
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.waitForURL(/\/imports\/new$/)
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

/**
 * Picks `option` in the antd Select named `label`, and checks the Select shows it. The mapping
 * selects sit in the preview table's header, which re-renders as mappings change and can close a
 * drop-down while it animates open or drop a click (seen in CI under load): try again, at most
 * three times.
 */
async function choose(label: string, option: string) {
  const select = page.locator('.ant-select', { has: page.getByRole('combobox', { name: label }) })
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.getByRole('combobox', { name: label }).click()
      await page
        .locator('.ant-select-dropdown:visible')
        .getByTitle(option, { exact: true })
        .click({ timeout: 5_000 })
      await select.filter({ hasText: option }).first().waitFor({ timeout: 5_000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
      await page.keyboard.press('Escape')
    }
  }
}

/** Opens a fresh wizard, picks the channel and drops the file; waits for the preview. */
async function startWizard(channel: string, file: string) {
  await page.goto(`${desk.baseUrl}/imports/new`)
  await choose('渠道', channel)
  await page.locator('input[type=file]').setInputFiles(file)
  // the preview reads only the rows it shows: a longer file says so instead of a total
  await page.getByText(/共 \d+ 行数据|预览前 \d+ 行/).waitFor()
}

/** Imports, sees the job's step with its counts, and returns the summary's counts. */
async function runImport() {
  await page.getByRole('button', { name: '开始导入' }).click()
  await page.getByTestId('job-phase').or(page.getByText('导入结果')).first().waitFor()
  const sawProgress = await page.getByTestId('job-phase').isVisible()
  await page.getByText('导入结果').waitFor({ timeout: 120_000 })
  const count = async (id: string) => Number(await page.getByTestId(id).textContent())
  return {
    sawProgress,
    created: await count('count-created'),
    duplicates: await count('count-duplicates'),
    invalid: await count('count-invalid'),
  }
}

describe.runIf(teddy && nyc)('import wizard on the real files', () => {
  it('Teddy Cup 附件4 XLSX: 451 new; the GB18030 CSV of the same messages: 0 new, 451 duplicates', async () => {
    const dir = teddy as string
    await startWizard('民心网联网平台', join(dir, 'replies_sample_附件4.xlsx'))
    await page.getByText('已识别格式：问政留言板导出（泰迪杯数据格式）').waitFor()
    expect(await page.getByRole('combobox', { name: '工作表' }).isVisible()).toBe(true)
    expect(await runImport()).toEqual({
      sawProgress: true,
      created: 451,
      duplicates: 0,
      invalid: 0,
    })

    await startWizard('民心网联网平台', join(dir, 'replies_sample_附件4.gb18030.csv'))
    expect(await page.getByTestId('encoding').textContent()).toBe('编码：gb18030')
    await page.getByRole('button', { name: '试运行（不写入）' }).click()
    await page.getByText('试运行结果（未写入）').waitFor({ timeout: 120_000 })
    expect(await page.getByTestId('count-duplicates').textContent()).toBe('451')
    expect(await runImport()).toEqual({
      sawProgress: true,
      created: 0,
      duplicates: 451,
      invalid: 0,
    })
  })

  it('NYC 311 2011 CSV with a mapping chosen header by header and America/New_York: 999 new', async () => {
    await startWizard('12345网络问政', join(nyc as string, 'nyc_311_2011_sample.csv'))
    await page.getByText(/还需要映射/).waitFor()
    const mapping: [string, string][] = [
      ['Unique Key', '外部编号'],
      ['Created Date', '接收时间'],
      ['Complaint Type', '标题'],
      ['Descriptor', '内容'],
      ['Resolution Description', '答复内容'],
      ['Resolution Action Updated Date', '答复时间'],
    ]
    for (const [header, field] of mapping) await choose(`“${header}”列导入为`, field)
    await page.getByLabel('无时区时间按').fill('America/New_York')
    expect(await runImport()).toEqual({
      sawProgress: true,
      created: 999,
      duplicates: 0,
      invalid: 0,
    })

    await page.goto(`${desk.baseUrl}/imports`)
    // the table shows an empty-state row until the list has loaded: wait for the import's own row
    const row = page.locator('tbody tr', { hasText: 'nyc_311_2011_sample.csv' })
    await row.waitFor()
    const newest = await row.textContent()
    expect(newest).toContain('999')
    expect(newest).toContain('已导入')
  })
})
