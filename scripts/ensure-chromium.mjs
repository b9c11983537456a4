// Makes sure a Chromium for the end-to-end tests exists: CHROMIUM_PATH, else /usr/bin/chromium,
// else (as root on Debian) installs Debian's chromium package. Playwright's own browser download
// is blocked on our network, so playwright-core drives the system browser.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) {
  console.log(`Chromium: ${path}`)
  process.exit(0)
}
if (process.getuid?.() !== 0) {
  console.error(
    `No Chromium at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  )
  process.exit(1)
}
console.log('Installing Debian chromium for the end-to-end tests (about 40 s)…')
const apt = (args) =>
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: 'inherit' })
apt(['update'])
apt(['install', '-y', '--no-install-recommends', 'chromium'])
if (!existsSync(path)) {
  console.error(`chromium installed but not found at ${path}; set CHROMIUM_PATH`)
  process.exit(1)
}
