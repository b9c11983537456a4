/**
 * First start of a desk: the default channels, the `admin` account and (unless DESK_DEMO=0) demo
 * data with demo staff. Runs on every start; each step does nothing when its data exists.
 */
import { DEFAULT_CHANNELS } from '@desk/domain'
import { randomBytes } from 'node:crypto'
import type { Db } from './db/client.ts'
import { ensureChannels } from './modules/channels/channels.service.ts'
import { ensureReturnReasons } from './modules/return-reasons/return-reasons.service.ts'
import { ensureDeadlineSetup } from './modules/deadlines/deadlines.service.ts'
import { ensureDisclosureSetup } from './modules/disclosure/disclosure-report.service.ts'
import { seedDemo, type DemoLogin } from './modules/seed/demo.service.ts'
import { countUsers, createUser } from './modules/users/users.service.ts'

export type BootstrapResult = {
  /** Set when the admin account was created now: the password to print once. */
  admin?: { username: string; password: string; generated: boolean }
  /** Demo accounts created now (empty when the desk had data). */
  demoLogins: DemoLogin[]
}

export async function bootstrapDesk(
  db: Db,
  opts: { adminPassword?: string | undefined; demo: boolean; now: number },
): Promise<BootstrapResult> {
  await ensureChannels(db, DEFAULT_CHANNELS, opts.now)
  await ensureReturnReasons(db)
  await ensureDeadlineSetup(db, opts.now)
  await ensureDisclosureSetup(db, opts.now)
  const result: BootstrapResult = { demoLogins: [] }
  if ((await countUsers(db)) === 0) {
    const password = opts.adminPassword ?? randomBytes(12).toString('base64url')
    await createUser(
      db,
      { username: 'admin', displayName: '系统管理员', role: 'admin', password },
      opts.now,
    )
    result.admin = { username: 'admin', password, generated: opts.adminPassword === undefined }
    if (opts.demo) result.demoLogins = await seedDemo(db, opts.now)
  }
  return result
}
