/**
 * Password hashing with Node's scrypt (RFC 7914), N=2^15, r=8, p=1, 16-byte salt, 32-byte key.
 * Stored as `scrypt$N$r$p$saltB64$keyB64` so the parameters can be raised later.
 *
 * At most `HASH_CONCURRENCY` derivations run at once and at most `HASH_QUEUE` wait: scrypt runs on
 * libuv's small thread pool (4 threads), and an unbounded flood of sign-in attempts would queue
 * every real login (and file I/O) behind it. Beyond the queue, callers are refused at once.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { AppError } from './errors.ts'

const N = 32768
const R = 8
const P = 1
const KEY_LEN = 32
const HASH_CONCURRENCY = 2
const HASH_QUEUE = 32

let running = 0
const waiting: (() => void)[] = []

/** Runs `work` when a hashing slot is free; @throws AppError RATE_LIMITED when the queue is full */
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running < HASH_CONCURRENCY) running += 1
  else if (waiting.length < HASH_QUEUE) await new Promise<void>((resolve) => waiting.push(resolve))
  else
    throw new AppError('RATE_LIMITED', 'Too many sign-ins at once; please try again in a moment', {
      retryAfterSeconds: 1,
    })
  try {
    return await work()
  } finally {
    // hand the slot straight to the next waiter, so no newcomer can slip in between
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return inSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password, salt, KEY_LEN, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  )
}

/** Hashes a password (about 50 ms on our 2-core machines). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** True when `password` matches `stored`; false for a malformed hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, key] = stored.split('$')
  if (algo !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let dummy: Promise<string> | undefined
/**
 * A hash of a random password, made once per process: checking a password against it costs what
 * checking a real user's costs, so the answer time does not tell whether a username exists.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'))
  return dummy
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SYMBOLS = '#%+-=@_'
const ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS

/** One character of `chars`, uniformly (crypto randomness). */
const pick = (chars: string) => chars[randomInt(chars.length)] ?? ''

/**
 * A generated password (a reset's temporary one, or the `desk user` command's): 24 characters,
 * one of each class (lower, upper, digit, symbol) so it meets any policy's classes, the rest from
 * all four, shuffled (Fisher–Yates with crypto randomness) so no position is predictable. Look-alike
 * characters (l, I, O, 0, 1) are left out: the password is read off a screen and typed.
 */
export function temporaryPassword(): string {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)]
  while (chars.length < 24) chars.push(pick(ALPHABET))
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? '']
  }
  return chars.join('')
}
