/**
 * Phone numbers as a search key. 12345 centres spot repeat callers by the caller's number, so
 * the desk finds a citizen's inquiries by phone. Numbers arrive written many ways (`138 1234
 * 5678`, `+86-138…`, `024-2345 6789`, full-width digits); E.164 (ITU-T E.164, `+8613812345678`)
 * is the one spelling each of them has, decided by libphonenumber's metadata.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * `input` in E.164 (`+8613812345678`), read as a mainland China number unless it starts with `+`
 * and a country code. NFKC first, so full-width digits read as digits.
 * @returns undefined when `input` is not a valid number (too short, an unknown prefix, letters)
 */
export function phoneE164(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.normalize('NFKC'), 'CN')
  return parsed?.isValid() ? parsed.number : undefined
}
