/**
 * The few grammar helpers the API's English messages need (the SPA translates by `details.reason`;
 * these messages are for logs, the CLI and API clients). Plurals and lists follow CLDR through
 * Intl, so a count of 1 reads "1 problem" and two fields read "body and sentAt".
 */
const PLURAL = new Intl.PluralRules('en')
const LIST = new Intl.ListFormat('en', { type: 'conjunction' })

/** `count` and the noun in its number: `counted(1, 'problem')` is "1 problem", 2 "2 problems". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${PLURAL.select(count) === 'one' ? noun : plural}`
}

/** The items as an English list: "a", "a and b", "a, b and c". */
export const listed = (items: readonly string[]): string => LIST.format(items)

/** The verb agreeing with `subjects`: `agreeing(['body'], 'differs', 'differ')` is "differs". */
export const agreeing = (subjects: readonly unknown[], singular: string, plural: string) =>
  subjects.length === 1 ? singular : plural

/** The word with its indefinite article by its first letter: "an unspecified", "a loopback". */
export const withArticle = (word: string): string =>
  `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
