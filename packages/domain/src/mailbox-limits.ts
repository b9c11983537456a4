/**
 * Length limits of the public director's mailbox (局长信箱) fields, in characters (UTF-16 code
 * units, as zod's `.max` and a textarea count them): subject 60, body 3000, name 30, email 100.
 * A module of its own, free of libphonenumber, so the public form can count as the citizen types
 * without loading the phone metadata; mailbox.ts's submission schema applies the same limits.
 */
export const MAILBOX_LIMITS = { subject: 60, body: 3000, name: 30, email: 100 } as const
