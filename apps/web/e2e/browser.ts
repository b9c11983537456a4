/**
 * The Chromium every end-to-end spec drives: Debian's browser (CHROMIUM_PATH overrides
 * /usr/bin/chromium; Playwright's own download is blocked here) with the flags of TOOLCHAIN.md.
 * Without the background-networking flags Chromium floods the closed network with refused connections.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

/**
 * With DESK_SCREENSHOTS=<dir>: the page at 1440x900 and 390x844 in zh-CN and en (switched by the
 * header's language button, so the page keeps its state), each after `ready`; ends in zh-CN.
 * `languages` ['zh-CN'] for the public pages, which speak Chinese only and have no such button.
 */
export async function shots(
  page: Page,
  name: string,
  ready: () => Promise<unknown>,
  languages: readonly ('zh-CN' | 'en')[] = ['zh-CN', 'en'],
) {
  const dir = process.env.DESK_SCREENSHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  for (const lang of languages) {
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await ready()
      await page.screenshot({ path: join(dir, `${name}-${lang}-${w}x${h}.png`), fullPage: true })
    }
  }
  if (languages.includes('en')) await page.getByRole('button', { name: '中文' }).click()
}
