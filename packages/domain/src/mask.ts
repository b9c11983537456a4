/**
 * Masking of citizens' personal data in lists and exports (PIPL: show the minimum needed).
 * Each function returns undefined for an absent value.
 */

/** `13812345678` -> `138****5678`; other numbers keep their first 3 and last 4 characters. */
export function maskPhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined
  const p = phone.trim()
  if (p.length <= 7) return p.slice(0, 1) + '*'.repeat(Math.max(p.length - 1, 0))
  return `${p.slice(0, 3)}****${p.slice(-4)}`
}

/** `张三丰` -> `张**`, `Ann Lee` -> `A******`: keeps the first character. */
export function maskName(name: string | null | undefined): string | undefined {
  if (!name) return undefined
  const chars = Array.from(name.trim())
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1))
}

/** `zhang.san@example.cn` -> `z***@example.cn`. */
export function maskEmail(email: string | null | undefined): string | undefined {
  if (!email) return undefined
  const at = email.indexOf('@')
  if (at <= 0) return '***'
  return `${email[0]}***${email.slice(at)}`
}
