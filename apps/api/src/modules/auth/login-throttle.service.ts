/**
 * Login throttling that counts failures only (a successful sign-in clears its pair's count):
 * per (username, address) an exponential back-off after `loginFreeFailures` failures (1 s, 2 s,
 * 4 s … up to `loginMaxLockMs`), and per address a looser cap of failures per hour whatever the
 * usernames. Keyed by the pair, a guesser elsewhere cannot lock a user out of their own address.
 * Each lock is an audit event (`login_locked`, `login_address_capped`) admins can see.
 */
import { normalizeUsername } from '@desk/domain'
import { withTransaction } from '../../db/transaction.ts'
import type { Db } from '../../db/client.ts'
import type { SecuritySettings } from '../../lib/security-settings.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './login-throttle.repo.ts'

const HOUR_MS = 3_600_000

// the name as the desk compares it, so a name typed with spaces or in another case is one pair
const pairKey = (username: string, address: string) =>
  `user:${normalizeUsername(username)}|${address}`
const addressKey = (address: string) => `addr:${address}`

/** How long (ms) sign-ins of `username` from `address` must wait; 0: go ahead. */
export async function loginWaitMs(
  db: Db,
  username: string,
  address: string,
  now: number,
): Promise<number> {
  const rows = await repo.findThrottleRows(db, [pairKey(username, address), addressKey(address)])
  return Math.max(0, ...rows.map((r) => r.lockedUntil - now))
}

/** Counts one failure of the pair and of the address; sets (and records) a lock when due. */
export async function recordLoginFailure(
  db: Db,
  username: string,
  address: string,
  now: number,
  s: SecuritySettings,
) {
  await withTransaction(db, async (t) => {
    // each count is one atomic statement: concurrent failures on any process all count
    const pair = await repo.countFailure(t, pairKey(username, address), now, HOUR_MS)
    const over = pair.failures - s.loginFreeFailures
    if (over >= 0) {
      const lockedUntil =
        now + Math.min(s.loginMaxLockMs, s.loginBackoffMs * 2 ** Math.min(over, 30))
      await repo.lockUntil(t, pair.key, lockedUntil)
      await recordAudit(t, {
        at: now,
        action: 'login_locked',
        target: `username:${username}`,
        address,
        detail: { failures: pair.failures, lockedUntil },
      })
    }
    const addr = await repo.countFailure(t, addressKey(address), now, HOUR_MS)
    if (addr.failures >= s.loginAddressFailuresPerHour) {
      const lockedUntil = addr.windowStart + HOUR_MS
      await repo.lockUntil(t, addr.key, lockedUntil)
      if (addr.failures === s.loginAddressFailuresPerHour) {
        await recordAudit(t, {
          at: now,
          action: 'login_address_capped',
          target: `address:${address}`,
          address,
          detail: { failures: addr.failures, lockedUntil },
        })
      }
    }
    await repo.pruneThrottleRows(t, now - 2 * HOUR_MS)
  })
}

/** A successful sign-in clears its pair's failures (the address cap keeps counting). */
export async function clearLoginFailures(db: Db, username: string, address: string) {
  await repo.deleteThrottleRow(db, pairKey(username, address))
}
