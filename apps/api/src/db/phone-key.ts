/**
 * The desk's phone-search key: inquiries carry an HMAC-SHA256 of the citizen's phone (E.164,
 * domain `phoneE164`) so that staff can find a caller's inquiries by number, while the database
 * holds no index of readable numbers, and a copy of the database alone (a backup, an export of
 * the file) does not let anyone test numbers against it. The key is 32 random bytes kept in a
 * file beside the database (`phone-search.key`, hex, mode 0600), made on first start; it is never
 * written into the database. Losing it only loses phone search for the inquiries stored so far.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { phoneE164 } from '@desk/domain'
import { makePrivateDirSync } from '../lib/private-files.ts'
import type { Db } from './client.ts'
import { clientOf } from './connection.ts'

export const PHONE_KEY_FILE = 'phone-search.key'

const KEY_HEX = /^[0-9a-f]{64}$/

/**
 * The key kept in `dir` (made there when absent), or a fresh random key when `dir` is undefined
 * (an in-memory database).
 * @throws Error naming the file when it exists but does not hold a 64-digit hex key; fs errors
 */
export function loadPhoneKey(dir: string | undefined): Buffer {
  if (dir === undefined) return randomBytes(32)
  makePrivateDirSync(dir)
  const file = join(dir, PHONE_KEY_FILE)
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    // EEXIST: made by an earlier start (or by another process starting at the same moment)
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const hex = readFileSync(file, 'utf8').trim()
  if (!KEY_HEX.test(hex))
    throw new Error(`${file} does not hold a phone-search key (64 hex digits)`)
  return Buffer.from(hex, 'hex')
}

const keys = new WeakMap<Db['$client'], Buffer>()

/**
 * Binds `key` to the database `db` (openDb and openPostgres do, with loadPhoneKey's key; a
 * PostgreSQL transaction's connection gets its pool's key from pgTransaction).
 */
export function setPhoneKey(db: Db, key: Buffer): void {
  keys.set(clientOf(db), key)
}

/** The key bound to `db` (a backup keeps it beside the copied database), if one is. */
export function phoneKeyOf(db: Db): Buffer | undefined {
  return keys.get(clientOf(db))
}

/**
 * The HMAC (hex) of `phone` under `db`'s key: what `inquiries.citizen_phone_hmac` holds.
 * @returns null when `phone` is absent or not a valid number (domain `phoneE164`)
 * @throws Error when no key was bound to `db` (it was not opened with openDb)
 */
export function phoneHmac(db: Db, phone: string | null | undefined): string | null {
  const key = phoneKeyOf(db)
  if (!key) throw new Error('no phone-search key is bound to this database')
  return hmacOfPhone(key, phone)
}

/**
 * The HMAC (hex) of `phone` under `key` (phoneHmac without a database handle: the backfill).
 * @returns null when `phone` is absent or not a valid number (domain `phoneE164`)
 */
export function hmacOfPhone(key: Buffer, phone: string | null | undefined): string | null {
  const e164 = phone ? phoneE164(phone) : undefined
  if (e164 === undefined) return null
  return createHmac('sha256', key).update(e164).digest('hex')
}
