/**
 * The lines `pnpm start` ends with: where the desk is and how to sign in, framed so they stand
 * out from anything printed before. No right-hand border: terminals draw CJK characters two
 * columns wide, which would make it ragged.
 */
import type { DemoLogin } from './modules/seed/demo.service.ts'

export type StartInfo = {
  url: string
  dbPath: string
  /** Set on the first start: the admin account (with the password when it was generated). */
  admin?: { username: string; password: string; generated: boolean } | undefined
  demoLogins: readonly DemoLogin[]
}

const RULE = '═'.repeat(72)

/** The framed banner, one string with a trailing newline. */
export function formatStartBanner(info: StartInfo): string {
  const lines = [
    `Inquiry Desk · 多渠道问政答复台 is running: ${info.url}`,
    `Database: ${info.dbPath}`,
  ]
  if (info.admin) {
    lines.push(
      '',
      info.admin.generated
        ? `Admin login:  ${info.admin.username} / ${info.admin.password}   (generated now, shown once: write it down)`
        : `Admin login:  ${info.admin.username} / the password in DESK_ADMIN_PASSWORD`,
    )
  } else {
    lines.push('', 'Sign in with the accounts created on the first start.')
  }
  if (info.demoLogins.length > 0) {
    lines.push('', 'Demo logins (shown once):')
    const width = Math.max(...info.demoLogins.map((l) => l.username.length))
    for (const l of info.demoLogins)
      lines.push(`  ${l.username.padEnd(width)} / ${l.password}   ${l.role}`)
  }
  return [RULE, ...lines.map((l) => (l ? `  ${l}` : '')), RULE, ''].join('\n')
}
