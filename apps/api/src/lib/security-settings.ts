/**
 * Sign-in and session rules (configurable through the environment, see config.ts): login
 * throttling, password hashing concurrency, the password policy of 等保 2.0 and the idle timeout.
 */
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@desk/domain'

export type SecuritySettings = {
  /** failed sign-ins of one (username, address) pair allowed before back-off starts */
  loginFreeFailures: number
  /** first back-off (ms); it doubles with each further failure */
  loginBackoffMs: number
  /** longest back-off (ms) */
  loginMaxLockMs: number
  /** failed sign-ins per client address and hour, whatever the usernames (a looser cap) */
  loginAddressFailuresPerHour: number
  /** sessions end after this long without a request (ms); 0: never */
  sessionIdleMs: number
  passwordPolicy: PasswordPolicy
}

export const DEFAULT_SECURITY: SecuritySettings = {
  loginFreeFailures: 5,
  loginBackoffMs: 1000,
  loginMaxLockMs: 15 * 60_000,
  loginAddressFailuresPerHour: 100,
  sessionIdleMs: 30 * 60_000,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
}
