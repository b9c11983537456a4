/**
 * The Chromium every end-to-end spec drives: Debian's browser (CHROMIUM_PATH overrides
 * /usr/bin/chromium; Playwright's own download is blocked here) with the flags of TOOLCHAIN.md.
 * Without the background-networking flags Chromium floods the closed network with refused connections.
 */
import { chromium, type Browser } from 'playwright-core'

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
