/** Random tokens (sessions, CSRF, API tokens) and their stored sha256 form. */
import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes, base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url')

/** Hex sha256 of a token: what the database keeps. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')
